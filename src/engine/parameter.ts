/** A parameter tensor with its gradient and optimizer state, in the network's arena. */
import type { Arena, Buffer } from './arena';

export interface Parameter {
  readonly value: Buffer;
  readonly grad: Buffer;
  readonly m: Buffer;
  readonly v: Buffer;
  /** Weight matrices get L2 and AdamW's decay and report update:data; biases, γ, β and α do not. */
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
