/**
 * Helpers for the engine's tests: the backends to run on, and central finite differences.
 */
import type { BackendName, Kernels } from './kernels/kernels';
import { BACKENDS, createKernels } from './kernels';
import { Rng } from './rng';

/** Every backend this runtime can create (wasm needs WebAssembly SIMD). */
export function testBackends(): BackendName[] {
  return BACKENDS.filter((name) => {
    try {
      createKernels(name);
      return true;
    } catch {
      return false;
    }
  });
}

/** A heap view filled with values ~ N(0, scale²). */
export function randomView(
  kernels: Kernels,
  offset: number,
  length: number,
  rng: Rng,
  scale = 1,
): Float32Array {
  const view = kernels.view(offset, length);
  rng.fillNormal(view, scale);
  return view;
}

export interface GradientMismatch {
  index: number;
  analytic: number;
  numeric: number;
}

/**
 * Compares analytic gradients with central differences (f(x+ε) − f(x−ε)) / 2ε, entry by entry.
 * An entry passes when |analytic − numeric| ≤ absTol + relTol·max(|analytic|, |numeric|).
 */
export function gradientMismatches(
  loss: () => number,
  x: Float32Array,
  analytic: ArrayLike<number>,
  options: { eps: number; absTol: number; relTol: number },
): GradientMismatch[] {
  const mismatches: GradientMismatch[] = [];
  for (let i = 0; i < x.length; i++) {
    const saved = x[i];
    x[i] = saved + options.eps;
    const up = loss();
    x[i] = saved - options.eps;
    const down = loss();
    x[i] = saved;
    // Divide by the perturbation float32 really applied, not the one asked for.
    const numeric =
      (up - down) / (Math.fround(saved + options.eps) - Math.fround(saved - options.eps));
    const a = analytic[i];
    if (
      Math.abs(a - numeric) >
      options.absTol + options.relTol * Math.max(Math.abs(a), Math.abs(numeric))
    ) {
      mismatches.push({ index: i, analytic: a, numeric });
    }
  }
  return mismatches;
}
