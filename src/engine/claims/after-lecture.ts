/**
 * What came after the lecture, each claim beside its control: residual connections against
 * degradation and vanishing gradients, their variance with and without branch scaling.
 */
import { RESIDUAL_CLAIMS } from './after-residual';
import type { Claim } from './types';

export const AFTER_LECTURE_CLAIMS: readonly Claim[] = [...RESIDUAL_CLAIMS];
