/**
 * Hyperparameter search: random against grid search with the same budget, over learning rate ×
 * L2 strength in log space (Bergstra & Bengio 2012). Also the trial helpers the page's search
 * panel runs (src/worker/search-session.ts).
 */
import type { NetworkConfig, TrainingConfig } from '../config';
import type { Dataset } from '../data/dataset';
import { buildDataset } from '../data/index';
import type { Kernels } from '../kernels/kernels';
import { Rng } from '../rng';
import { defineClaim, mean, newTrainer, pct, rounded, train } from './measure';
import type { Claim } from './types';
import {
  BUDGET,
  CLAIM_SPACE,
  CONTROL_SPACE,
  DATA,
  MARGIN,
  network,
  RANDOM_BEATS_GRID_INFO,
  range,
  SEEDS,
  SIDE,
  STEPS,
  TRAINING,
  WIN_RATE,
} from './info/hyperparameters';

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

/** Stream of each seed set's window offset, apart from the random trials' own. */
const WINDOW_STREAM = 32;

/**
 * The space shifted by a random factor of up to half a grid step either way: where the grid's
 * rates fall relative to the best rate is not known in advance, so it is drawn, not chosen.
 */
function shiftedSpace(space: SearchSpace, seed: number): SearchSpace {
  const [low, high] = space.learningRate;
  const step = Math.log(high / low) / (SIDE - 1);
  const factor = Math.exp((new Rng(seed, WINDOW_STREAM).uniform() - 0.5) * step);
  return { ...space, learningRate: [low * factor, high * factor] };
}

/** Range of mean accuracy along each axis of the grid: how much each hyperparameter matters. */
function axisRanges(outcomes: TrialOutcome[]): { learningRate: number; l2: number } {
  const range = (means: number[]) => Math.max(...means) - Math.min(...means);
  const meanOf = (pick: (i: number) => boolean) => {
    const chosen = outcomes.filter((_, i) => pick(i));
    return chosen.reduce((a, o) => a + o.accuracy, 0) / chosen.length;
  };
  const lines = Array.from({ length: SIDE }, (_, k) => k);
  // gridTrials lists the rate in the outer loop: index = rate · SIDE + l2.
  return {
    learningRate: range(lines.map((k) => meanOf((i) => Math.floor(i / SIDE) === k))),
    l2: range(lines.map((k) => meanOf((i) => i % SIDE === k))),
  };
}

interface SeedSet {
  gridBest: number;
  randomBest: number;
  rateRange: number;
  l2Range: number;
}

function runSeedSet(kernels: Kernels, space: SearchSpace, seed: number): SeedSet {
  const data = buildDataset(DATA, seed);
  const shifted = shiftedSpace(space, seed);
  const outcomes = (trials: Trial[]) =>
    trials.map((trial) => runTrial(kernels, network(seed), TRAINING, trial, data, STEPS));
  const grid = outcomes(gridTrials(BUDGET, shifted));
  const random = outcomes(randomTrials(BUDGET, shifted, seed));
  const ranges = axisRanges(grid);
  return {
    gridBest: Math.max(...grid.map((o) => o.accuracy)),
    randomBest: Math.max(...random.map((o) => o.accuracy)),
    rateRange: ranges.learningRate,
    l2Range: ranges.l2,
  };
}

const RANDOM_BEATS_GRID = defineClaim(
  RANDOM_BEATS_GRID_INFO,
  (kernels, seeds, _options, variant) => {
    const space = variant === 'claim' ? CLAIM_SPACE : CONTROL_SPACE;
    const sets = seeds.map((seed) => runSeedSet(kernels, space, seed));
    const gaps = sets.map((s) => s.randomBest - s.gridBest);
    const wins = gaps.filter((gap) => gap >= MARGIN).length;
    const losses = gaps.filter((gap) => gap <= -MARGIN).length;
    const rate = wins / seeds.length;
    const rateRange = mean(sets.map((s) => s.rateRange));
    const l2Range = mean(sets.map((s) => s.l2Range));
    return {
      reproduced: rate >= WIN_RATE,
      measured: {
        learningRateRange: [...space.learningRate],
        l2Range: [...space.l2],
        gridBestAccuracy: rounded(sets.map((s) => s.gridBest)),
        randomBestAccuracy: rounded(sets.map((s) => s.randomBest)),
        randomWins: wins,
        gridWins: losses,
        randomWinRate: rate,
        meanGap: mean(gaps),
        gridRateAxisRange: rateRange,
        gridL2AxisRange: l2Range,
      },
      summary: `learning rate ${range(space.learningRate)}: random search beat the grid by ${Math.round(MARGIN * 100)} points or more on ${wins} of ${seeds.length} seed sets (${pct(rate)}; needs ≥ ${pct(WIN_RATE)}), the grid beat random by as much on ${losses}; mean best ${pct(mean(sets.map((s) => s.randomBest)))} against ${pct(mean(sets.map((s) => s.gridBest)))}; across the grid, mean accuracy varied by ${Math.round(100 * rateRange)} points along the rate axis and ${Math.round(100 * l2Range)} along L2`,
    };
  },
  { seeds: SEEDS },
);

export const HYPERPARAMETER_CLAIMS: readonly Claim[] = [RANDOM_BEATS_GRID];
