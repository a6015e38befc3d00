/** The nonlinearity h = f(pre), forward and backward; maxout takes two pieces per unit. */
import type { ActivationName } from '../config';
import { ActCode, type Kernels } from '../kernels/kernels';

const CODES: Record<Exclude<ActivationName, 'maxout'>, ActCode> = {
  linear: ActCode.Linear,
  sigmoid: ActCode.Sigmoid,
  tanh: ActCode.Tanh,
  relu: ActCode.Relu,
  'leaky-relu': ActCode.LeakyRelu,
  elu: ActCode.Elu,
  gelu: ActCode.Gelu,
  silu: ActCode.Silu,
};

export function activationCode(activation: Exclude<ActivationName, 'maxout'>): ActCode {
  return CODES[activation];
}

/** pre is rows×units (rows×2·units for maxout); h is rows×units. */
export function activationForward(
  kernels: Kernels,
  activation: ActivationName,
  pre: Float32Array,
  h: Float32Array,
  rows: number,
  units: number,
): void {
  if (activation === 'maxout') kernels.maxoutForward(pre, h, rows, units);
  else kernels.activationForward(CODES[activation], pre, h, rows * units);
}

export function activationBackward(
  kernels: Kernels,
  activation: ActivationName,
  pre: Float32Array,
  h: Float32Array,
  dh: Float32Array,
  dpre: Float32Array,
  rows: number,
  units: number,
): void {
  if (activation === 'maxout') kernels.maxoutBackward(pre, dh, dpre, rows, units);
  else kernels.activationBackward(CODES[activation], pre, h, dh, dpre, rows * units);
}
