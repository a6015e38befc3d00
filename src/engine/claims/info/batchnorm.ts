/**
 * The page side of ../batchnorm.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { claimInfo } from './define';
import type { NetworkConfig, TrainingConfig } from '../../config';
import type { DatasetSpec } from '../../data/index';
import { probeScene, trainingScene } from './scenes';

export function probeConfig(change: Partial<NetworkConfig>): NetworkConfig {
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

export const PROBE_BATCH = 200;

export const DATA: DatasetSpec = { name: 'spiral' };

export const HIGH_RATE = 1;

export const LOW_RATE = 0.1;

export const STEPS = 400;

export function run(seed: number, batchnorm: boolean, learningRate: number) {
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

export const UNIT_GAUSSIAN_INFO = claimInfo({
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
});
