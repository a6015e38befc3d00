/**
 * What the controls call each choice, shared by the controls, the compare panel and the share
 * title (plain TypeScript: modules without React and their tests read it too).
 */
import type { ActivationName, BranchScale, InitName, NormPosition } from '../engine/config';

export const ACTIVATION_LABELS: Record<ActivationName, string> = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  'leaky-relu': 'leaky ReLU (0.01)',
  elu: 'ELU',
  maxout: 'maxout (2 pieces)',
  linear: 'linear (none)',
  gelu: 'GELU (tanh form)',
  silu: 'SiLU / swish',
};

export const INIT_LABELS: Record<InitName, string> = {
  zeros: 'zeros',
  small: 'small: 0.01·N(0,1)',
  large: 'large: 1.0·N(0,1)',
  custom: 'custom scale·N(0,1)',
  xavier: 'Xavier: N(0,1)/√fan_in',
  glorot: 'Glorot: √(2/(in+out))',
  he: 'He / Kaiming: √(2/fan_in)',
  'torch-default': 'PyTorch default: U(±1/√fan_in)',
  orthogonal: 'orthogonal (with gain)',
  lsuv: 'LSUV (data-driven)',
};

export type NormKind = 'none' | 'batch' | 'layer';

export const NORM_KIND_LABELS: Record<NormKind, string> = {
  none: 'none',
  batch: 'batch normalization',
  layer: 'layer normalization',
};

export const BRANCH_SCALE_LABELS: Record<BranchScale, string> = {
  one: '1',
  'inv-sqrt-depth': '1/√L',
  rezero: 'ReZero (learned, starts at 0)',
};

export const NORM_POSITION_LABELS: Record<NormPosition, string> = {
  inside: 'inside: linear → norm → activation',
  pre: 'pre: x + α·f(norm(x))',
  post: 'post: norm(x + α·f(x))',
};
