/**
 * Helpers for the engine's tests: the backends to run on, and central finite differences.
 */
import type { BackendName, Kernels } from './kernels/kernels';
import { BACKENDS, createKernels } from './kernels';
import { variantSupported } from './kernels/wasm/load';
import { Rng } from './rng';

export interface BackendAvailability {
  name: BackendName;
  /** Why this backend's tests are skipped here, or null when they run. */
  skipped: string | null;
}

/**
 * Every backend, with why it is skipped here. Only a runtime without WebAssembly SIMD may skip
 * wasm; any other failure to create a backend (say, kernels not built) throws, so a broken
 * backend fails the run instead of quietly dropping out of every describe.each.
 */
export function backendAvailability(
  create: (name: BackendName) => Kernels = createKernels,
  simd: () => boolean = () => variantSupported('simd'),
): BackendAvailability[] {
  return BACKENDS.map((name) => {
    if (name === 'wasm' && !simd()) {
      return { name, skipped: 'this runtime does not support WebAssembly SIMD' };
    }
    try {
      create(name);
    } catch (error) {
      throw new Error(`the ${name} backend cannot be created: ${String(error)}`, { cause: error });
    }
    return { name, skipped: null };
  });
}

/**
 * The backends whose tests run here. A skipped one is reported by testing.test.ts, as a skipped
 * test that names the reason.
 */
export function testBackends(): BackendName[] {
  return backendAvailability()
    .filter((backend) => backend.skipped === null)
    .map((backend) => backend.name);
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
