/**
 * Hyperparameter search: random against grid search with the same budget, over learning rate ×
 * L2 strength in log space. Also the trial helpers the page's search panel can run.
 */
import type { NetworkConfig, TrainingConfig } from '../config';
import type { Dataset } from '../data/dataset';
import { createDataset, type DatasetSpec } from '../data/index';
import type { Kernels } from '../kernels/kernels';
import { Rng } from '../rng';
import { defineClaim, mean, newTrainer, pct, rounded, train, trainingScene } from './measure';
import type { Claim } from './types';

/** Log-space bounds of each searched hyperparameter. */
export interface SearchSpace {
  learningRate: [number, number];
  l2: [number, number];
}

export interface Trial {
  learningRate: number;
  l2: number;
}

export interface TrialOutcome extends Trial {
  /** Validation accuracy after the run; 0 when it diverged. */
  accuracy: number;
  diverged: boolean;
}

function logLerp([low, high]: [number, number], t: number): number {
  return Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low)));
}

/** A √budget × √budget grid (rounded down), log-spaced, both ends included. */
export function gridTrials(budget: number, space: SearchSpace): Trial[] {
  const side = Math.max(1, Math.floor(Math.sqrt(budget)));
  const at = (i: number) => (side === 1 ? 0.5 : i / (side - 1));
  const trials: Trial[] = [];
  for (let i = 0; i < side; i++)
    for (let j = 0; j < side; j++)
      trials.push({
        learningRate: logLerp(space.learningRate, at(i)),
        l2: logLerp(space.l2, at(j)),
      });
  return trials;
}

/** Stream of the search's draws, apart from the weights', data's and batches' streams. */
const SEARCH_STREAM = 31;

/** `budget` points drawn uniformly in log space from the seed. */
export function randomTrials(budget: number, space: SearchSpace, seed: number): Trial[] {
  const rng = new Rng(seed, SEARCH_STREAM);
  return Array.from({ length: budget }, () => ({
    learningRate: logLerp(space.learningRate, rng.uniform()),
    l2: logLerp(space.l2, rng.uniform()),
  }));
}

/** One short training run with the trial's hyperparameters. */
export function runTrial(
  kernels: Kernels,
  network: NetworkConfig,
  training: TrainingConfig,
  trial: Trial,
  data: Dataset,
  steps: number,
): TrialOutcome {
  const trainer = newTrainer(kernels, { network, training: { ...training, ...trial } }, data);
  train(trainer, steps);
  const diverged = trainer.divergence !== null;
  return { ...trial, diverged, accuracy: diverged ? 0 : trainer.evaluate().accuracy };
}

const BUDGET = 16;
/** A few epochs per trial (6.7 of the spiral's 480 training points), as for a coarse search. */
const STEPS = 100;
const SPACE: SearchSpace = { learningRate: [1e-4, 10], l2: [1e-5, 1e-2] };
const DATA: DatasetSpec = { name: 'spiral', seed: 1 };

function network(seed: number): NetworkConfig {
  return {
    inputDim: 2,
    depth: 2,
    width: 32,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    batchnorm: false,
    classes: 3,
    seed,
  };
}
const TRAINING: TrainingConfig = { optimizer: 'sgd', learningRate: 0.1, l2: 1e-4, batchSize: 32 };

const distinct = (values: number[]) => new Set(values).size;

const RANDOM_BEATS_GRID = defineClaim(
  {
    id: 'random-beats-grid',
    chapter: 'hyperparameters',
    title: 'Random search beats grid search',
    explanation:
      'When the result depends mostly on one hyperparameter (here the learning rate; L2 below 0.01 hardly matters), a 4 × 4 grid tries only 4 values of it, each 4 times over, while 16 random trials in log space try 16 different ones and so sample the important axis 4 times more densely. Each trial trains 2 × 32 ReLUs on the spiral for 100 SGD steps, a few epochs as the lecture advises for a coarse search; rates from 1e-4 to 10, L2 from 1e-5 to 1e-2.',
    expected: `With ${BUDGET} trials each: random search tries ${BUDGET} distinct learning rates where the grid tries 4, and averaged over 5 seeds its best validation accuracy is at least the grid’s.`,
    show: trainingScene({ network: network(1), training: TRAINING }, DATA, {
      train: false,
      panel: 'search',
    }),
    seeds: [1, 2, 3, 4, 5],
  },
  (kernels, seeds) => {
    const grid = gridTrials(BUDGET, SPACE);
    const gridBest: number[] = [];
    const randomBest: number[] = [];
    let randomRates = BUDGET;
    const good = { grid: 0, random: 0 };
    for (const seed of seeds) {
      const data = createDataset({ ...DATA, seed });
      const random = randomTrials(BUDGET, SPACE, seed);
      randomRates = Math.min(randomRates, distinct(random.map((t) => t.learningRate)));
      const outcomes = (trials: Trial[]) =>
        trials.map((trial) => runTrial(kernels, network(seed), TRAINING, trial, data, STEPS));
      const gridOutcomes = outcomes(grid);
      const randomOutcomes = outcomes(random);
      gridBest.push(Math.max(...gridOutcomes.map((o) => o.accuracy)));
      randomBest.push(Math.max(...randomOutcomes.map((o) => o.accuracy)));
      good.grid += gridOutcomes.filter((o) => o.accuracy >= 0.9).length;
      good.random += randomOutcomes.filter((o) => o.accuracy >= 0.9).length;
    }
    const gridRates = distinct(grid.map((t) => t.learningRate));
    const reproduced =
      randomRates === BUDGET && gridRates === 4 && mean(randomBest) >= mean(gridBest);
    return {
      reproduced,
      measured: {
        gridDistinctRates: gridRates,
        randomDistinctRates: randomRates,
        gridBestAccuracy: rounded(gridBest),
        randomBestAccuracy: rounded(randomBest),
        gridMeanBest: mean(gridBest),
        randomMeanBest: mean(randomBest),
        gridTrialsAbove90: good.grid,
        randomTrialsAbove90: good.random,
      },
      summary: `distinct learning rates: random ${randomRates}, grid ${gridRates}; best validation accuracy, mean over ${seeds.length} seeds: random ${pct(mean(randomBest))} vs grid ${pct(mean(gridBest))} (per seed ${randomBest.map(pct).join(', ')} vs ${gridBest.map(pct).join(', ')}); trials at 90 % or more: ${good.random} vs ${good.grid}`,
    };
  },
);

export const HYPERPARAMETER_CLAIMS: readonly Claim[] = [RANDOM_BEATS_GRID];
