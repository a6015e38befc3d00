/**
 * The page side of ../preprocessing.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { claimInfo } from './define';
import type { NetworkConfig, TrainingConfig } from '../../config';
import type { DatasetSpec } from '../../data/index';
import { trainingScene } from './scenes';

export const DIGITS_RAW: DatasetSpec = { name: 'digits', preprocess: 'none' };

/** Centring must lower the best validation loss by at least this fraction. */
export const GAIN = 0.1;

export const RATES = [0.1, 0.3, 1];

export const STEPS = 100;

export function network(seed: number): NetworkConfig {
  return {
    inputDim: 784,
    depth: 2,
    width: 50,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    batchnorm: false,
    classes: 10,
    seed,
  };
}

export function training(learningRate: number): TrainingConfig {
  return { optimizer: 'sgd', learningRate, l2: 0, batchSize: 64 };
}

export const ZERO_CENTRE_INFO = claimInfo({
  id: 'zero-centre-data',
  chapter: 'preprocessing',
  title: 'Zero-centre the data',
  explanation:
    'Pixels are all positive, so the first layer meets the sigmoid’s problem: each example’s weight gradient has one sign per unit, and the weights zig-zag toward their target. Subtracting the mean image (the lecture’s usual preprocessing for images) gives inputs of both signs. Checked on the digits with 2 × 50 ReLUs; the page’s Normalize also divides each pixel by its std, the check isolates the centring.',
  expected: `On each of 3 seeds, with raw pixels as the input: at least 99 % of the first layer’s per-example weight-gradient columns are single-signed; and subtracting the input’s mean image lowers the best validation loss after ${STEPS} SGD steps (batch 64, the best of the rates ${RATES.join(', ')}) by at least ${GAIN * 100} %.`,
  show: trainingScene({ network: network(1), training: training(0.3) }, DIGITS_RAW, {
    panel: 'preprocessing',
  }),
  control: {
    description:
      'digits already zero-centred (the mean image subtracted), whose inputs have both signs',
    // The page's nearest input: normalized digits are zero-centred (and scaled).
    show: trainingScene(
      { network: network(1), training: training(0.3) },
      { ...DIGITS_RAW, preprocess: 'normalize' },
      { panel: 'preprocessing' },
    ),
  },
});
