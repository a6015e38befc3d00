/** The papers' runs as plain data: the digits, plain SGD and a hidden stack on the digits. */
import type { NetworkConfig, TrainingConfig } from '../../config';
import type { DatasetSpec } from '../../data/index';

/** The digits as the page loads them (normalized; the split is fixed). */
export const DIGITS: DatasetSpec = { name: 'digits' };

export function sgd(learningRate: number, batchSize: number): TrainingConfig {
  return { optimizer: 'sgd', learningRate, l2: 0, batchSize };
}

/** A hidden stack on the digits (784 inputs, 10 classes), biases 0, no batchnorm unless asked. */
export function digitsNetwork(
  seed: number,
  shape: Pick<NetworkConfig, 'depth' | 'width' | 'activation' | 'init'> & Partial<NetworkConfig>,
): NetworkConfig {
  return { inputDim: 784, initScale: 1, batchnorm: false, classes: 10, seed, ...shape };
}
