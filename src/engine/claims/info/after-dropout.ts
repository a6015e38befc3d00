/**
 * The page side of ../after-dropout.ts: dropout narrows the gap between training and
 * validation accuracy on 200 training digits; texts, scenes and chart.
 */
import type { NetworkConfig } from '../../config';
import { ACT, GRAD, claimInfo } from './define';
import { DIGITS } from './paper-runs';
import { type RunSpec, trainingScene } from './scenes';

/** The first this many training digits: few enough that a network memorizes them. */
export const EXAMPLES = 200;
export const DEPTH = 3;
export const WIDTH = 128;
export const RATE = 0.05;
export const BATCH = 32;
export const STEPS = 500;
/** Steps between the figure's accuracy readings. */
export const EVERY = 50;
export const RATE_DROPPED = 0.5;

/** The dropout side's network seed is the seed + this, so the control's two sides differ. */
export const OTHER_SEED = 100;

/** The mean narrowing of the gap over the seeds must reach this (accuracy points)… */
export const NARROWER = 0.02;
/** …and the gap must be narrower on at least this many of the seeds. */
export const MOST = 4;

export function run(seed: number, dropout: number): RunSpec {
  const network: NetworkConfig = {
    inputDim: 784,
    depth: DEPTH,
    width: WIDTH,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    batchnorm: false,
    layernorm: false,
    residual: false,
    dropout,
    classes: 10,
    seed,
  };
  return { network, training: { optimizer: 'sgd', learningRate: RATE, l2: 0, batchSize: BATCH } };
}

const scene = (dropout: number) => trainingScene(run(1, dropout), DIGITS, { speed: 0 });

export const DROPOUT_INFO = claimInfo({
  id: 'dropout-reduces-overfitting',
  chapter: 'after-lecture',
  title: 'Dropout narrows the gap between training and validation accuracy',
  citation:
    'N. Srivastava, G. Hinton, A. Krizhevsky, I. Sutskever, R. Salakhutdinov. Dropout: A Simple Way to Prevent Neural Networks from Overfitting. JMLR 2014.',
  explanation:
    'A network with far more weights than examples learns its 200 training digits by heart: training accuracy reaches 100 % while validation accuracy stops near 75 %, and that gap is overfitting. Dropout zeroes each hidden unit with probability p in every training step (and scales the rest by 1/(1 − p)), so no unit can rely on particular others, which acts like training many thinned networks at once and averaging them at test time. Here 3 layers of 128 ReLUs are trained by SGD (rate 0.05, batch 32, 500 steps) on the first 200 training digits, without dropout and with p = 0.5, and judged on 500 validation digits; the dropout run starts from another seed, so the control (p = 0 on both sides) shows how much the gap moves between seeds alone.',
  expected: `Over 5 seeds, after ${STEPS} steps on the first ${EXAMPLES} training digits: the gap between training and validation accuracy with dropout p = ${RATE_DROPPED} is narrower than without by at least ${NARROWER * 100} percentage points on average, and narrower on at least ${MOST} of the 5 seeds.`,
  show: scene(RATE_DROPPED),
  contrast: { label: 'Now without dropout', scene: scene(0) },
  control: {
    description: 'p = 0 on both sides, the second network from another seed',
    show: scene(0),
  },
  figures: [
    {
      title: 'Accuracy on the 200 training digits and on validation, by step',
      x: 'accuracySteps',
      series: [
        { key: 'plainTrainAccuracy', name: 'training, p = 0', color: GRAD, dashed: true },
        { key: 'plainValidationAccuracy', name: 'validation, p = 0', color: GRAD },
        { key: 'dropoutTrainAccuracy', name: 'training, p = 0.5', color: ACT, dashed: true },
        { key: 'dropoutValidationAccuracy', name: 'validation, p = 0.5', color: ACT },
      ],
      xTitle: 'step',
      yTitle: 'accuracy',
      yDomain: [0, 1],
    },
  ],
});
