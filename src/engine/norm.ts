/**
 * A layer's normalization, batch or layer, with its γ and β as parameters, wherever the block
 * puts it (block.ts): the layer calls forward and backward without asking which kind it is.
 */
import type { Arena, Buffer } from './arena';
import type { Kernels } from './kernels/kernels';
import type { NormKind } from './block';
import type { Parameter } from './parameter';
import { BatchnormBuffers, batchnormBackward, batchnormForward } from './ops/batchnorm';
import { LayernormBuffers, layernormBackward, layernormForward } from './ops/layernorm';

export class Norm {
  readonly bn: BatchnormBuffers | null;
  readonly ln: LayernormBuffers | null;
  readonly gamma: Parameter;
  readonly beta: Parameter;

  constructor(
    arena: Arena,
    readonly kind: NormKind,
    capacity: number,
    /** Columns normalized: the layer's cols inside it, its units before or after the block. */
    readonly cols: number,
  ) {
    this.bn = kind === 'batch' ? new BatchnormBuffers(arena, capacity, cols) : null;
    this.ln = kind === 'layer' ? new LayernormBuffers(arena, capacity, cols) : null;
    const buffers = (this.bn ?? this.ln)!;
    const param = (value: Buffer, grad: Buffer): Parameter => ({
      value,
      grad,
      m: arena.alloc(cols),
      v: arena.alloc(cols),
      isWeight: false,
    });
    this.gamma = param(buffers.gamma, buffers.dgamma);
    this.beta = param(buffers.beta, buffers.dbeta);
  }

  reset(): void {
    this.bn?.reset();
    this.ln?.reset();
  }

  /** Batchnorm uses batch statistics when `training`; layer norm is the same either way. */
  forward(
    kernels: Kernels,
    x: Float32Array,
    out: Float32Array,
    rows: number,
    training: boolean,
  ): void {
    if (this.bn) batchnormForward(kernels, this.bn, x, out, rows, this.cols, training);
    else layernormForward(kernels, this.ln!, x, out, rows, this.cols);
  }

  backward(kernels: Kernels, dout: Float32Array, dx: Float32Array, rows: number): void {
    if (this.bn) batchnormBackward(kernels, this.bn, dout, dx, rows, this.cols);
    else layernormBackward(kernels, this.ln!, dout, dx, rows, this.cols);
  }
}
