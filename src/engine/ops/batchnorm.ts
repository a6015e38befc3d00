/**
 * Batch normalization after the linear map: batch statistics in training mode (updating the
 * running averages), running averages in evaluation mode; learnable γ (starts at 1) and β (0).
 */
import type { Arena, Buffer } from '../arena';
import type { Kernels } from '../kernels/kernels';

export const BATCHNORM_EPS = 1e-5;
/** Weight of the newest batch in the running averages (PyTorch's convention and default). */
export const BATCHNORM_MOMENTUM = 0.1;

export class BatchnormBuffers {
  readonly gamma: Buffer;
  readonly beta: Buffer;
  readonly dgamma: Buffer;
  readonly dbeta: Buffer;
  readonly mean: Buffer;
  readonly invStd: Buffer;
  readonly runningMean: Buffer;
  readonly runningVar: Buffer;
  readonly xhat: Buffer;

  constructor(arena: Arena, rows: number, cols: number) {
    this.gamma = arena.alloc(cols);
    this.beta = arena.alloc(cols);
    this.dgamma = arena.alloc(cols);
    this.dbeta = arena.alloc(cols);
    this.mean = arena.alloc(cols);
    this.invStd = arena.alloc(cols);
    this.runningMean = arena.alloc(cols);
    this.runningVar = arena.alloc(cols);
    this.xhat = arena.alloc(rows * cols);
  }

  /** γ = 1, β = 0, running mean 0 and variance 1 (after the arena is committed). */
  reset(): void {
    this.gamma.data.fill(1);
    this.beta.data.fill(0);
    this.runningMean.data.fill(0);
    this.runningVar.data.fill(1);
  }
}

export function batchnormForward(
  kernels: Kernels,
  bn: BatchnormBuffers,
  z: Float32Array,
  out: Float32Array,
  rows: number,
  cols: number,
  training: boolean,
): void {
  if (training) {
    kernels.batchnormForwardTrain(
      z,
      bn.xhat.data,
      out,
      bn.mean.data,
      bn.invStd.data,
      bn.gamma.data,
      bn.beta.data,
      bn.runningMean.data,
      bn.runningVar.data,
      rows,
      cols,
      BATCHNORM_EPS,
      BATCHNORM_MOMENTUM,
    );
  } else {
    kernels.batchnormForwardEval(
      z,
      out,
      bn.gamma.data,
      bn.beta.data,
      bn.runningMean.data,
      bn.runningVar.data,
      rows,
      cols,
      BATCHNORM_EPS,
    );
  }
}

/** Backward of the training-mode forward: dz from dout, and dγ, dβ. */
export function batchnormBackward(
  kernels: Kernels,
  bn: BatchnormBuffers,
  dout: Float32Array,
  dz: Float32Array,
  rows: number,
  cols: number,
): void {
  kernels.batchnormBackward(
    dout,
    bn.xhat.data,
    bn.invStd.data,
    bn.gamma.data,
    dz,
    bn.dgamma.data,
    bn.dbeta.data,
    rows,
    cols,
  );
}
