/**
 * Kernels that run in parts on the thread pool: the three products, the activations forward
 * and backward, adding the bias row and layer normalization's forward pass — the passes that
 * dominate a probe and a training step. The rest (reductions, whose sums would change order if
 * cut; small per-column passes) stay on the caller, inherited from the one-thread methods. A
 * call is cut only where each part gets enough work to pay for waking a helper.
 */
import type { ActCode } from '../../kernels';
import { wasmKernelMethods, type KernelMethods, type WasmKernelsState } from '../wasm-kernels';
import { ELEMENT_ALIGN, FOUR_BYTES, splitProduct, splitSpan } from './split';
import { Op, type ThreadExports } from './protocol';
import type { KernelThreads } from './pool';

/** Least work per part: multiply-adds of a product, floats of a pass. */
const minimumWork = { product: 1 << 18, pass: 1 << 14 };

/**
 * Cut every call into parts however small (`units` of work per part): the engine's tests run
 * so with two threads, to exercise every cut. `null` restores the defaults.
 */
export function setMinimumPartWork(units: number | null): void {
  minimumWork.product = units ?? 1 << 18;
  minimumWork.pass = units ?? 1 << 14;
}

/** What the threaded methods find on `this`. */
export interface ThreadedState extends WasmKernelsState {
  readonly w: ThreadExports;
  readonly pool: KernelThreads;
  readonly threads: number;
  /** Bytes per row of a row-wise pass, per pointer slot (set per call: no allocation). */
  readonly rowBytes: number[];
}

/** The argument slots that are addresses, per cut call. */
const FORWARD_POINTERS = [1, 2];
const BACKWARD_POINTERS = [1, 2, 3, 4];
const ROW_POINTERS = [0];
const NORM_POINTERS = [0, 1, 2, 3];

/** How many parts to cut `work` into: no more than the threads, at least `least` each. */
function partsFor(state: ThreadedState, work: number, least: number): number {
  const threads = Math.min(state.threads, state.pool.available());
  return Math.max(1, Math.min(threads, Math.floor(work / least)));
}

function product(
  state: ThreadedState,
  kind: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  m: number,
  k: number,
  n: number,
  acc: boolean,
): void {
  const { heap, pool } = state;
  const wanted = partsFor(state, m * n * k, minimumWork.product);
  const pa = heap.ptr(a);
  const pb = heap.ptr(b);
  const pc = heap.ptr(c);
  pool.run(Op.GemmBlock, splitProduct(pool.args, wanted, kind, pa, pb, pc, m, k, n, acc ? 1 : 0));
}

// Single-part calls go straight to the export; the others write part 0's arguments and cut.
const threaded: Partial<KernelMethods> & ThisType<ThreadedState> = {
  gemm(a, b, c, m, k, n, acc) {
    product(this, 0, a, b, c, m, k, n, acc);
  },
  gemmTN(a, b, c, m, k, n, acc) {
    product(this, 1, a, b, c, m, k, n, acc);
  },
  gemmNT(a, b, c, m, k, n, acc) {
    product(this, 2, a, b, c, m, k, n, acc);
  },
  activationForward(act: ActCode, z, h, n) {
    const { heap, pool } = this;
    const wanted = partsFor(this, n, minimumWork.pass);
    if (wanted === 1) return this.w.activationForward(act, heap.ptr(z), heap.ptr(h), n);
    const args = pool.args;
    args[0] = act;
    args[1] = heap.ptr(z);
    args[2] = heap.ptr(h);
    args[3] = n;
    const count = splitSpan(args, wanted, n, ELEMENT_ALIGN, 3, FORWARD_POINTERS, FOUR_BYTES);
    pool.run(Op.ActivationForward, count);
  },
  activationBackward(act: ActCode, z, h, dh, dz, n) {
    const { heap, pool } = this;
    const args = pool.args;
    args[0] = act;
    args[1] = heap.ptr(z);
    args[2] = heap.ptr(h);
    args[3] = heap.ptr(dh);
    args[4] = heap.ptr(dz);
    args[5] = n;
    const wanted = partsFor(this, n, minimumWork.pass);
    const count = splitSpan(args, wanted, n, ELEMENT_ALIGN, 5, BACKWARD_POINTERS, FOUR_BYTES);
    pool.run(Op.ActivationBackward, count);
  },
  addRowVector(x, v, rows, cols) {
    const { heap, pool, rowBytes } = this;
    const args = pool.args;
    args[0] = heap.ptr(x);
    args[1] = heap.ptr(v);
    args[2] = rows;
    args[3] = cols;
    rowBytes[0] = cols * 4;
    const wanted = partsFor(this, rows * cols, minimumWork.pass);
    pool.run(Op.AddRowVector, splitSpan(args, wanted, rows, 1, 2, ROW_POINTERS, rowBytes));
  },
  layernormForward(x, xhat, out, invStd, gamma, beta, rows, cols, eps) {
    const { heap, pool, rowBytes } = this;
    const args = pool.args;
    args[0] = heap.ptr(x);
    args[1] = heap.ptr(xhat);
    args[2] = heap.ptr(out);
    args[3] = heap.ptr(invStd);
    args[4] = heap.ptr(gamma);
    args[5] = heap.ptr(beta);
    args[6] = rows;
    args[7] = cols;
    pool.scalar[0] = eps;
    rowBytes[0] = rowBytes[1] = rowBytes[2] = cols * 4;
    const wanted = partsFor(this, rows * cols, minimumWork.pass);
    pool.run(Op.LayernormForward, splitSpan(args, wanted, rows, 1, 6, NORM_POINTERS, rowBytes));
  },
};

/** The threaded methods: these seven cut into parts, the rest as on one thread. */
export const threadedKernelMethods = Object.setPrototypeOf(
  threaded,
  wasmKernelMethods,
) as KernelMethods & ThisType<ThreadedState>;
