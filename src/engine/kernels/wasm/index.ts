/**
 * The WebAssembly SIMD backend. Its heap is the module's own memory: the engine's buffers are
 * views of it, so kernels run on them in place (no copying in or out). `reserve` grows the memory,
 * which replaces its ArrayBuffer; views and `results()` are then made anew on the new buffer.
 */
import { OptCode, RESULT_SLOTS, type Kernels } from '../kernels';
import { bestVariant, instantiate, wasmUnavailableReason, type WasmVariant } from './load';
import { errorMessage } from '../../format';

export type { WasmVariant } from './load';
export { wasmUnavailableReason } from './load';

/**
 * Node (CLI, tests): makes the wasm backend available when its build exists. A missing build is
 * not an error (the ts backend needs none; wasmUnavailableReason() then says what to run); any
 * other failure to load it is.
 */
export async function loadBuiltWasm(): Promise<void> {
  try {
    await import('./built');
  } catch (error) {
    const message = errorMessage(error);
    if (!message.includes('build/modules')) throw error;
  }
}

const PAGE_BYTES = 65536;

/** Whether the wasm backend can be created here: its build is present and SIMD validates. */
export function wasmSimdSupported(): boolean {
  return wasmUnavailableReason() === null;
}

/**
 * A new wasm backend with its own memory. `variant` defaults to the fastest this runtime
 * supports (relaxed SIMD where it validates, else standard SIMD); name one to compare them.
 */
export function createWasmKernels(variant: WasmVariant = bestVariant()): Kernels {
  const wasm = instantiate(variant);
  const memory = wasm.memory;
  const baseBytes = wasm.callerOffset();
  const resultsBytes = wasm.resultsOffset();
  let buffer = memory.buffer;
  let results = new Float64Array(0); // made by the first grow()

  /** The byte address of a heap view, refusing views of another heap or of a replaced buffer. */
  function ptr(x: Float32Array): number {
    if (x.buffer !== buffer) {
      throw new Error('wasm kernels: array is not a view of the current heap (use kernels.view)');
    }
    return x.byteOffset;
  }

  function grow(bytes: number): void {
    const have = memory.buffer.byteLength;
    if (have < bytes) {
      try {
        memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
      } catch (error) {
        const mib = Math.ceil(bytes / 2 ** 20);
        throw new RangeError(`wasm kernels: cannot grow the heap to ${mib} MiB (${error})`);
      }
    }
    if (memory.buffer !== buffer || results.length === 0) {
      buffer = memory.buffer;
      results = new Float64Array(buffer, resultsBytes, RESULT_SLOTS);
    }
  }
  // The scratch below the caller's region must exist before the first kernel runs.
  grow(baseBytes);

  return {
    name: 'wasm',
    variant,
    reserve(floats) {
      grow(baseBytes + floats * 4);
      return baseBytes / 4;
    },
    view(offset, length) {
      if (offset < baseBytes / 4 || (offset + length) * 4 > buffer.byteLength) {
        throw new RangeError(
          `wasm kernels: view [${offset}, ${offset + length}) is outside the reserved region ` +
            `(it starts at the offset reserve() returned, ${baseBytes / 4})`,
        );
      }
      return new Float32Array(buffer, offset * 4, length);
    },
    results: () => results,
    gemm: (a, b, c, m, k, n, acc) => wasm.gemm(ptr(a), ptr(b), ptr(c), m, k, n, acc ? 1 : 0),
    gemmTN: (a, b, c, m, k, n, acc) => wasm.gemmTN(ptr(a), ptr(b), ptr(c), m, k, n, acc ? 1 : 0),
    gemmNT: (a, b, c, m, k, n, acc) => wasm.gemmNT(ptr(a), ptr(b), ptr(c), m, k, n, acc ? 1 : 0),
    addRowVector: (x, v, rows, cols) => wasm.addRowVector(ptr(x), ptr(v), rows, cols),
    columnSums: (x, out, rows, cols, acc) =>
      wasm.columnSums(ptr(x), ptr(out), rows, cols, acc ? 1 : 0),
    axpy: (alpha, x, y, n) => wasm.axpy(alpha, ptr(x), ptr(y), n),
    scale: (x, alpha, n) => wasm.scale(ptr(x), alpha, n),
    multiply: (x, y, out, n) => wasm.multiply(ptr(x), ptr(y), ptr(out), n),
    addScaled: (x, alpha, y, out, n) => wasm.addScaled(ptr(x), alpha, ptr(y), ptr(out), n),
    activationForward: (act, z, h, n) => wasm.activationForward(act, ptr(z), ptr(h), n),
    activationBackward: (act, z, h, dh, dz, n) =>
      wasm.activationBackward(act, ptr(z), ptr(h), ptr(dh), ptr(dz), n),
    maxoutForward: (z, h, rows, units) => wasm.maxoutForward(ptr(z), ptr(h), rows, units),
    maxoutBackward: (z, dh, dz, rows, units) =>
      wasm.maxoutBackward(ptr(z), ptr(dh), ptr(dz), rows, units),
    batchnormForwardTrain: (z, xhat, out, mean, invStd, gamma, beta, rMean, rVar, ...sizes) =>
      wasm.batchnormForwardTrain(
        ptr(z),
        ptr(xhat),
        ptr(out),
        ptr(mean),
        ptr(invStd),
        ptr(gamma),
        ptr(beta),
        ptr(rMean),
        ptr(rVar),
        ...sizes,
      ),
    batchnormForwardEval: (z, out, gamma, beta, rMean, rVar, ...sizes) =>
      wasm.batchnormForwardEval(
        ptr(z),
        ptr(out),
        ptr(gamma),
        ptr(beta),
        ptr(rMean),
        ptr(rVar),
        ...sizes,
      ),
    batchnormBackward: (dout, xhat, invStd, gamma, dz, dgamma, dbeta, rows, cols) =>
      wasm.batchnormBackward(
        ptr(dout),
        ptr(xhat),
        ptr(invStd),
        ptr(gamma),
        ptr(dz),
        ptr(dgamma),
        ptr(dbeta),
        rows,
        cols,
      ),
    layernormForward: (x, xhat, out, invStd, gamma, beta, rows, cols, eps) =>
      wasm.layernormForward(
        ptr(x),
        ptr(xhat),
        ptr(out),
        ptr(invStd),
        ptr(gamma),
        ptr(beta),
        rows,
        cols,
        eps,
      ),
    layernormBackward: (dout, xhat, invStd, gamma, dx, dgamma, dbeta, rows, cols) =>
      wasm.layernormBackward(
        ptr(dout),
        ptr(xhat),
        ptr(invStd),
        ptr(gamma),
        ptr(dx),
        ptr(dgamma),
        ptr(dbeta),
        rows,
        cols,
      ),
    softmaxCrossEntropy: (logits, labels, probs, dlogits, rows, classes) =>
      wasm.softmaxCrossEntropy(ptr(logits), ptr(labels), ptr(probs), ptr(dlogits), rows, classes),
    sumSquares: (x, n) => wasm.sumSquares(ptr(x), n),
    dot: (x, y, n) => wasm.dot(ptr(x), ptr(y), n),
    moments: (x, n) => wasm.moments(ptr(x), n),
    countOutside: (x, n, low, high) => wasm.countOutside(ptr(x), n, low, high),
    deadColumns: (z, rows, cols) => wasm.deadColumns(ptr(z), rows, cols),
    columnPositiveFraction: (x, out, rows, cols) =>
      wasm.columnPositiveFraction(ptr(x), ptr(out), rows, cols),
    histogram(x, n, low, high, bins, mode) {
      if (bins < 1 || bins > RESULT_SLOTS - 3) {
        throw new RangeError(`histogram: bins must be in [1, ${RESULT_SLOTS - 3}]`);
      }
      wasm.histogram(ptr(x), n, low, high, bins, mode);
    },
    optimizerStep(opt, w, g, m, v, n, lr, beta1, beta2, eps, step, decay) {
      // Adam's bias corrections, computed here so both backends use the same Math.pow.
      const adam = opt === OptCode.Adam;
      const correction1 = adam ? 1 - Math.pow(beta1, step) : 1;
      const correction2 = adam ? 1 - Math.pow(beta2, step) : 1;
      // Pointers passed one by one: an array spread here would allocate on every step.
      wasm.optimizerStep(
        opt,
        ptr(w),
        ptr(g),
        ptr(m),
        ptr(v),
        n,
        lr,
        beta1,
        beta2,
        eps,
        correction1,
        correction2,
        adam ? decay : 0,
      );
    },
  };
}
