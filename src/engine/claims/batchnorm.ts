/**
 * Batch normalization: unit Gaussian pre-activations whatever the initialization, and training
 * at a learning rate where the same network without it blows up.
 */
import type { ActivationName, InitName, NetworkConfig, TrainingConfig } from '../config';
import { createDataset, type DatasetSpec } from '../data/index';
import type { Kernels } from '../kernels/kernels';
import {
  defineClaim,
  fmt,
  newTrainer,
  pct,
  probeScene,
  probeStats,
  rounded,
  train,
  trainingScene,
} from './measure';
import type { Claim } from './types';

const INITS: readonly InitName[] = ['small', 'large', 'xavier', 'he'];
const ACTIVATIONS: readonly ActivationName[] = ['tanh', 'relu'];
const PROBE_BATCH = 200;

function probeConfig(change: Partial<NetworkConfig>): NetworkConfig {
  return {
    inputDim: 100,
    depth: 6,
    width: 100,
    activation: 'tanh',
    init: 'small',
    initScale: 1,
    batchnorm: true,
    classes: 10,
    seed: 1,
    ...change,
  };
}

const HIGH_RATE = 1;
const LOW_RATE = 0.1;
const STEPS = 400;
const DATA: DatasetSpec = { name: 'spiral', seed: 1 };

function run(seed: number, batchnorm: boolean, learningRate: number) {
  const network: NetworkConfig = {
    inputDim: 2,
    depth: 6,
    width: 64,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    batchnorm,
    classes: 3,
    seed,
  };
  const training: TrainingConfig = { optimizer: 'sgd', learningRate, l2: 0, batchSize: 64 };
  return { network, training };
}

/** The outcome of STEPS steps at `rate`: the step it diverged at (0: it did not), its accuracy. */
function outcome(kernels: Kernels, seed: number, batchnorm: boolean, rate: number) {
  const trainer = newTrainer(kernels, run(seed, batchnorm, rate), createDataset({ ...DATA, seed }));
  train(trainer, STEPS);
  if (trainer.divergence) return { diverged: trainer.divergence.step, accuracy: 0 };
  return { diverged: 0, accuracy: trainer.evaluate().accuracy };
}

const UNIT_GAUSSIAN = defineClaim(
  {
    id: 'batchnorm-unit-gaussian',
    chapter: 'batchnorm',
    title: 'Batch normalization: unit Gaussian layers, higher learning rates',
    explanation:
      'Batch normalization standardizes each unit’s pre-activation over the batch (then scales by γ = 1 and shifts by β = 0 at the start), so every layer sees a unit Gaussian whatever the weights’ scale: it undoes the collapse of small weights and the saturation of large ones. Because no layer’s scale can run away, the same network also trains at a learning rate where it otherwise blows up. Probes of 6 layers × 100; training on the spiral with 6 × 64 ReLUs.',
    expected: `With batchnorm on, on each of 3 seeds: for small, large, Xavier and He weights, tanh and ReLU, every layer’s pre-activation std is within 1 % of 1 and its mean within 1e-3 of 0 (true by construction; the control shows it is not without batchnorm); and trained ${STEPS} SGD steps (batch 64) at rate ${HIGH_RATE} (6 × 64 ReLU, He, spiral) the network does not diverge and reaches at least 90 % validation accuracy.`,
    show: probeScene(probeConfig({}), PROBE_BATCH),
    contrast: {
      label: `Train at rate ${HIGH_RATE}`,
      scene: trainingScene(run(1, true, HIGH_RATE), DATA),
    },
    control: {
      description: `the same probes and training without batchnorm (the plain network reaches 90 % at rate ${LOW_RATE})`,
      show: trainingScene(run(1, false, HIGH_RATE), DATA),
    },
  },
  (kernels, seeds, _, variant) => {
    const batchnorm = variant === 'claim';
    let stdLow = Infinity;
    let stdHigh = 0;
    let largestMean = 0;
    const high = seeds.map(() => ({ diverged: 0, accuracy: 0 }));
    const low: number[] = [];
    for (const [s, seed] of seeds.entries()) {
      for (const init of INITS)
        for (const activation of ACTIVATIONS) {
          const config = probeConfig({ seed, init, activation, batchnorm });
          for (const layer of probeStats(kernels, config, PROBE_BATCH)) {
            stdLow = Math.min(stdLow, layer.preact.std);
            stdHigh = Math.max(stdHigh, layer.preact.std);
            largestMean = Math.max(largestMean, Math.abs(layer.preact.mean));
          }
        }
      high[s] = outcome(kernels, seed, batchnorm, HIGH_RATE);
      // Without batchnorm, the same network at a low rate: the task itself is learnable.
      if (!batchnorm) low.push(outcome(kernels, seed, false, LOW_RATE).accuracy);
    }
    const unit = stdLow >= 0.99 && stdHigh <= 1.01 && largestMean <= 1e-3;
    const trains = high.every((o) => !o.diverged && o.accuracy >= 0.9);
    const ended = high
      .map((o) => (o.diverged ? `diverged at step ${o.diverged}` : pct(o.accuracy)))
      .join(', ');
    const plainLow = batchnorm ? '' : ` (at rate ${LOW_RATE}: ${low.map(pct).join(', ')})`;
    return {
      reproduced: unit && trains,
      measured: {
        preactStdRange: rounded([stdLow, stdHigh]),
        largestAbsPreactMean: largestMean,
        divergedAtStep: high.map((o) => o.diverged),
        accuracyAtHighRate: rounded(high.map((o) => o.accuracy)),
        ...(batchnorm ? {} : { accuracyAtLowRate: rounded(low) }),
      },
      summary: `${batchnorm ? 'with' : 'without'} batchnorm: pre-activation std ${fmt(stdLow)}–${fmt(stdHigh)} and |mean| up to ${fmt(largestMean)} over every layer of 4 inits × 2 activations (needed: std 0.99–1.01, |mean| ≤ 1e-3); at rate ${HIGH_RATE}: ${ended} (needed: no divergence, ≥ 90 % validation accuracy)${plainLow}`,
    };
  },
);

export const BATCHNORM_CLAIMS: readonly Claim[] = [UNIT_GAUSSIAN];
