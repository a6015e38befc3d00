/**
 * Entry of the WebAssembly module: every kernel of the engine's Kernels interface, where the
 * results and the caller's region start, and the fast math functions for the accuracy test.
 * Pointers are byte offsets into this module's memory.
 */
import { exp4, tanh4 } from './fastmath';
import { bytes, loadPartial, storePartial } from './lanes';
import { SCRATCH_BYTES, argumentsPtr, callerBase, resultsPtr } from './layout';

export { useScratch } from './layout';

export { gemm, gemmBlock, gemmNT, gemmTN } from './gemm';
export {
  activationBackward,
  activationForward,
  maxoutBackward,
  maxoutForward,
} from './activations';
export { addRowVector, addScaled, axpy, columnSums, multiply, scale } from './vector';
export { batchnormBackward, batchnormForwardEval, batchnormForwardTrain } from './batchnorm';
export { layernormBackward, layernormForward } from './layernorm';
export {
  columnPositiveFraction,
  countOutside,
  deadColumns,
  dot,
  moments,
  softmaxCrossEntropy,
  sumSquares,
} from './reductions';
export { histogram } from './histogram';
export { optimizerStep } from './optimizer';

export function resultsOffset(): usize {
  return resultsPtr();
}

export function argumentsOffset(): usize {
  return argumentsPtr();
}

export function callerOffset(): usize {
  return callerBase();
}

/** Bytes of one instance's scratch: JS keeps one for each helper of the threaded build. */
export function scratchBytes(): usize {
  return SCRATCH_BYTES;
}

/** y = exp(x) (fn 0) or tanh(x) (fn 1) with the kernels' own approximations, for tests. */
export function fastMath(fn: i32, x: usize, y: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const count = min(4, n - i);
    const v = count == 4 ? v128.load(x + bytes(i)) : loadPartial(x + bytes(i), count);
    const r = fn == 0 ? exp4(v) : tanh4(v);
    if (count == 4) v128.store(y + bytes(i), r);
    else storePartial(y + bytes(i), r, count);
  }
}
