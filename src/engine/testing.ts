/**
 * Helpers for the engine's tests: the backends to run on, and central finite differences.
 */
import type { BackendName, Kernels } from './kernels/kernels';
import { BACKENDS, createKernels } from './kernels';
import { kernelThreads } from './kernels/wasm';
import { variantSupported } from './kernels/wasm/load';
import { Rng } from './rng';

export interface BackendAvailability {
  name: BackendName;
  /** Why this backend's tests are skipped here, or null when they run. */
  skipped: string | null;
}

/**
 * Every backend, with why it is skipped here. Only a runtime without WebAssembly SIMD may skip
 * wasm, and the run of the engine's suite on threads skips ts (it has no threads, and its
 * tests ran in the one-thread run); any other failure to create a backend (say, kernels not
 * built) throws, so a broken backend fails the run instead of quietly dropping out of every
 * describe.each.
 */
export function backendAvailability(
  create: (name: BackendName) => Kernels = createKernels,
  simd: () => boolean = () => variantSupported('simd'),
  threads: number = kernelThreads(),
): BackendAvailability[] {
  return BACKENDS.map((name) => {
    if (name === 'wasm' && !simd()) {
      return { name, skipped: 'this runtime does not support WebAssembly SIMD' };
    }
    if (name === 'ts' && threads > 1) {
      return { name, skipped: `this run checks the wasm kernels on ${threads} threads` };
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

/** One tensor of a gradient check: `x`, and the analytic gradient of the loss with respect to it. */
export interface GradientTensor {
  x: Float32Array;
  analytic: ArrayLike<number>;
}

/**
 * Tolerance on ‖a − n‖ / max(‖a‖, ‖n‖, floor) per tensor. Measured with ε = 3e-3 over the ops
 * and network checks on both backends: float32 noise at most 3.5e-4 (5.7e-4 for the zero
 * gradients under batchnorm, against the floor); a backward 1 % wrong scores at least 9.8e-3.
 */
export const GRADIENT_TOLERANCE = 2e-3;
/** A backward this much wrong must fail every check (its positive control). */
const WRONG = 1.01;

/** Central differences (f(x+ε) − f(x−ε)) / 2ε of `loss` with respect to each entry of `x`. */
function numericGradient(loss: () => number, x: Float32Array, eps: number): Float64Array {
  const numeric = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const saved = x[i];
    x[i] = saved + eps;
    const up = loss();
    x[i] = saved - eps;
    const down = loss();
    x[i] = saved;
    // Divide by the perturbation float32 really applied, not the one asked for.
    numeric[i] = (up - down) / (Math.fround(saved + eps) - Math.fround(saved - eps));
  }
  return numeric;
}

function norm(v: ArrayLike<number>, scale = 1, minus?: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (scale * v[i] - (minus ? minus[i] : 0)) ** 2;
  return Math.sqrt(sum);
}

/**
 * Compares analytic gradients with central differences, one tensor at a time, on the whole
 * vector: ‖a − n‖ / max(‖a‖, ‖n‖, floor) ≤ GRADIENT_TOLERANCE. (Entry-wise tolerances loose
 * enough for float32 noise on small entries let a backward 1 % wrong pass.) `floor` is
 * `floorFraction` of the gradient norm over all tensors, so a tensor whose gradient is exactly
 * zero (a bias under batchnorm) does not divide noise by noise. Returns what failed, including
 * the positive control: every tensor above the floor must fail with its gradient scaled by 1.01.
 */
export function gradientMismatches(
  loss: () => number,
  tensors: GradientTensor[],
  options: { eps: number; floorFraction?: number },
): string[] {
  const numerics = tensors.map(({ x }) => numericGradient(loss, x, options.eps));
  const floor = (options.floorFraction ?? 0) * norm(tensors.flatMap((t) => Array.from(t.analytic)));
  const problems: string[] = [];
  tensors.forEach(({ analytic }, t) => {
    const numeric = numerics[t];
    const size = (scale: number) => Math.max(norm(analytic, scale), norm(numeric), floor);
    const error = norm(analytic, 1, numeric) / size(1);
    if (!(error <= GRADIENT_TOLERANCE)) {
      problems.push(`tensor ${t}: relative error ${error.toExponential(2)}`);
    }
    const wrong = norm(analytic, WRONG, numeric) / size(WRONG);
    if (norm(analytic) > floor && !(wrong > GRADIENT_TOLERANCE)) {
      problems.push(`tensor ${t}: a gradient 1 % wrong passes (${wrong.toExponential(2)})`);
    }
  });
  return problems;
}
