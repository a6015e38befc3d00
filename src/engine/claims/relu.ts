/**
 * Activation functions, part 2: ReLUs dying under a too-high learning rate, and the variants that
 * keep a gradient where ReLU has none. Dead from a bad initialization: relu-dead.ts.
 */
import type { ActivationName, TrainingConfig } from '../config';
import { createDataset } from '../data/index';
import { DEAD_RELU_DEMO, type TrainingPreset, withSeed } from '../data/presets';
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
  trainingScene,
  zeroGradientColumns,
} from './measure';
import { RELU_DEAD_CLAIMS } from './relu-dead';
import type { Claim } from './types';

/** Mean dead fraction over the hidden layers, on the trainer's monitoring batch. */
function deadFraction(trainer: Trainer): number {
  return mean(trainer.monitor().layers.map((layer) => layer.dead));
}

const HIGH_LR_STEPS = 1000;
const HIGH_LR_EARLY = 20;
const demo = DEAD_RELU_DEMO;

function demoRun(preset: TrainingPreset, training: Partial<TrainingConfig> = {}) {
  return {
    network: preset.network,
    training: { ...preset.training, ...training },
  };
}

const HIGH_LR_CLIMB = 0.15;

const DIES_WITH_HIGH_LR = defineClaim(
  {
    id: 'relu-dies-with-high-lr',
    chapter: 'activations',
    title: 'A too-high learning rate kills ReLUs while training',
    explanation:
      'More often than a bad initialization, a too-high learning rate kills ReLUs: a large update knocks a unit’s weights off the data cloud, it stops firing on every example, and with no gradient it never comes back. The units die one after another while the network trains. This is the page’s Dead ReLUs demonstration: 3 × 64 ReLUs on the spiral, SGD at rate 1; its control is the same run at rate 0.1.',
    expected: `On each of 3 seeds, at rate ${demo.training.learningRate}: the dead fraction (of all hidden units, on the monitoring batch) climbs by at least ${Math.round(HIGH_LR_CLIMB * 100)} points within ${HIGH_LR_STEPS} steps, gradually (less than half of the climb in the first ${HIGH_LR_EARLY} steps), without diverging.`,
    show: trainingScene(demoRun(demo), demo.dataset, { speed: 100 }),
    contrast: {
      label: `Now at rate ${demo.moderateLearningRate}`,
      scene: trainingScene(
        demoRun(demo, { learningRate: demo.moderateLearningRate }),
        demo.dataset,
      ),
    },
    control: {
      description: `the same runs at rate ${demo.moderateLearningRate}`,
      show: trainingScene(demoRun(demo, { learningRate: demo.moderateLearningRate }), demo.dataset),
    },
  },
  (kernels, seeds, _options, variant) => {
    const rate = variant === 'claim' ? demo.training.learningRate : demo.moderateLearningRate;
    const climbs: number[] = [];
    const early: number[] = [];
    let diverged = 0;
    for (const seed of seeds) {
      const preset = withSeed(demo, seed);
      const dataset = createDataset(preset.dataset);
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

const LEAKY_STEPS = 300;
const LEAKY_TRAINING: Partial<TrainingConfig> = { optimizer: 'adam', learningRate: 0.03 };

function leakyRun(preset: TrainingPreset, activation: ActivationName) {
  const run = demoRun(preset, LEAKY_TRAINING);
  return { ...run, network: { ...run.network, activation } };
}

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
    const trainer = newTrainer(kernels, run, createDataset(preset.dataset));
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

const NO_DEAD = defineClaim(
  {
    id: 'leaky-elu-no-dead',
    chapter: 'activations',
    title: 'Leaky ReLU and ELU do not die',
    kind: 'demonstration',
    demonstration:
      'A nonzero slope below zero passes on every nonzero gradient from above, so no unit of leaky ReLU or ELU can get exactly zero gradient on every example: any working engine shows 0 %. What the run shows is ReLU’s count under the same training (the control), and that the other two keep learning even where their units are negative on every example.',
    explanation:
      'Leaky ReLU (slope 0.01 below zero) and ELU (α(eˣ − 1) below zero) keep a nonzero slope for negative inputs, so a unit pushed off the data cloud still gets a gradient and can come back. Their units may still be negative on every example (the dead fraction counts those too), but unlike ReLU’s they keep learning. Trained here with Adam at 0.03, a high rate, on the Dead ReLUs network; ELU diverges at that demo’s SGD rate 1, so that rate would not compare the three. Validation accuracy is reported, not judged: on the spiral a network with dead units can still fit.',
    expected: `On each of 3 seeds, after ${LEAKY_STEPS} Adam steps at rate 0.03 on the Dead ReLUs network (3 × 64, spiral), for each activation tested (leaky ReLU and ELU): no unit gets exactly zero gradient on every monitoring example, also among the units that are negative on every example, and no run diverges.`,
    show: trainingScene(leakyRun(demo, 'leaky-relu'), demo.dataset),
    contrast: {
      label: 'Compare with ReLU',
      scene: trainingScene(leakyRun(demo, 'relu'), demo.dataset),
    },
    control: {
      description: 'the same training and criterion with ReLU as the activation tested',
      show: trainingScene(leakyRun(demo, 'relu'), demo.dataset),
    },
  },
  (kernels, seeds, _options, variant) => {
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
  },
);

export const RELU_CLAIMS: readonly Claim[] = [...RELU_DEAD_CLAIMS, DIES_WITH_HIGH_LR, NO_DEAD];
