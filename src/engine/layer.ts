/**
 * One hidden layer: linear map, optional batch normalization, nonlinearity. Its buffers are
 * sized once for `capacity` rows; each pass runs on the first `rows` of them.
 */
import type { Arena, Buffer } from './arena';
import type { ActivationName } from './config';
import type { Kernels } from './kernels/kernels';
import { activationBackward, activationForward } from './ops/activation';
import { BatchnormBuffers, batchnormBackward, batchnormForward } from './ops/batchnorm';
import { linearBackward, linearForward } from './ops/linear';

/** A parameter tensor with its gradient and optimizer state. */
export interface Parameter {
  readonly value: Buffer;
  readonly grad: Buffer;
  readonly m: Buffer;
  readonly v: Buffer;
  /** Weight matrices get L2 and report the update:data ratio; biases, γ and β do not. */
  readonly isWeight: boolean;
}

export function allocParameter(arena: Arena, length: number, isWeight: boolean): Parameter {
  return {
    value: arena.alloc(length),
    grad: arena.alloc(length),
    m: arena.alloc(length),
    v: arena.alloc(length),
    isWeight,
  };
}

export class HiddenLayer {
  /** Columns of the linear map: units, or 2·units for maxout's two pieces. */
  readonly cols: number;
  readonly weight: Parameter;
  readonly bias: Parameter;
  readonly gamma: Parameter | null;
  readonly beta: Parameter | null;
  readonly bn: BatchnormBuffers | null;
  /** Linear output x·W + b. */
  readonly z: Buffer;
  /** Input of the nonlinearity: z, or batchnorm's output. */
  readonly pre: Buffer;
  readonly h: Buffer;
  /** ∂L/∂h, written by the layer above. */
  readonly dh: Buffer;
  readonly dpre: Buffer;
  /** ∂L/∂z (same buffer as dpre without batchnorm). */
  readonly dz: Buffer;

  constructor(
    arena: Arena,
    readonly fanIn: number,
    readonly units: number,
    public activation: ActivationName,
    batchnorm: boolean,
    capacity: number,
  ) {
    this.cols = activation === 'maxout' ? 2 * units : units;
    this.weight = allocParameter(arena, fanIn * this.cols, true);
    this.bias = allocParameter(arena, this.cols, false);
    this.z = arena.alloc(capacity * this.cols);
    this.h = arena.alloc(capacity * units);
    this.dh = arena.alloc(capacity * units);
    this.dpre = arena.alloc(capacity * this.cols);
    if (batchnorm) {
      this.bn = new BatchnormBuffers(arena, capacity, this.cols);
      this.gamma = {
        value: this.bn.gamma,
        grad: this.bn.dgamma,
        m: arena.alloc(this.cols),
        v: arena.alloc(this.cols),
        isWeight: false,
      };
      this.beta = {
        value: this.bn.beta,
        grad: this.bn.dbeta,
        m: arena.alloc(this.cols),
        v: arena.alloc(this.cols),
        isWeight: false,
      };
      this.pre = arena.alloc(capacity * this.cols);
      this.dz = arena.alloc(capacity * this.cols);
    } else {
      this.bn = null;
      this.gamma = null;
      this.beta = null;
      this.pre = this.z;
      this.dz = this.dpre;
    }
  }

  parameters(): Parameter[] {
    const list = [this.weight, this.bias];
    if (this.gamma && this.beta) list.push(this.gamma, this.beta);
    return list;
  }

  /** The linear map alone (LSUV measures its output). */
  forwardLinear(kernels: Kernels, x: Float32Array, rows: number): void {
    linearForward(
      kernels,
      x,
      this.weight.value.data,
      this.bias.value.data,
      this.z.data,
      rows,
      this.fanIn,
      this.cols,
    );
  }

  forward(kernels: Kernels, x: Float32Array, rows: number, training: boolean): void {
    this.forwardLinear(kernels, x, rows);
    if (this.bn)
      batchnormForward(kernels, this.bn, this.z.data, this.pre.data, rows, this.cols, training);
    activationForward(kernels, this.activation, this.pre.data, this.h.data, rows, this.units);
  }

  /** From this.dh: the parameter gradients, and ∂L/∂x into dx unless dx is null. */
  backward(kernels: Kernels, x: Float32Array, rows: number, dx: Float32Array | null): void {
    activationBackward(
      kernels,
      this.activation,
      this.pre.data,
      this.h.data,
      this.dh.data,
      this.dpre.data,
      rows,
      this.units,
    );
    if (this.bn) batchnormBackward(kernels, this.bn, this.dpre.data, this.dz.data, rows, this.cols);
    linearBackward(
      kernels,
      x,
      this.weight.value.data,
      this.dz.data,
      dx,
      this.weight.grad.data,
      this.bias.grad.data,
      rows,
      this.fanIn,
      this.cols,
    );
  }
}

/** The final linear layer to the classes, with the loss's buffers. */
export class OutputLayer {
  readonly weight: Parameter;
  readonly bias: Parameter;
  readonly logits: Buffer;
  readonly probs: Buffer;
  readonly dlogits: Buffer;

  constructor(
    arena: Arena,
    readonly fanIn: number,
    readonly classes: number,
    capacity: number,
  ) {
    this.weight = allocParameter(arena, fanIn * classes, true);
    this.bias = allocParameter(arena, classes, false);
    this.logits = arena.alloc(capacity * classes);
    this.probs = arena.alloc(capacity * classes);
    this.dlogits = arena.alloc(capacity * classes);
  }

  forward(kernels: Kernels, x: Float32Array, rows: number): void {
    linearForward(
      kernels,
      x,
      this.weight.value.data,
      this.bias.value.data,
      this.logits.data,
      rows,
      this.fanIn,
      this.classes,
    );
  }

  backward(kernels: Kernels, x: Float32Array, rows: number, dx: Float32Array): void {
    linearBackward(
      kernels,
      x,
      this.weight.value.data,
      this.dlogits.data,
      dx,
      this.weight.grad.data,
      this.bias.grad.data,
      rows,
      this.fanIn,
      this.classes,
    );
  }
}
