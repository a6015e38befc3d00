/**
 * Inverted dropout (Srivastava et al. 2014): in a training pass each value is kept with
 * probability 1 − p and scaled by 1/(1 − p), so evaluation (no dropout) sees the same expected
 * value with no rescaling. The mask holds 0 or 1/(1 − p) per value, drawn from the network's
 * own dropout stream (rng.ts, Streams.Dropout); the backward pass reuses it.
 */
import type { Kernels } from '../kernels/kernels';
import type { Rng } from '../rng';

/** mask[i] = 0 with probability `rate`, else 1/(1 − rate), for the first n values. */
export function drawDropoutMask(rng: Rng, mask: Float32Array, n: number, rate: number): void {
  const keep = 1 / (1 - rate);
  for (let i = 0; i < n; i++) mask[i] = rng.uniform() < rate ? 0 : keep;
}

/** out = h ⊙ mask. */
export function dropoutForward(
  kernels: Kernels,
  h: Float32Array,
  mask: Float32Array,
  out: Float32Array,
  n: number,
): void {
  kernels.multiply(h, mask, out, n);
}

/** dh = dout ⊙ mask: a dropped value passes no gradient, a kept one its scale. */
export function dropoutBackward(
  kernels: Kernels,
  dout: Float32Array,
  mask: Float32Array,
  dh: Float32Array,
  n: number,
): void {
  kernels.multiply(dout, mask, dh, n);
}
