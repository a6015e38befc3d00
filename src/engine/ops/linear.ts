/** The linear map z = x·W + b (x is rows×fanIn, W fanIn×cols), forward and backward. */
import type { Kernels } from '../kernels/kernels';

export function linearForward(
  kernels: Kernels,
  x: Float32Array,
  w: Float32Array,
  b: Float32Array,
  z: Float32Array,
  rows: number,
  fanIn: number,
  cols: number,
): void {
  kernels.gemm(x, w, z, rows, fanIn, cols, false);
  kernels.addRowVector(z, b, rows, cols);
}

/** dW = xᵀ·dz, db = Σ_rows dz, and dx = dz·Wᵀ unless dx is null (the first layer). */
export function linearBackward(
  kernels: Kernels,
  x: Float32Array,
  w: Float32Array,
  dz: Float32Array,
  dx: Float32Array | null,
  dw: Float32Array,
  db: Float32Array,
  rows: number,
  fanIn: number,
  cols: number,
): void {
  kernels.gemmTN(x, dz, dw, fanIn, rows, cols, false);
  kernels.columnSums(dz, db, rows, cols, false);
  if (dx) kernels.gemmNT(dz, w, dx, rows, cols, fanIn, false);
}
