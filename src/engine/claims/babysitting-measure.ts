/**
 * What the babysitting claims share: the lecture's two-layer network (one hidden layer of 50
 * ReLUs, small weights), plain SGD, and the digits validated on 500 rows.
 */
import type { NetworkConfig, TrainingConfig } from '../config';
import type { Dataset } from '../data/dataset';
import type { DatasetSpec } from '../data/index';
import { digitsOf, quickValidation } from './measure';
import type { ClaimCheckOptions } from './types';

export function twoLayerNet(seed: number, change: Partial<NetworkConfig> = {}): NetworkConfig {
  return {
    inputDim: 784,
    depth: 1,
    width: 50,
    activation: 'relu',
    init: 'small',
    initScale: 1,
    batchnorm: false,
    classes: 10,
    seed,
    ...change,
  };
}

export function sgd(learningRate: number, l2 = 0, batchSize = 64): TrainingConfig {
  return { optimizer: 'sgd', learningRate, l2, batchSize };
}

export const DIGITS: DatasetSpec = { name: 'digits', seed: 1 };
export const SPIRAL: DatasetSpec = { name: 'spiral', seed: 1 };
export const LN10 = Math.log(10);

/** The normalized digits, validated on their first 500 rows (the page uses all 2,000). */
export function quickDigits(options: ClaimCheckOptions): Dataset {
  return quickValidation(digitsOf(options).normalized);
}
