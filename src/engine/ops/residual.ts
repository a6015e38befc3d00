/**
 * The residual sum x_{l+1} = x_l + α·f(x_l), forward and backward. The backward pass has three
 * parts: the skip passes ∂L/∂x_{l+1} to x_l unchanged, the branch gets α·∂L/∂x_{l+1}, and a
 * learnable α (ReZero) gets Σ ∂L/∂x_{l+1} ⊙ f(x_l).
 */
import type { Kernels } from '../kernels/kernels';

/** out = x + α·branch. */
export function residualForward(
  kernels: Kernels,
  x: Float32Array,
  alpha: number,
  branch: Float32Array,
  out: Float32Array,
  n: number,
): void {
  kernels.addScaled(x, alpha, branch, out, n);
}

/** ∂L/∂α = Σ dout ⊙ branch. */
export function residualAlphaGradient(
  kernels: Kernels,
  dout: Float32Array,
  branch: Float32Array,
  n: number,
): number {
  return kernels.dot(dout, branch, n);
}

/** The skip's share: dx += dout (dx already holds the branch's backward). */
export function residualSkipBackward(
  kernels: Kernels,
  dout: Float32Array,
  dx: Float32Array,
  n: number,
): void {
  kernels.axpy(1, dout, dx, n);
}
