/**
 * The babysitting claims' runs as plain data: the lecture's two-layer network (one hidden layer
 * of 50 ReLUs, small weights), plain SGD, and the data sets.
 */
import type { NetworkConfig, TrainingConfig } from '../../config';
import type { DatasetSpec } from '../../data/index';

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

export const DIGITS: DatasetSpec = { name: 'digits' };
export const SPIRAL: DatasetSpec = { name: 'spiral' };
export const LN10 = Math.log(10);
