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
} from './measure';
import { forwardOnRows, median, quantileOfSorted, sortedUnitInput } from './papers-measure';
import type { Claim, MeasuredValue } from './types';
import {
  CONTROL_SEED_OFFSET,
  DRIFTS,
  EVERY,
  INPUT_ROWS,
  LEARNS,
  run,
  STABLE_INPUTS_INFO,
  STEADIER,
  STEPS,
} from './info/papers-ioffe';

const QUANTILES = [0.15, 0.5, 0.85] as const;
const TOP = 2;

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

/** One arm's curves: its accuracy and its typical unit's input percentiles over training. */
interface ArmPlot {
  Accuracy: number[];
  Unit: number;
  P15: number[];
  P50: number[];
  P85: number[];
}

function armPlot(outcome: Outcome): ArmPlot {
  const unit = typicalUnit(outcome.units);
  const series = outcome.units[unit];
  return {
    Accuracy: rounded(outcome.accuracy),
    Unit: unit + 1,
    P15: rounded(series.map((p) => p[0])),
    P50: rounded(series.map((p) => p[1])),
    P85: rounded(series.map((p) => p[2])),
  };
}

/** An arm's curves under its prefix: plainAccuracy, batchnormP15, … */
function prefixed<P extends string>(prefix: P, plot: ArmPlot) {
  const entries = Object.entries(plot).map(([key, value]) => [`${prefix}${key}`, value]);
  return Object.fromEntries(entries) as { [K in keyof ArmPlot as `${P}${K}`]: ArmPlot[K] };
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
  STABLE_INPUTS_INFO,
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
    const plainPlot = { steps: plainRuns[0].steps, ...prefixed('plain', armPlot(plainRuns[0])) };
    const judgedPlot = armPlot(judgedRuns[0]);
    const measured: Record<string, MeasuredValue> = {
      plainFinalAccuracy: rounded(plain.accuracy),
      plainMedianDrift: rounded(plain.drift),
    };
    // The figure draws plain against batchnorm; the control's second plain arm is listed.
    if (variant === 'control') Object.assign(measured, prefixed('secondPlain', judgedPlot));
    const judgedPrefix = variant === 'claim' ? 'batchnorm' : 'secondPlain';
    Object.assign(measured, {
      [`${judgedPrefix}FinalAccuracy`]: rounded(judged.accuracy),
      [`${judgedPrefix}MedianDrift`]: rounded(judged.drift),
    });
    return {
      reproduced,
      plot: variant === 'claim' ? { ...plainPlot, ...prefixed('batchnorm', judgedPlot) } : null,
      measured: variant === 'claim' ? measured : { ...plainPlot, ...measured },
      summary: `after ${STEPS} steps, without batchnorm: validation accuracy ${plain.accuracy.map(pct).join(', ')}, median drift of a last-layer sigmoid’s input percentiles ${plain.drift.map(fmt).join(', ')} (> ${DRIFTS}); ${judgedName}: accuracy ${judged.accuracy.map(pct).join(', ')}, median drift ${judged.drift.map(fmt).join(', ')} (${judged.drift.map((d, i) => `${fmt(d / plain.drift[i])}×`).join(', ')} the plain network’s; steady below ${STEADIER}×)`,
    };
  },
  { needs: ['digits'] },
);

export const IOFFE_CLAIMS: readonly Claim[] = [STABLE_INPUTS];
