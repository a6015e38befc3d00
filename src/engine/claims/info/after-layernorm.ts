/**
 * The page side of ../after-layernorm.ts: layer norm needs no batch (an example's output is
 * its own), so it trains at batch 2 where batchnorm does not; texts, scenes and chart.
 */
import type { NetworkConfig } from '../../config';
import type { DatasetSpec } from '../../data/spec';
import { ACT, GRAD, claimInfo } from './define';
import { type RunSpec, trainingScene } from './scenes';
import { fmt } from './texts';

export const SPIRAL: DatasetSpec = { name: 'spiral' };
export const DEPTH = 4;
export const WIDTH = 32;
export const RATE = 0.003;
export const STEPS = 500;
/** The small batch both networks train with. */
export const SMALL_BATCH = 2;
/** The batch an example's output is compared across (alone, and among this many). */
export const FULL_BATCH = 32;

/** An example's output alone and in a batch: layer norm's must agree within this… */
export const SAME = 1e-5;
/** …and batchnorm's differ by more than this (the normalization needs the batch). */
export const DIFFERENT = 1e-2;
/** At batch 2, layer norm's training loss is below batchnorm's by at least this. */
export const BETTER = 0.3;

export type NormKind = 'layer' | 'batch';

export function run(seed: number, norm: NormKind): RunSpec {
  const network: NetworkConfig = {
    inputDim: 2,
    depth: DEPTH,
    width: WIDTH,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    batchnorm: norm === 'batch',
    layernorm: norm === 'layer',
    normPosition: 'inside',
    residual: false,
    dropout: 0,
    classes: 3,
    seed,
  };
  return {
    network,
    training: { optimizer: 'adam', learningRate: RATE, l2: 0, batchSize: SMALL_BATCH },
  };
}

const scene = (norm: NormKind) => trainingScene(run(1, norm), SPIRAL, { speed: 0 });

export const BATCH_OF_ONE_INFO = claimInfo({
  id: 'layernorm-batch-of-one',
  chapter: 'after-lecture',
  title: 'Layer norm works at any batch size, batchnorm needs the batch',
  explanation:
    'Batchnorm standardizes each unit over the examples of the minibatch, so an example’s output depends on the other examples it is batched with, and with two examples the estimate of the mean and variance is almost noise (at batch 1 every output is 0). Layer norm (Ba et al. 2016) standardizes each example over its own units instead, so an example’s output is the same alone or in any batch, in training and at test time alike. Here 4 layers of 32 ReLUs with either norm, inside each layer as in the lecture, are trained on the spiral with batches of 2 (Adam, rate 0.003, 500 steps); the training loss is measured on the whole training split in evaluation mode, batchnorm with its running averages as at test time.',
  expected: `On each of 3 seeds: one example’s output of every hidden layer differs between a batch of 1 and a batch of ${FULL_BATCH} by less than ${SAME} with layer norm (batchnorm: more than ${DIFFERENT}), and after ${STEPS} steps at batch ${SMALL_BATCH} on the spiral the layer-norm network’s training loss is below the batchnorm network’s by at least ${fmt(BETTER)}.`,
  show: scene('layer'),
  contrast: { label: 'Now with batchnorm', scene: scene('batch') },
  control: {
    description: 'batchnorm in place of layer norm',
    show: scene('batch'),
  },
  figures: [
    {
      title: 'Training loss at batch 2, 4 layers of 32 ReLUs on the spiral',
      x: 'lossSteps',
      series: [
        { key: 'layerNormLoss', name: 'layer norm', color: ACT },
        { key: 'batchNormLoss', name: 'batchnorm', color: GRAD },
      ],
      xTitle: 'step',
      yTitle: 'loss',
    },
  ],
});
