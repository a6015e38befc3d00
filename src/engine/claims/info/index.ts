/**
 * What the page shows of every claim, in the lecture's order: the descriptions without their
 * checks, which only the worker and the command line import (../index.ts). The page's tour
 * reads this list; claims-split.test.ts keeps it free of the checks' code.
 *
 *   import { CLAIM_INFOS, findClaimInfo } from './engine/claims/info';
 */
import { CLAIM_IDS, type Chapter, type ClaimInfo } from '../types';
import {
  NOT_ZERO_CENTRED_INFO,
  SATURATES_INFO as SIGMOID_SATURATES_INFO,
  TANH_ZERO_CENTRED_INFO,
} from './activations';
import { DEGRADATION_INFO } from './after-degradation';
import { DROPOUT_INFO } from './after-dropout';
import { BATCH_OF_ONE_INFO } from './after-layernorm';
import { GRADIENTS_INFO, VARIANCE_INFO } from './after-residual';
import { INITIAL_LOSS_INFO, REGULARIZATION_INFO } from './babysitting';
import { LR_RANGE_INFO, OVERFIT_INFO } from './babysitting-training';
import { UNIT_GAUSSIAN_INFO } from './batchnorm';
import { RANDOM_BEATS_GRID_INFO } from './hyperparameters';
import { LARGE_INFO, SMALL_INFO, XAVIER_RELU_INFO, XAVIER_TANH_INFO } from './initialization';
import { ZEROS_INFO } from './initialization-zeros';
import { MAXOUT_INFO } from './maxout';
import { NORMALIZED_INFO } from './papers-glorot-normalized';
import { SATURATES_INFO as TOP_LAYER_SATURATES_INFO } from './papers-glorot-saturation';
import { STALLS_INFO } from './papers-he';
import { STABLE_INPUTS_INFO } from './papers-ioffe';
import { LSUV_INFO } from './papers-lsuv';
import { ORTHOGONAL_INFO } from './papers-saxe';
import { ZERO_CENTRE_INFO } from './preprocessing';
import { DEAD_AT_INIT_INFO } from './relu-dead';
import { DIES_WITH_HIGH_LR_INFO, NO_DEAD_INFO } from './relu';

/** The tour's chapters, in the lecture's order, then the papers behind it and what came after. */
export const CHAPTERS: readonly Chapter[] = [
  { id: 'activations', title: 'Activation functions' },
  { id: 'preprocessing', title: 'Data preprocessing' },
  { id: 'initialization', title: 'Weight initialization' },
  { id: 'batchnorm', title: 'Batch normalization' },
  { id: 'babysitting', title: 'Babysitting the learning process' },
  { id: 'hyperparameters', title: 'Hyperparameter optimization' },
  { id: 'papers', title: 'Behind the lecture: the papers' },
  { id: 'after-lecture', title: 'After the lecture: residual connections, layer norm, dropout' },
];

const UNORDERED: readonly ClaimInfo[] = [
  SIGMOID_SATURATES_INFO,
  NOT_ZERO_CENTRED_INFO,
  TANH_ZERO_CENTRED_INFO,
  DEAD_AT_INIT_INFO,
  DIES_WITH_HIGH_LR_INFO,
  NO_DEAD_INFO,
  MAXOUT_INFO,
  ZERO_CENTRE_INFO,
  ZEROS_INFO,
  SMALL_INFO,
  LARGE_INFO,
  XAVIER_TANH_INFO,
  XAVIER_RELU_INFO,
  UNIT_GAUSSIAN_INFO,
  INITIAL_LOSS_INFO,
  REGULARIZATION_INFO,
  OVERFIT_INFO,
  LR_RANGE_INFO,
  RANDOM_BEATS_GRID_INFO,
  TOP_LAYER_SATURATES_INFO,
  NORMALIZED_INFO,
  STABLE_INPUTS_INFO,
  STALLS_INFO,
  ORTHOGONAL_INFO,
  LSUV_INFO,
  DEGRADATION_INFO,
  GRADIENTS_INFO,
  VARIANCE_INFO,
  BATCH_OF_ONE_INFO,
  DROPOUT_INFO,
];

/** Every claim's description, in the order of CLAIM_IDS (the lecture's, then the papers'). */
export const CLAIM_INFOS: readonly ClaimInfo[] = CLAIM_IDS.map((id) => {
  const info = UNORDERED.find((claim) => claim.id === id);
  if (!info) throw new Error(`claim "${id}" has no description`);
  return info;
});

export function findClaimInfo(id: string): ClaimInfo | undefined {
  return CLAIM_INFOS.find((claim) => claim.id === id);
}
