/**
 * The output layer, and the hidden layer and parameter types the network is made of. Buffers
 * are sized once for `capacity` rows; each pass runs on the first `rows` of them.
 */
import type { Arena, Buffer } from './arena';
import type { Kernels } from './kernels/kernels';
import { linearBackward, linearForward } from './ops/linear';
import { allocParameter, type Parameter } from './parameter';

export { HiddenLayer } from './hidden-layer';
export { allocParameter, type Parameter } from './parameter';

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
