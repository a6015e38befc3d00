/** The loss: softmax cross-entropy averaged over the batch, plus L2 regularization ½λ·ΣW². */
import type { Kernels } from '../kernels/kernels';

export interface CrossEntropyResult {
  loss: number;
  correct: number;
}

/** Forward and backward at once: returns the mean loss and writes dlogits. */
export function softmaxCrossEntropy(
  kernels: Kernels,
  logits: Float32Array,
  labels: Float32Array,
  probs: Float32Array,
  dlogits: Float32Array,
  rows: number,
  classes: number,
  out: CrossEntropyResult,
): void {
  out.loss = kernels.softmaxCrossEntropy(logits, labels, probs, dlogits, rows, classes);
  out.correct = kernels.results()[0];
}

export function l2Forward(kernels: Kernels, w: Float32Array, strength: number): number {
  return strength === 0 ? 0 : 0.5 * strength * kernels.sumSquares(w, w.length);
}

/** dW += λ·W. */
export function l2Backward(
  kernels: Kernels,
  w: Float32Array,
  dw: Float32Array,
  strength: number,
): void {
  if (strength !== 0) kernels.axpy(strength, w, dw, w.length);
}
