/**
 * Activation functions, part 2: dead ReLUs (from a bad initialization, from a too-high learning
 * rate) and the variants that keep a gradient where ReLU has none.
 */
import type { ActivationName, NetworkConfig, TrainingConfig } from '../config';
import { createDataset } from '../data/index';
import { DEAD_RELU_DEMO, type TrainingPreset, withSeed } from '../data/presets';
import { Optimizer } from '../optimizer';
import type { Trainer } from '../trainer';
import {
  countTrue,
  deadColumns,
  defineClaim,
  fmt,
  mean,
  newTrainer,
  passOnSplit,
  pct,
  points,
  probeNetwork,
  probeScene,
  rounded,
  train,
  trainingScene,
  zeroGradientColumns,
} from './measure';
import type { Claim } from './types';

const DEAD_INIT_BIAS = -1.5;
const BIAS_TEXT = '−1.5';
const DEAD_INIT_STEPS = 20;
const DEAD_INIT_BATCH = 200;

function deadInitConfig(seed: number, biasInit: number): NetworkConfig {
  return {
    inputDim: 100,
    depth: 5,
    width: 100,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    biasInit,
    batchnorm: false,
    classes: 10,
    seed,
  };
}

/** Weights and bias of column c of a fanIn × cols layer, as one list. */
function columnValues(weights: Float32Array, bias: Float32Array, cols: number, c: number) {
  const values = [bias[c]];
  for (let f = c; f < weights.length; f += cols) values.push(weights[f]);
  return values;
}

const DEAD_AT_INIT = defineClaim(
  {
    id: 'relu-dead-at-init',
    chapter: 'activations',
    title: 'A bad initialization leaves ReLUs dead from the start',
    explanation:
      'A ReLU whose pre-activation is negative on every example outputs 0 everywhere: it sits off the data cloud. Its slope is 0 there, so it gets exactly zero gradient and never updates, however long you train. Shifting every bias down (here by 1.5, He weights) kills units from the start, layer after layer as the survivors’ outputs shrink. Measured on a 5-layer × 100 probe.',
    expected: `On each of 3 seeds, with every hidden bias starting at ${BIAS_TEXT}: at least half of all hidden units are dead (pre-activation ≤ 0 on all 200 examples), every dead unit’s weight gradient is exactly 0, and after ${DEAD_INIT_STEPS} SGD steps (rate 0.1) every one of them is still dead with its weights unchanged bit for bit; with biases at 0 fewer than 5 % are dead.`,
    show: probeScene(deadInitConfig(1, DEAD_INIT_BIAS), DEAD_INIT_BATCH),
    contrast: {
      label: 'Now with biases at 0',
      scene: probeScene(deadInitConfig(1, 0), DEAD_INIT_BATCH),
    },
  },
  (kernels, seeds) => {
    let minDead = 1;
    let deadWithGradient = 0;
    let revivedOrMoved = 0;
    let maxHealthyDead = 0;
    let perLayer: number[] = [];
    const losses: number[] = [];
    for (const seed of seeds) {
      const net = probeNetwork(kernels, deadInitConfig(seed, DEAD_INIT_BIAS), DEAD_INIT_BATCH);
      const dead = net.layers.map((_, i) => deadColumns(net, i));
      const units = net.layers.reduce((n, layer) => n + layer.cols, 0);
      const deadFraction = dead.reduce((n, flags) => n + countTrue(flags), 0) / units;
      if (seed === seeds[0]) perLayer = dead.map((flags) => countTrue(flags) / flags.length);
      minDead = Math.min(minDead, deadFraction);
      const before = net.layers.map((layer, i) =>
        dead[i].map((isDead, c) =>
          isDead ? columnValues(layer.weight.value.data, layer.bias.value.data, layer.cols, c) : [],
        ),
      );
      net.layers.forEach((_, i) => {
        const zero = zeroGradientColumns(net, i);
        deadWithGradient += dead[i].filter((isDead, c) => isDead && !zero[c]).length;
      });
      const lossBefore = net.loss;
      const optimizer = new Optimizer(net, { optimizer: 'sgd', learningRate: 0.1 });
      for (let step = 0; step < DEAD_INIT_STEPS; step++) {
        optimizer.apply();
        net.forward(true);
        net.backward();
      }
      losses.push(lossBefore, net.loss);
      net.layers.forEach((layer, i) => {
        const stillDead = deadColumns(net, i);
        dead[i].forEach((isDead, c) => {
          if (!isDead) return;
          const after = columnValues(layer.weight.value.data, layer.bias.value.data, layer.cols, c);
          if (!stillDead[c] || after.some((v, k) => !Object.is(v, before[i][c][k])))
            revivedOrMoved++;
        });
      });
      const healthy = probeNetwork(kernels, deadInitConfig(seed, 0), DEAD_INIT_BATCH);
      const healthyDead = healthy.layers.map((_, i) => countTrue(deadColumns(healthy, i)));
      maxHealthyDead = Math.max(maxHealthyDead, healthyDead.reduce((a, b) => a + b, 0) / units);
    }
    const reproduced =
      minDead >= 0.5 && deadWithGradient === 0 && revivedOrMoved === 0 && maxHealthyDead < 0.05;
    return {
      reproduced,
      measured: {
        deadPerLayer: rounded(perLayer),
        minDeadFraction: minDead,
        deadUnitsWithGradient: deadWithGradient,
        deadUnitsRevivedOrMoved: revivedOrMoved,
        lossBeforeAfter: rounded(losses.slice(0, 2)),
        deadWithZeroBias: maxHealthyDead,
      },
      summary: `bias ${BIAS_TEXT}: ${pct(minDead)} or more of the units dead (≥ 50 %; per layer ${perLayer.map(pct).join(', ')}), ${deadWithGradient} of them with any gradient, ${revivedOrMoved} revived or moved after ${DEAD_INIT_STEPS} steps; loss ${fmt(losses[0])} → ${fmt(losses[1])}; bias 0: ${pct(maxHealthyDead)} dead`,
    };
  },
);

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

const DIES_WITH_HIGH_LR = defineClaim(
  {
    id: 'relu-dies-with-high-lr',
    chapter: 'activations',
    title: 'A too-high learning rate kills ReLUs while training',
    explanation:
      'More often than a bad initialization, a too-high learning rate kills ReLUs: a large update knocks a unit’s weights off the data cloud, it stops firing on every example, and with no gradient it never comes back. The units die one after another while the network trains. This is the page’s Dead ReLUs demonstration: 3 × 64 ReLUs on the spiral, SGD at rate 1 against rate 0.1.',
    expected: `On each of 3 seeds, at rate ${demo.training.learningRate}: the dead fraction (of all hidden units, on the monitoring batch) climbs by at least 15 points within ${HIGH_LR_STEPS} steps, gradually (less than half of the climb in the first ${HIGH_LR_EARLY} steps), without diverging; at rate ${demo.moderateLearningRate} it rises by at most 5 points.`,
    show: trainingScene(demoRun(demo), demo.dataset, { speed: 100 }),
    contrast: {
      label: `Now at rate ${demo.moderateLearningRate}`,
      scene: trainingScene(
        demoRun(demo, { learningRate: demo.moderateLearningRate }),
        demo.dataset,
      ),
    },
  },
  (kernels, seeds) => {
    const climbs: number[] = [];
    const early: number[] = [];
    const moderate: number[] = [];
    let diverged = 0;
    for (const seed of seeds) {
      const preset = withSeed(demo, seed);
      for (const rate of [demo.training.learningRate, demo.moderateLearningRate]) {
        const dataset = createDataset(preset.dataset);
        const trainer = newTrainer(kernels, demoRun(preset, { learningRate: rate }), dataset);
        const start = deadFraction(trainer);
        let afterEarly = start;
        train(trainer, HIGH_LR_STEPS, (step) => {
          if (step === HIGH_LR_EARLY) afterEarly = deadFraction(trainer);
        });
        if (trainer.divergence) diverged++;
        const end = deadFraction(trainer);
        if (rate === demo.training.learningRate) {
          climbs.push(end - start);
          early.push(afterEarly - start);
        } else moderate.push(Math.max(afterEarly, end) - start);
      }
    }
    const reproduced =
      diverged === 0 &&
      climbs.every((climb, i) => climb >= 0.15 && early[i] < climb / 2) &&
      moderate.every((rise) => rise <= 0.05);
    return {
      reproduced,
      measured: {
        climb: rounded(climbs),
        climbFirst20Steps: rounded(early),
        moderateRise: rounded(moderate),
        divergedRuns: diverged,
      },
      summary: `rate ${demo.training.learningRate}: dead fraction ${climbs.map(points).join(', ')} points after ${HIGH_LR_STEPS} steps (≥ +15), ${early.map(points).join(', ')} after ${HIGH_LR_EARLY}; rate ${demo.moderateLearningRate}: at most ${points(Math.max(...moderate))} points (≤ +5)`,
    };
  },
);

const LEAKY_STEPS = 300;
const LEAKY_TRAINING: Partial<TrainingConfig> = { optimizer: 'adam', learningRate: 0.03 };

function leakyRun(preset: TrainingPreset, activation: ActivationName) {
  const run = demoRun(preset, LEAKY_TRAINING);
  return { ...run, network: { ...run.network, activation } };
}

const NO_DEAD = defineClaim(
  {
    id: 'leaky-elu-no-dead',
    chapter: 'activations',
    title: 'Leaky ReLU and ELU do not die',
    explanation:
      'Leaky ReLU (slope 0.01 below zero) and ELU (α(eˣ − 1) below zero) keep a nonzero slope for negative inputs, so a unit pushed off the data cloud still gets a gradient and can come back. Their units may still be negative on every example (the dead fraction counts those too), but unlike ReLU’s they keep learning. Trained here with Adam at 0.03, a high rate, on the Dead ReLUs network; ELU diverges at that demo’s SGD rate 1, so that rate would not compare the three. Validation accuracy is reported, not judged: on the spiral a network with dead units can still fit.',
    expected: `On each of 3 seeds, after ${LEAKY_STEPS} Adam steps at rate 0.03 on the Dead ReLUs network (3 × 64, spiral): ReLU has at least 15 % of its units getting exactly zero gradient on every monitoring example; leaky ReLU and ELU have none (0 %), also among their units that are negative on every example; no run diverges.`,
    show: trainingScene(leakyRun(demo, 'leaky-relu'), demo.dataset),
    contrast: {
      label: 'Compare with ReLU',
      scene: trainingScene(leakyRun(demo, 'relu'), demo.dataset),
    },
  },
  (kernels, seeds) => {
    const activations: ActivationName[] = ['relu', 'leaky-relu', 'elu'];
    const zero: Record<string, number[]> = {};
    const negative: Record<string, number[]> = {};
    const accuracy: Record<string, number[]> = {};
    let diverged = 0;
    for (const activation of activations) {
      zero[activation] = [];
      negative[activation] = [];
      accuracy[activation] = [];
      for (const seed of seeds) {
        const preset = withSeed(demo, seed);
        const trainer = newTrainer(
          kernels,
          leakyRun(preset, activation),
          createDataset(preset.dataset),
        );
        train(trainer, LEAKY_STEPS);
        if (trainer.divergence) diverged++;
        accuracy[activation].push(trainer.evaluate().accuracy);
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
        zero[activation].push(zeroUnits / units);
        negative[activation].push(negativeUnits / units);
      }
    }
    const reproduced =
      diverged === 0 &&
      zero.relu.every((f) => f >= 0.15) &&
      zero['leaky-relu'].every((f) => f === 0) &&
      zero.elu.every((f) => f === 0);
    return {
      reproduced,
      measured: {
        reluZeroGradient: rounded(zero.relu),
        leakyZeroGradient: rounded(zero['leaky-relu']),
        eluZeroGradient: rounded(zero.elu),
        reluNegativeEverywhere: rounded(negative.relu),
        leakyNegativeEverywhere: rounded(negative['leaky-relu']),
        eluNegativeEverywhere: rounded(negative.elu),
        reluValidationAccuracy: rounded(accuracy.relu),
        leakyValidationAccuracy: rounded(accuracy['leaky-relu']),
        eluValidationAccuracy: rounded(accuracy.elu),
        divergedRuns: diverged,
      },
      summary: `units with zero gradient on every example: ReLU ${zero.relu.map(pct).join(', ')} (≥ 15 %), leaky ReLU ${zero['leaky-relu'].map(pct).join(', ')}, ELU ${zero.elu.map(pct).join(', ')}; negative on every example yet still learning: leaky ${negative['leaky-relu'].map(pct).join(', ')}, ELU ${negative.elu.map(pct).join(', ')}`,
    };
  },
);

export const RELU_CLAIMS: readonly Claim[] = [DEAD_AT_INIT, DIES_WITH_HIGH_LR, NO_DEAD];
