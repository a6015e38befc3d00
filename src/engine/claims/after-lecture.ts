/**
 * What came after the lecture, each claim beside its control: residual connections against
 * degradation and vanishing gradients, their variance with and without branch scaling; layer
 * norm at any batch size; dropout against overfitting.
 */
import { DEGRADATION_CLAIMS } from './after-degradation';
import { DROPOUT_CLAIMS } from './after-dropout';
import { LAYERNORM_CLAIMS } from './after-layernorm';
import { RESIDUAL_CLAIMS } from './after-residual';
import type { Claim } from './types';

export const AFTER_LECTURE_CLAIMS: readonly Claim[] = [
  ...DEGRADATION_CLAIMS,
  ...RESIDUAL_CLAIMS,
  ...LAYERNORM_CLAIMS,
  ...DROPOUT_CLAIMS,
];
