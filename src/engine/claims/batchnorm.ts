/**
 * Batch normalization: unit Gaussian pre-activations whatever the initialization, and training
 * at a learning rate where the same network without it blows up.
 */
import type { ActivationName, InitName, NetworkConfig, TrainingConfig } from '../config';
import { createDataset, type DatasetSpec } from '../data/index';
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

const UNIT_GAUSSIAN = defineClaim(
  {
    id: 'batchnorm-unit-gaussian',
    chapter: 'batchnorm',
    title: 'Batch normalization: unit Gaussian layers, higher learning rates',
    explanation:
      'Batch normalization standardizes each unit’s pre-activation over the batch (then scales by γ = 1 and shifts by β = 0 at the start), so every layer sees a unit Gaussian whatever the weights’ scale: it undoes the collapse of small weights and the saturation of large ones. Because no layer’s scale can run away, the same network also trains at a learning rate where it otherwise blows up. Probes of 6 layers × 100; training on the spiral with 6 × 64 ReLUs.',
    expected: `On each of 3 seeds: with batchnorm on, for small, large, Xavier and He weights, tanh and ReLU, every layer’s pre-activation std is within 1 % of 1 and its mean within 1e-3 of 0; and trained ${STEPS} SGD steps (batch 64) at rate ${HIGH_RATE} (6 × 64 ReLU, He, spiral) the plain network diverges or ends below 60 % validation accuracy while the batchnorm one trains without diverging to at least 90 %, the plain one reaching 90 % at rate ${LOW_RATE}.`,
    show: probeScene(probeConfig({}), PROBE_BATCH),
    contrast: {
      label: `Train at rate ${HIGH_RATE}`,
      scene: trainingScene(run(1, true, HIGH_RATE), DATA),
    },
  },
  (kernels, seeds) => {
    let stdLow = Infinity;
    let stdHigh = 0;
    let largestMean = 0;
    /** Per seed: the step the plain network diverged at (0: it did not), and its accuracy. */
    const plainDiverged: number[] = [];
    const plainAccuracy: number[] = [];
    const normalized: number[] = [];
    const plainLow: number[] = [];
    let trains = true;
    for (const seed of seeds) {
      for (const init of INITS)
        for (const activation of ACTIVATIONS) {
          const layers = probeStats(kernels, probeConfig({ seed, init, activation }), PROBE_BATCH);
          for (const layer of layers) {
            stdLow = Math.min(stdLow, layer.preact.std);
            stdHigh = Math.max(stdHigh, layer.preact.std);
            largestMean = Math.max(largestMean, Math.abs(layer.preact.mean));
          }
        }
      const data = createDataset({ ...DATA, seed });
      const outcome = (batchnorm: boolean, rate: number) => {
        const trainer = newTrainer(kernels, run(seed, batchnorm, rate), data);
        train(trainer, STEPS);
        if (trainer.divergence) return { diverged: trainer.divergence.step, accuracy: NaN };
        return { diverged: 0, accuracy: trainer.evaluate().accuracy };
      };
      const high = outcome(false, HIGH_RATE);
      plainDiverged.push(high.diverged);
      plainAccuracy.push(high.diverged ? 0 : high.accuracy);
      const withBn = outcome(true, HIGH_RATE);
      normalized.push(withBn.diverged ? 0 : withBn.accuracy);
      const low = outcome(false, LOW_RATE);
      plainLow.push(low.diverged ? 0 : low.accuracy);
      trains &&=
        (high.diverged > 0 || high.accuracy < 0.6) &&
        !withBn.diverged &&
        withBn.accuracy >= 0.9 &&
        !low.diverged &&
        low.accuracy >= 0.9;
    }
    const plainOutcome = plainDiverged.every((step) => step > 0)
      ? `diverged at step ${plainDiverged.join(', ')}`
      : `ended at ${plainDiverged.map((step, i) => (step ? `divergence (step ${step})` : pct(plainAccuracy[i]))).join(', ')}`;
    const unit = stdLow >= 0.99 && stdHigh <= 1.01 && largestMean <= 1e-3;
    return {
      reproduced: unit && trains,
      measured: {
        preactStdRange: rounded([stdLow, stdHigh]),
        largestAbsPreactMean: largestMean,
        plainDivergedAtStep: plainDiverged,
        plainAccuracyAtHighRate: rounded(plainAccuracy),
        batchnormAccuracyAtHighRate: rounded(normalized),
        plainAccuracyAtLowRate: rounded(plainLow),
      },
      summary: `pre-activation std ${fmt(stdLow)}–${fmt(stdHigh)} and |mean| ≤ ${fmt(largestMean)} in every layer for 4 inits × 2 activations; at rate ${HIGH_RATE} the plain network ${plainOutcome}; with batchnorm: ${normalized.map(pct).join(', ')} validation accuracy (plain at rate ${LOW_RATE}: ${plainLow.map(pct).join(', ')})`,
    };
  },
);

export const BATCHNORM_CLAIMS: readonly Claim[] = [UNIT_GAUSSIAN];
