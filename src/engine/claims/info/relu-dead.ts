/**
 * The page side of ../relu-dead.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { claimInfo } from './define';
import type { NetworkConfig, TrainingConfig } from '../../config';
import type { DatasetSpec } from '../../data/index';
import { type RunSpec, trainingScene } from './scenes';
import { fmt, pct } from './texts';

export function network(seed: number, biasInit: number): NetworkConfig {
  return {
    inputDim: 2,
    depth: 3,
    width: 64,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    biasInit,
    batchnorm: false,
    classes: 3,
    seed,
  };
}

export const DATA: DatasetSpec = { name: 'spiral', preprocess: 'normalize' };

export const LEARNT = 0.6;

/** A layer counts as mixed when this share of its units, or more, is dead and as many live. */
export const MIXED = 0.05;

/** A live unit has moved when its weights and bias changed by this much (relative norm). */
export const MOVED = 0.001;

export const SEEDS = [1, 2, 3, 4, 5];

export const SHIFTED_BIAS = -1;

export const STEPS = 300;

export const TRAINING: TrainingConfig = {
  optimizer: 'sgd',
  learningRate: 0.1,
  l2: 0,
  batchSize: 32,
};

export const spec = (seed: number, biasInit: number): RunSpec => ({
  network: network(seed, biasInit),
  training: TRAINING,
});

export const DEAD_AT_INIT_INFO = claimInfo({
  id: 'relu-dead-at-init',
  chapter: 'activations',
  title: 'A bad initialization leaves ReLUs dead from the start',
  explanation:
    'A ReLU whose pre-activation is negative on every example outputs 0 everywhere: it sits off the data cloud, its slope there is 0, so it gets exactly zero gradient and does not update. Starting every bias at −1 (He weights, 3 × 64 ReLUs on the spiral) kills part of each layer and leaves the rest alive, so one training run shows both: the dead first-layer units frozen bit for bit while the live ones learn the spiral. Deeper, a dead unit’s input is the layer below, which keeps changing, so some of them come back; the check counts them rather than assuming they stay dead.',
  expected: `On each of ${SEEDS.length} seeds, 3 × 64 ReLUs with He weights and every hidden bias starting at ${SHIFTED_BIAS}, ${STEPS} SGD steps (rate ${TRAINING.learningRate}, batch ${TRAINING.batchSize}) on the spiral: in every hidden layer between ${pct(MIXED)} and ${pct(1 - MIXED)} of the units are dead at the start (pre-activation ≤ 0 on every training point); after training every dead first-layer unit has its weights and bias unchanged bit for bit and is still dead on every training point, while at least 90 % of the live units (all layers) changed their weights and bias by ${fmt(100 * MOVED)} % or more and validation accuracy reaches ${pct(LEARNT)}. How many deeper dead units came back is reported, not judged.`,
  show: trainingScene(spec(1, SHIFTED_BIAS), DATA),
  contrast: { label: 'Now with biases at 0', scene: trainingScene(spec(1, 0), DATA) },
  control: {
    description: 'the same training run with every hidden bias starting at 0',
    show: trainingScene(spec(1, 0), DATA),
  },
});
