/**
 * The papers behind the lecture, their figures reproduced: one claim per figure, in the order
 * the tour's Papers chapter presents them.
 */
import { GLOROT_NORMALIZED_CLAIMS } from './papers-glorot-normalized';
import { GLOROT_SATURATION_CLAIMS } from './papers-glorot-saturation';
import { HE_CLAIMS } from './papers-he';
import { IOFFE_CLAIMS } from './papers-ioffe';
import { LSUV_CLAIMS } from './papers-lsuv';
import { SAXE_CLAIMS } from './papers-saxe';
import type { Claim } from './types';

export const PAPER_CLAIMS: readonly Claim[] = [
  ...GLOROT_SATURATION_CLAIMS,
  ...GLOROT_NORMALIZED_CLAIMS,
  ...IOFFE_CLAIMS,
  ...HE_CLAIMS,
  ...SAXE_CLAIMS,
  ...LSUV_CLAIMS,
];
