/**
 * The Kernels interface on one instance of the kernels' module: each method turns its views into
 * heap addresses and calls the export. The methods live on one prototype shared by every
 * instance (not closures made per instance), so a call site in the engine reaches the same
 * function whichever kernels it holds, and the JIT can inline it: a call it cannot inline boxes
 * every float argument, which a training step would pay hundreds of bytes for.
 */
import { OptCode, RESULT_SLOTS, type Kernels } from '../kernels';
import type { WasmHeap } from './heap';
import type { WasmExports } from './load';

/** What the shared methods find on `this`. */
export interface WasmKernelsState {
  readonly w: WasmExports;
  readonly heap: WasmHeap;
}

export type KernelMethods = Omit<Kernels, 'name' | 'variant' | 'threads'>;

export const wasmKernelMethods: KernelMethods & ThisType<WasmKernelsState> = {
  reserve(floats) {
    this.heap.grow(this.heap.baseBytes + floats * 4);
    return this.heap.baseBytes / 4;
  },
  view(offset, length) {
    return this.heap.view(offset, length);
  },
  results() {
    return this.heap.results();
  },
  gemm(a, b, c, m, k, n, acc) {
    return this.w.gemm(this.heap.ptr(a), this.heap.ptr(b), this.heap.ptr(c), m, k, n, acc ? 1 : 0);
  },
  gemmTN(a, b, c, m, k, n, acc) {
    return this.w.gemmTN(
      this.heap.ptr(a),
      this.heap.ptr(b),
      this.heap.ptr(c),
      m,
      k,
      n,
      acc ? 1 : 0,
    );
  },
  gemmNT(a, b, c, m, k, n, acc) {
    return this.w.gemmNT(
      this.heap.ptr(a),
      this.heap.ptr(b),
      this.heap.ptr(c),
      m,
      k,
      n,
      acc ? 1 : 0,
    );
  },
  addRowVector(x, v, rows, cols) {
    return this.w.addRowVector(this.heap.ptr(x), this.heap.ptr(v), rows, cols);
  },
  columnSums(x, out, rows, cols, acc) {
    return this.w.columnSums(this.heap.ptr(x), this.heap.ptr(out), rows, cols, acc ? 1 : 0);
  },
  axpy(alpha, x, y, n) {
    return this.w.axpy(alpha, this.heap.ptr(x), this.heap.ptr(y), n);
  },
  scale(x, alpha, n) {
    return this.w.scale(this.heap.ptr(x), alpha, n);
  },
  multiply(x, y, out, n) {
    return this.w.multiply(this.heap.ptr(x), this.heap.ptr(y), this.heap.ptr(out), n);
  },
  addScaled(x, alpha, y, out, n) {
    return this.w.addScaled(this.heap.ptr(x), alpha, this.heap.ptr(y), this.heap.ptr(out), n);
  },
  activationForward(act, z, h, n) {
    return this.w.activationForward(act, this.heap.ptr(z), this.heap.ptr(h), n);
  },
  activationBackward(act, z, h, dh, dz, n) {
    return this.w.activationBackward(
      act,
      this.heap.ptr(z),
      this.heap.ptr(h),
      this.heap.ptr(dh),
      this.heap.ptr(dz),
      n,
    );
  },
  maxoutForward(z, h, rows, units) {
    return this.w.maxoutForward(this.heap.ptr(z), this.heap.ptr(h), rows, units);
  },
  maxoutBackward(z, dh, dz, rows, units) {
    return this.w.maxoutBackward(
      this.heap.ptr(z),
      this.heap.ptr(dh),
      this.heap.ptr(dz),
      rows,
      units,
    );
  },
  batchnormForwardTrain(
    z,
    xhat,
    out,
    mean,
    invStd,
    gamma,
    beta,
    rMean,
    rVar,
    rows,
    cols,
    eps,
    momentum,
  ) {
    return this.w.batchnormForwardTrain(
      this.heap.ptr(z),
      this.heap.ptr(xhat),
      this.heap.ptr(out),
      this.heap.ptr(mean),
      this.heap.ptr(invStd),
      this.heap.ptr(gamma),
      this.heap.ptr(beta),
      this.heap.ptr(rMean),
      this.heap.ptr(rVar),
      rows,
      cols,
      eps,
      momentum,
    );
  },
  batchnormForwardEval(z, out, gamma, beta, rMean, rVar, rows, cols, eps) {
    return this.w.batchnormForwardEval(
      this.heap.ptr(z),
      this.heap.ptr(out),
      this.heap.ptr(gamma),
      this.heap.ptr(beta),
      this.heap.ptr(rMean),
      this.heap.ptr(rVar),
      rows,
      cols,
      eps,
    );
  },
  batchnormBackward(dout, xhat, invStd, gamma, dz, dgamma, dbeta, rows, cols) {
    return this.w.batchnormBackward(
      this.heap.ptr(dout),
      this.heap.ptr(xhat),
      this.heap.ptr(invStd),
      this.heap.ptr(gamma),
      this.heap.ptr(dz),
      this.heap.ptr(dgamma),
      this.heap.ptr(dbeta),
      rows,
      cols,
    );
  },
  layernormForward(x, xhat, out, invStd, gamma, beta, rows, cols, eps) {
    return this.w.layernormForward(
      this.heap.ptr(x),
      this.heap.ptr(xhat),
      this.heap.ptr(out),
      this.heap.ptr(invStd),
      this.heap.ptr(gamma),
      this.heap.ptr(beta),
      rows,
      cols,
      eps,
    );
  },
  layernormBackward(dout, xhat, invStd, gamma, dx, dgamma, dbeta, rows, cols) {
    return this.w.layernormBackward(
      this.heap.ptr(dout),
      this.heap.ptr(xhat),
      this.heap.ptr(invStd),
      this.heap.ptr(gamma),
      this.heap.ptr(dx),
      this.heap.ptr(dgamma),
      this.heap.ptr(dbeta),
      rows,
      cols,
    );
  },
  softmaxCrossEntropy(logits, labels, probs, dlogits, rows, classes) {
    return this.w.softmaxCrossEntropy(
      this.heap.ptr(logits),
      this.heap.ptr(labels),
      this.heap.ptr(probs),
      this.heap.ptr(dlogits),
      rows,
      classes,
    );
  },
  sumSquares(x, n) {
    return this.w.sumSquares(this.heap.ptr(x), n);
  },
  dot(x, y, n) {
    return this.w.dot(this.heap.ptr(x), this.heap.ptr(y), n);
  },
  moments(x, n) {
    return this.w.moments(this.heap.ptr(x), n);
  },
  countOutside(x, n, low, high) {
    return this.w.countOutside(this.heap.ptr(x), n, low, high);
  },
  deadColumns(z, rows, cols) {
    return this.w.deadColumns(this.heap.ptr(z), rows, cols);
  },
  columnPositiveFraction(x, out, rows, cols) {
    return this.w.columnPositiveFraction(this.heap.ptr(x), this.heap.ptr(out), rows, cols);
  },
  histogram(x, n, low, high, bins, mode) {
    if (bins < 1 || bins > RESULT_SLOTS - 3) {
      throw new RangeError(`histogram: bins must be in [1, ${RESULT_SLOTS - 3}]`);
    }
    this.w.histogram(this.heap.ptr(x), n, low, high, bins, mode);
  },
  optimizerStep(opt, w, g, m, v, n, lr, beta1, beta2, eps, step, decay) {
    // Adam's bias corrections, computed here so both backends use the same Math.pow.
    const adam = opt === OptCode.Adam;
    const correction1 = adam ? 1 - Math.pow(beta1, step) : 1;
    const correction2 = adam ? 1 - Math.pow(beta2, step) : 1;
    const floats = this.heap.floatArguments();
    floats[0] = lr;
    floats[1] = beta1;
    floats[2] = beta2;
    floats[3] = eps;
    floats[4] = correction1;
    floats[5] = correction2;
    floats[6] = adam ? decay : 0;
    const { heap } = this;
    this.w.optimizerStep(opt, heap.ptr(w), heap.ptr(g), heap.ptr(m), heap.ptr(v), n);
  },
};

/** Kernels on `state`'s module instance, with `methods` (these, or the threaded ones). */
export function kernelsOn<S extends WasmKernelsState>(
  methods: KernelMethods & ThisType<S>,
  state: S & Pick<Kernels, 'name' | 'variant' | 'threads'>,
): Kernels {
  return Object.assign(Object.create(methods) as KernelMethods, state);
}
