/**
 * The page side of ../hyperparameters.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { claimInfo } from './define';
import type { NetworkConfig, TrainingConfig } from '../../config';
import type { DatasetSpec } from '../../data/index';
import type { SearchSpace } from '../hyperparameters';
import { trainingScene } from './scenes';
import { fmt, pct } from './texts';

export const BUDGET = 16;

/**
 * The claim's space: 6 decades of learning rate (at 60 steps, from chance through a peak near
 * 0.5 to divergence), far more than a grid's 4 rates resolve, against 4 decades of L2 that move
 * accuracy by a point or two. The control's: the rate only over [0.2, 1] around that peak, where
 * the grid's 4 rates (a quarter decade apart) already find about the best there is.
 */
export const CLAIM_SPACE: SearchSpace = { learningRate: [1e-5, 10], l2: [1e-6, 1e-2] };

export const CONTROL_SPACE: SearchSpace = { learningRate: [0.2, 1], l2: [1e-6, 1e-2] };

export const DATA: DatasetSpec = { name: 'spiral', points: 1200 };

/** A seed set counts for random search when its best beats the grid's by this much or more. */
export const MARGIN = 0.02;

export const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

export const SIDE = Math.sqrt(BUDGET);

/** Few steps per trial, as for a coarse search: the spiral's best rates reach about 85 %. */
export const STEPS = 60;

export const TRAINING: TrainingConfig = {
  optimizer: 'sgd',
  learningRate: 0.1,
  l2: 1e-4,
  batchSize: 32,
};

/** Reproduced when random search wins on at least this share of the seed sets. */
export const WIN_RATE = 0.5;

export function network(seed: number): NetworkConfig {
  return {
    inputDim: 2,
    depth: 2,
    width: 16,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    batchnorm: false,
    classes: 3,
    seed,
  };
}

export const range = ([low, high]: [number, number]) => `${fmt(low)}–${fmt(high)}`;

export const RANDOM_BEATS_GRID_INFO = claimInfo({
  id: 'random-beats-grid',
  chapter: 'hyperparameters',
  title: 'Random search beats grid search',
  explanation:
    'Bergstra and Bengio (2012): when the result depends much more on one hyperparameter than on another, a 4 × 4 grid tries only 4 values of the one that matters, each 4 times over, while 16 random trials in log space try 16 different ones, so random search lands nearer the best value more often. Here the learning rate spans 6 decades (from chance to divergence), far wider than 4 grid values resolve, and L2 spans 1e-6 to 1e-2, where it barely matters; each trial trains 2 × 16 ReLUs on the spiral for 60 SGD steps. The control narrows the rate to 0.2–1 around its best values, where the grid’s 4 rates already come within a quarter decade of any rate, so random search has nothing more to find.',
  expected: `On ${SEEDS.length} seeds, each a seed set (network, data, random draws, and the search window shifted by a random factor of up to half a grid step, since where the grid lands is not known in advance): ${BUDGET} trials of ${STEPS} SGD steps each on 2 × 16 ReLUs on the spiral, learning rate ${range(CLAIM_SPACE.learningRate)} (it matters, over a range far wider than 4 grid values resolve: accuracy goes from chance to its best and back) and L2 ${range(CLAIM_SPACE.l2)} (it barely does), both in log space; random search wins a seed set when its best validation accuracy beats the ${SIDE} × ${SIDE} grid’s by ${Math.round(MARGIN * 100)} points or more. Reproduced when it wins at least ${pct(WIN_RATE)} of the seed sets.`,
  show: trainingScene({ network: network(1), training: TRAINING }, DATA, {
    train: false,
    panel: 'search',
  }),
  control: {
    description: `the same search with the learning rate over ${range(CONTROL_SPACE.learningRate)} only, around its best values, where the grid’s 4 rates already resolve how accuracy depends on it`,
    show: trainingScene({ network: network(1), training: TRAINING }, DATA, {
      train: false,
      panel: 'search',
    }),
  },
});
