/**
 * Ioffe & Szegedy (2015), Fig. 1: three fully-connected sigmoid layers of 100 on MNIST,
 * minibatches of 60, with and without batchnorm: (a) test accuracy against steps; (b, c) the
 * 15th, 50th and 85th percentiles of one last-layer sigmoid's input over training, drifting
 * without batchnorm and steady with it.
 */
import type { Dataset } from '../data/dataset';
import type { Kernels } from '../kernels/kernels';
import type { Trainer } from '../trainer';
import {
  defineClaim,
  digitsOf,
  fmt,
  newTrainer,
  pct,
  quickValidation,
  rounded,
  type RunSpec,
  train,
  trainingScene,
} from './measure';
import {
  DIGITS,
  digitsNetwork,
  forwardOnRows,
  median,
  quantileOfSorted,
  sgd,
  sortedUnitInput,
} from './papers-measure';
import type { Claim, MeasuredValue } from './types';

const STEPS = 300;
const EVERY = 25;
const RATE = 0.5;
/** Validation digits the sigmoid inputs are read on (batchnorm normalizes over these). */
const INPUT_ROWS = 200;
const QUANTILES = [0.15, 0.5, 0.85] as const;
const TOP = 2;
/**
 * Drift thresholds in the sigmoid's own input units, where a shift of 1 moves its output by up
 * to σ(1) − σ(0) = 0.23 and 0.5 by at most 0.12: a spread-free yardstick, since a ratio of
 * spreads blows up whenever the starting spread is small.
 */
const DRIFTS = 1;
/** Steady: less than this fraction of the plain network's drift on the same seed. */
const STEADIER = 0.5;
/** The control's second plain network: other weights and batches than the reference's. */
const CONTROL_SEED_OFFSET = 1000;
/** Both networks must learn, so a steady input is not that of a network standing still. */
const LEARNS = 0.7;

function run(seed: number, batchnorm: boolean): RunSpec {
  return {
    network: digitsNetwork(seed, {
      depth: 3,
      width: 100,
      activation: 'sigmoid',
      init: 'xavier',
      batchnorm,
    }),
    training: sgd(RATE, 60),
  };
}

/** Per unit of the top layer: 15th, 50th, 85th percentile of its input at each checkpoint. */
type UnitSeries = number[][][];

interface Outcome {
  steps: number[];
  accuracy: number[];
  units: UnitSeries;
  diverged: boolean;
}

function record(trainer: Trainer, outcome: Outcome, step: number): void {
  outcome.steps.push(step);
  outcome.accuracy.push(trainer.evaluate().accuracy);
  forwardOnRows(trainer.net, trainer.dataset.validation, INPUT_ROWS);
  outcome.units.forEach((series, unit) => {
    const sorted = sortedUnitInput(trainer.net, TOP, unit);
    series.push(QUANTILES.map((q) => quantileOfSorted(sorted, q)));
  });
}

function measureRun(kernels: Kernels, data: Dataset, spec: RunSpec): Outcome {
  const trainer = newTrainer(kernels, spec, data);
  const width = trainer.net.layers[TOP].cols;
  const outcome: Outcome = {
    steps: [],
    accuracy: [],
    units: Array.from({ length: width }, () => []),
    diverged: false,
  };
  record(trainer, outcome, 0);
  train(trainer, STEPS, (step) => {
    if (step % EVERY === 0) record(trainer, outcome, step);
  });
  outcome.diverged = trainer.divergence !== null;
  return outcome;
}

/** How far a unit's input distribution travels: the widest range any of its 3 percentiles covers. */
function unitDrift(series: number[][]): number {
  return Math.max(
    ...QUANTILES.map((_, q) => {
      const values = series.map((p) => p[q]);
      return Math.max(...values) - Math.min(...values);
    }),
  );
}

/** The unit whose drift is the median of its layer's: the "typical sigmoid" the figure draws. */
function typicalUnit(units: UnitSeries): number {
  const order = units.map((s, unit) => ({ unit, drift: unitDrift(s) }));
  order.sort((a, b) => a.drift - b.drift);
  return order[Math.floor(order.length / 2)].unit;
}

function plotOf(prefix: string, outcome: Outcome): Record<string, MeasuredValue> {
  const unit = typicalUnit(outcome.units);
  const series = outcome.units[unit];
  return {
    [`${prefix}Accuracy`]: rounded(outcome.accuracy),
    [`${prefix}Unit`]: unit + 1,
    [`${prefix}P15`]: rounded(series.map((p) => p[0])),
    [`${prefix}P50`]: rounded(series.map((p) => p[1])),
    [`${prefix}P85`]: rounded(series.map((p) => p[2])),
  };
}

/** Per seed: final accuracy and the median unit drift of one arm. */
interface ArmFigures {
  accuracy: number[];
  drift: number[];
  learnt: boolean;
}

function summarize(outcomes: Outcome[]): ArmFigures {
  return {
    accuracy: outcomes.map((o) => o.accuracy[o.accuracy.length - 1]),
    drift: outcomes.map((o) => median(o.units.map(unitDrift))),
    learnt: outcomes.every((o) => !o.diverged && o.accuracy[o.accuracy.length - 1] >= LEARNS),
  };
}

const STABLE_INPUTS = defineClaim(
  {
    id: 'ioffe2015-bn-stable-inputs',
    chapter: 'papers',
    title: 'Ioffe & Szegedy 2015: batchnorm keeps a sigmoid’s input steady',
    citation:
      'S. Ioffe, C. Szegedy. Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift. ICML 2015, Fig. 1.',
    explanation:
      'Ioffe and Szegedy trained three fully-connected sigmoid layers of 100 units on MNIST with minibatches of 60: without batch normalization the input of a typical last-layer sigmoid drifted in centre and width as the network learned (the 15th, 50th and 85th percentiles of their Fig. 1b), with it those percentiles stayed put (Fig. 1c). Ours is the same network and batch size from Xavier weights with SGD at rate 0.5 (the paper gives neither), on the 8,000 digits the page ships, for 300 steps, in which both networks learn: the plain one from chance to about 80 % validation accuracy, the batchnorm one to about 88 %. The typical sigmoid is the unit whose drift is the median of its layer’s, its input read on 200 validation digits.',
    expected: `On each of 3 seeds, ${STEPS} SGD steps (rate ${RATE}, batch 60) of 784 → 3 × 100 sigmoid → 10 from Xavier weights, read every ${EVERY} steps: for each unit of the last hidden layer, its drift is the widest range (largest − smallest over the checkpoints) that any of the 15th, 50th and 85th percentiles of its input covers on ${INPUT_ROWS} validation digits. Reproduced when both networks reach ${pct(LEARNS)} validation accuracy without diverging, the median drift over the 100 units is more than ${DRIFTS} without batchnorm, and in the network with batchnorm less than ${STEADIER} × the plain network’s on the same seed.`,
    show: trainingScene(run(1, true), DIGITS, { speed: 0 }),
    contrast: {
      label: 'Now without batch normalization',
      scene: trainingScene(run(1, false), DIGITS, { speed: 0 }),
    },
    control: {
      description: `the same criterion with batchnorm removed from the network it judges steady: a second plain network (seed + ${CONTROL_SEED_OFFSET}: other weights and batches) against the first`,
      show: trainingScene(run(1, false), DIGITS, { speed: 0 }),
    },
    needs: ['digits'],
  },
  (kernels, seeds, options, variant) => {
    const data = quickValidation(digitsOf(options).normalized);
    const plainRuns = seeds.map((seed) => measureRun(kernels, data, run(seed, false)));
    const judgedRuns = seeds.map((seed) =>
      variant === 'claim'
        ? measureRun(kernels, data, run(seed, true))
        : measureRun(kernels, data, run(seed + CONTROL_SEED_OFFSET, false)),
    );
    const plain = summarize(plainRuns);
    const judged = summarize(judgedRuns);
    const reproduced =
      plain.learnt &&
      judged.learnt &&
      plain.drift.every((d) => d > DRIFTS) &&
      judged.drift.every((d, i) => d < STEADIER * plain.drift[i]);
    const judgedName =
      variant === 'claim'
        ? 'with batchnorm'
        : `a second plain network (seed + ${CONTROL_SEED_OFFSET})`;
    const measured: Record<string, MeasuredValue> = {
      steps: plainRuns[0].steps,
      ...plotOf('plain', plainRuns[0]),
      plainFinalAccuracy: rounded(plain.accuracy),
      plainMedianDrift: rounded(plain.drift),
    };
    const judgedPrefix = variant === 'claim' ? 'batchnorm' : 'secondPlain';
    Object.assign(measured, plotOf(judgedPrefix, judgedRuns[0]), {
      [`${judgedPrefix}FinalAccuracy`]: rounded(judged.accuracy),
      [`${judgedPrefix}MedianDrift`]: rounded(judged.drift),
    });
    return {
      reproduced,
      measured,
      summary: `after ${STEPS} steps, without batchnorm: validation accuracy ${plain.accuracy.map(pct).join(', ')}, median drift of a last-layer sigmoid’s input percentiles ${plain.drift.map(fmt).join(', ')} (> ${DRIFTS}); ${judgedName}: accuracy ${judged.accuracy.map(pct).join(', ')}, median drift ${judged.drift.map(fmt).join(', ')} (${judged.drift.map((d, i) => `${fmt(d / plain.drift[i])}×`).join(', ')} the plain network’s; steady below ${STEADIER}×)`,
    };
  },
);

export const IOFFE_CLAIMS: readonly Claim[] = [STABLE_INPUTS];
