/**
 * What the babysitting claims share: the lecture's two-layer network (one hidden layer of 50
 * ReLUs, small weights), plain SGD, and the digits validated on 500 rows.
 */
import type { Dataset } from '../data/dataset';
import { digitsOf, quickValidation } from './measure';
import type { ClaimCheckOptions } from './types';

// The runs are plain data, shared with the page side (./info/babysitting-runs.ts).
export { DIGITS, LN10, sgd, SPIRAL, twoLayerNet } from './info/babysitting-runs';

/** The normalized digits, validated on their first 500 rows (the page uses all 2,000). */
export function quickDigits(options: ClaimCheckOptions): Dataset {
  return quickValidation(digitsOf(options).normalized);
}
