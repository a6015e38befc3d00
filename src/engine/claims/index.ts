/**
 * Every claim of lecture 6 with its check, in the lecture's order: the worker
 * (src/worker/claim-session.ts) and `npm run lecture -- --check` read this list. The page reads
 * the descriptions alone (./info/index.ts), without the checks' networks and trainer.
 *
 *   import { CLAIMS, findClaim } from './engine/claims';
 *   const result = findClaim('small-init-collapses')!.check(createKernels('wasm'));
 */
import { ACTIVATION_CLAIMS } from './activations';
import { AFTER_LECTURE_CLAIMS } from './after-lecture';
import { BABYSITTING_CLAIMS } from './babysitting';
import { BATCHNORM_CLAIMS } from './batchnorm';
import { HYPERPARAMETER_CLAIMS } from './hyperparameters';
import { INITIALIZATION_CLAIMS } from './initialization';
import { MAXOUT_CLAIMS } from './maxout';
import { PAPER_CLAIMS } from './papers';
import { PREPROCESSING_CLAIMS } from './preprocessing';
import { RELU_CLAIMS } from './relu';
import { type ChapterId, type Claim, CLAIM_IDS, type ClaimId } from './types';

export * from './types';
export { CHAPTERS, CLAIM_INFOS, findClaimInfo } from './info/index';
export { zigzagPath, type ZigzagPath } from './activations';
export {
  gridTrials,
  randomTrials,
  runTrial,
  type SearchSpace,
  type Trial,
  type TrialOutcome,
} from './hyperparameters';
export { DEFAULT_SEEDS } from './measure';

/** Every claim, in the order of CLAIM_IDS (the lecture's, then the papers'). */
export const CLAIMS: readonly Claim[] = [
  ...ACTIVATION_CLAIMS,
  ...RELU_CLAIMS,
  ...MAXOUT_CLAIMS,
  ...PREPROCESSING_CLAIMS,
  ...INITIALIZATION_CLAIMS,
  ...BATCHNORM_CLAIMS,
  ...BABYSITTING_CLAIMS,
  ...HYPERPARAMETER_CLAIMS,
  ...PAPER_CLAIMS,
  ...AFTER_LECTURE_CLAIMS,
];

export function isClaimId(id: string): id is ClaimId {
  return (CLAIM_IDS as readonly string[]).includes(id);
}

export function findClaim(id: string): Claim | undefined {
  return CLAIMS.find((claim) => claim.id === id);
}

export function claimsOfChapter(chapter: ChapterId): Claim[] {
  return CLAIMS.filter((claim) => claim.chapter === chapter);
}

/** True when any of the claims needs the digits (load digits.bin before checking them). */
export function needsDigits(claims: readonly Claim[]): boolean {
  return claims.some((claim) => claim.needs.includes('digits'));
}
