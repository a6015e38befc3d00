/**
 * The reference backend: every kernel in plain TypeScript on an ArrayBuffer heap.
 */
import { RESULT_SLOTS, type Kernels } from '../kernels';
import {
  activationBackward,
  activationForward,
  addRowVector,
  addScaled,
  axpy,
  columnSums,
  maxoutBackward,
  maxoutForward,
  multiply,
  scale,
} from './elementwise';
import { layernormBackward, layernormForward } from './layernorm';
import { batchnormBackward, batchnormForwardEval, batchnormForwardTrain } from './batchnorm';
import { TsMatmul } from './matmul';
import { optimizerStep } from './optimizer';
import {
  columnPositiveFraction,
  countOutside,
  deadColumns,
  dot,
  histogram,
  moments,
  softmaxCrossEntropy,
  sumSquares,
} from './reductions';

export function createTsKernels(): Kernels {
  let heap = new Float32Array(0);
  const results = new Float64Array(RESULT_SLOTS);
  const matmul = new TsMatmul();
  let alive = new Uint8Array(0);

  return {
    name: 'ts',
    variant: 'scalar',
    threads: 1,
    reserve(floats) {
      if (heap.length < floats) {
        const grown = new Float32Array(floats);
        grown.set(heap);
        heap = grown;
      }
      return 0;
    },
    view: (offset, length) => heap.subarray(offset, offset + length),
    results: () => results,
    gemm: (a, b, c, m, k, n, acc) => matmul.gemm(a, b, c, m, k, n, acc),
    gemmTN: (a, b, c, m, k, n, acc) => matmul.gemmTN(a, b, c, m, k, n, acc),
    gemmNT: (a, b, c, m, k, n, acc) => matmul.gemmNT(a, b, c, m, k, n, acc),
    addRowVector,
    columnSums,
    axpy,
    scale,
    multiply,
    addScaled,
    activationForward,
    activationBackward,
    maxoutForward,
    maxoutBackward,
    batchnormForwardTrain,
    batchnormForwardEval,
    batchnormBackward,
    layernormForward,
    layernormBackward,
    softmaxCrossEntropy: (logits, labels, probs, dlogits, rows, classes) =>
      softmaxCrossEntropy(logits, labels, probs, dlogits, rows, classes, results),
    sumSquares,
    dot,
    moments: (x, n) => moments(x, n, results),
    countOutside,
    deadColumns(z, rows, cols) {
      if (alive.length < cols) alive = new Uint8Array(cols);
      return deadColumns(z, rows, cols, alive);
    },
    columnPositiveFraction,
    histogram: (x, n, low, high, bins, mode) => histogram(x, n, low, high, bins, mode, results),
    optimizerStep: (opt, w, g, m, v, n, lr, b1, b2, eps, step, decay) =>
      optimizerStep(opt, w, g, m, v, n, lr, b1, b2, eps, step, decay, results),
  };
}
