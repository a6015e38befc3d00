/**
 * Activation functions, part 2: ReLUs dying under a too-high learning rate, and the variants that
 * keep a gradient where ReLU has none. Dead from a bad initialization: relu-dead.ts.
 */
import type { ActivationName } from '../config';
import { buildDataset } from '../data/index';
import { withSeed } from '../data/presets';
import type { Kernels } from '../kernels/kernels';
import type { Trainer } from '../trainer';
import {
  countTrue,
  deadColumns,
  defineClaim,
  mean,
  newTrainer,
  passOnSplit,
  pct,
  points,
  rounded,
  train,
  zeroGradientColumns,
} from './measure';
import { RELU_DEAD_CLAIMS } from './relu-dead';
import type { Claim } from './types';
import {
  demo,
  demoRun,
  DIES_WITH_HIGH_LR_INFO,
  HIGH_LR_CLIMB,
  HIGH_LR_EARLY,
  HIGH_LR_STEPS,
  LEAKY_STEPS,
  leakyRun,
  NO_DEAD_INFO,
} from './info/relu';

/** Mean dead fraction over the hidden layers, on the trainer's monitoring batch. */
function deadFraction(trainer: Trainer): number {
  return mean(trainer.monitor().layers.map((layer) => layer.dead));
}

const DIES_WITH_HIGH_LR = defineClaim(
  DIES_WITH_HIGH_LR_INFO,
  (kernels, seeds, _options, variant) => {
    const rate = variant === 'claim' ? demo.training.learningRate : demo.moderateLearningRate;
    const climbs: number[] = [];
    const early: number[] = [];
    let diverged = 0;
    for (const seed of seeds) {
      const preset = withSeed(demo, seed);
      const dataset = buildDataset(preset.dataset, preset.network.seed);
      const trainer = newTrainer(kernels, demoRun(preset, { learningRate: rate }), dataset);
      const start = deadFraction(trainer);
      let afterEarly = start;
      train(trainer, HIGH_LR_STEPS, (step) => {
        if (step === HIGH_LR_EARLY) afterEarly = deadFraction(trainer);
      });
      if (trainer.divergence) diverged++;
      climbs.push(deadFraction(trainer) - start);
      early.push(afterEarly - start);
    }
    const reproduced =
      diverged === 0 && climbs.every((climb, i) => climb >= HIGH_LR_CLIMB && early[i] < climb / 2);
    return {
      reproduced,
      measured: {
        learningRate: rate,
        climb: rounded(climbs),
        climbFirst20Steps: rounded(early),
        divergedRuns: diverged,
      },
      summary: `rate ${rate}: dead fraction ${climbs.map(points).join(', ')} points after ${HIGH_LR_STEPS} steps (≥ +${Math.round(HIGH_LR_CLIMB * 100)}), ${early.map(points).join(', ')} after ${HIGH_LR_EARLY}; ${diverged} runs diverged`,
    };
  },
);

interface LeakyOutcome {
  zero: number[];
  negative: number[];
  accuracy: number[];
  diverged: number;
}

/** Per seed: units with zero gradient on every monitoring example, and negative on every one. */
function leakyOutcome(
  kernels: Kernels,
  seeds: readonly number[],
  activation: ActivationName,
): LeakyOutcome {
  const outcome: LeakyOutcome = { zero: [], negative: [], accuracy: [], diverged: 0 };
  for (const seed of seeds) {
    const preset = withSeed(demo, seed);
    const run = leakyRun(preset, activation);
    const trainer = newTrainer(kernels, run, buildDataset(preset.dataset, preset.network.seed));
    train(trainer, LEAKY_STEPS);
    if (trainer.divergence) outcome.diverged++;
    outcome.accuracy.push(trainer.evaluate().accuracy);
    const net = trainer.net;
    passOnSplit(net, trainer.monitorBatch);
    let units = 0;
    let zeroUnits = 0;
    let negativeUnits = 0;
    net.layers.forEach((layer, i) => {
      units += layer.cols;
      zeroUnits += countTrue(zeroGradientColumns(net, i));
      negativeUnits += countTrue(deadColumns(net, i));
    });
    outcome.zero.push(zeroUnits / units);
    outcome.negative.push(negativeUnits / units);
  }
  return outcome;
}

const NO_DEAD = defineClaim(NO_DEAD_INFO, (kernels, seeds, _options, variant) => {
  const tested: ActivationName[] = variant === 'claim' ? ['leaky-relu', 'elu'] : ['relu'];
  const outcomes = tested.map((activation) => leakyOutcome(kernels, seeds, activation));
  const reproduced = outcomes.every((o) => o.diverged === 0 && o.zero.every((f) => f === 0));
  const measured: Record<string, number | number[]> = {};
  tested.forEach((activation, i) => {
    const name = activation === 'leaky-relu' ? 'leaky' : activation;
    measured[`${name}ZeroGradient`] = rounded(outcomes[i].zero);
    measured[`${name}NegativeEverywhere`] = rounded(outcomes[i].negative);
    measured[`${name}ValidationAccuracy`] = rounded(outcomes[i].accuracy);
    measured[`${name}DivergedRuns`] = outcomes[i].diverged;
  });
  const list = (values: number[]) => values.map(pct).join(', ');
  return {
    reproduced,
    measured,
    summary: tested
      .map(
        (activation, i) =>
          `${activation}: units with zero gradient on every example ${list(outcomes[i].zero)} (must be 0 %), negative on every example ${list(outcomes[i].negative)}, ${outcomes[i].diverged} runs diverged`,
      )
      .join('; '),
  };
});

export const RELU_CLAIMS: readonly Claim[] = [...RELU_DEAD_CLAIMS, DIES_WITH_HIGH_LR, NO_DEAD];
