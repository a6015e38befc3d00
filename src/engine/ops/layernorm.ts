/**
 * Layer normalization (Ba et al. 2016): each example normalized over its units, then a learnable
 * gain γ (starts at 1) and bias β (0) per unit. No batch statistics and no running averages, so
 * it is the same in training and evaluation and works at batch 1. ε is batchnorm's.
 */
import type { Arena, Buffer } from '../arena';
import type { Kernels } from '../kernels/kernels';
import { BATCHNORM_EPS } from './batchnorm';

export const LAYERNORM_EPS = BATCHNORM_EPS;

export class LayernormBuffers {
  readonly gamma: Buffer;
  readonly beta: Buffer;
  readonly dgamma: Buffer;
  readonly dbeta: Buffer;
  /** 1/sqrt(var + ε) of each row. */
  readonly invStd: Buffer;
  readonly xhat: Buffer;

  constructor(arena: Arena, rows: number, cols: number) {
    this.gamma = arena.alloc(cols);
    this.beta = arena.alloc(cols);
    this.dgamma = arena.alloc(cols);
    this.dbeta = arena.alloc(cols);
    this.invStd = arena.alloc(rows);
    this.xhat = arena.alloc(rows * cols);
  }

  /** γ = 1, β = 0 (after the arena is committed). */
  reset(): void {
    this.gamma.data.fill(1);
    this.beta.data.fill(0);
  }
}

export function layernormForward(
  kernels: Kernels,
  ln: LayernormBuffers,
  x: Float32Array,
  out: Float32Array,
  rows: number,
  cols: number,
): void {
  kernels.layernormForward(
    x,
    ln.xhat.data,
    out,
    ln.invStd.data,
    ln.gamma.data,
    ln.beta.data,
    rows,
    cols,
    LAYERNORM_EPS,
  );
}

/** dx from dout (each row's own statistics), and dγ, dβ summed over the rows. */
export function layernormBackward(
  kernels: Kernels,
  ln: LayernormBuffers,
  dout: Float32Array,
  dx: Float32Array,
  rows: number,
  cols: number,
): void {
  kernels.layernormBackward(
    dout,
    ln.xhat.data,
    ln.invStd.data,
    ln.gamma.data,
    dx,
    ln.dgamma.data,
    ln.dbeta.data,
    rows,
    cols,
  );
}
