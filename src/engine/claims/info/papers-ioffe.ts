/**
 * The page side of ../papers-ioffe.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { ACT, GRAD, claimInfo } from './define';
import { DIGITS, digitsNetwork, sgd } from './paper-runs';
import { type RunSpec, trainingScene } from './scenes';
import { pct } from './texts';

/** The control's second plain network: other weights and batches than the reference's. */
export const CONTROL_SEED_OFFSET = 1000;

/**
 * Drift thresholds in the sigmoid's own input units, where a shift of 1 moves its output by up
 * to σ(1) − σ(0) = 0.23 and 0.5 by at most 0.12: a spread-free yardstick, since a ratio of
 * spreads blows up whenever the starting spread is small.
 */
export const DRIFTS = 1;

export const EVERY = 25;

/** Validation digits the sigmoid inputs are read on (batchnorm normalizes over these). */
export const INPUT_ROWS = 200;

/** Both networks must learn, so a steady input is not that of a network standing still. */
export const LEARNS = 0.7;

export const RATE = 0.5;

/** Steady: less than this fraction of the plain network's drift on the same seed. */
export const STEADIER = 0.5;

export const STEPS = 300;

export function run(seed: number, batchnorm: boolean): RunSpec {
  return {
    network: digitsNetwork(seed, {
      depth: 3,
      width: 100,
      activation: 'sigmoid',
      init: 'xavier',
      batchnorm,
    }),
    training: sgd(RATE, 60),
  };
}

export const STABLE_INPUTS_INFO = claimInfo({
  id: 'ioffe2015-bn-stable-inputs',
  chapter: 'papers',
  title: 'Ioffe & Szegedy 2015: batchnorm keeps a sigmoid’s input steady',
  citation:
    'S. Ioffe, C. Szegedy. Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift. ICML 2015, Fig. 1.',
  explanation:
    'Ioffe and Szegedy trained three fully-connected sigmoid layers of 100 units on MNIST with minibatches of 60: without batch normalization the input of a typical last-layer sigmoid drifted in centre and width as the network learned (the 15th, 50th and 85th percentiles of their Fig. 1b), with it those percentiles stayed put (Fig. 1c). Ours is the same network and batch size from Xavier weights with SGD at rate 0.5 (the paper gives neither), on the 8,000 digits the page ships, for 300 steps, in which both networks learn: the plain one from chance to about 80 % validation accuracy, the batchnorm one to about 88 %. The typical sigmoid is the unit whose drift is the median of its layer’s, its input read on 200 validation digits.',
  expected: `On each of 3 seeds, ${STEPS} SGD steps (rate ${RATE}, batch 60) of 784 → 3 × 100 sigmoid → 10 from Xavier weights, read every ${EVERY} steps: for each unit of the last hidden layer, its drift is the widest range (largest − smallest over the checkpoints) that any of the 15th, 50th and 85th percentiles of its input covers on ${INPUT_ROWS} validation digits. Reproduced when both networks reach ${pct(LEARNS)} validation accuracy without diverging, the median drift over the 100 units is more than ${DRIFTS} without batchnorm, and in the network with batchnorm less than ${STEADIER} × the plain network’s on the same seed.`,
  show: trainingScene(run(1, true), DIGITS, { speed: 0 }),
  contrast: {
    label: 'Now without batch normalization',
    scene: trainingScene(run(1, false), DIGITS, { speed: 0 }),
  },
  control: {
    description: `the same criterion with batchnorm removed from the network it judges steady: a second plain network (seed + ${CONTROL_SEED_OFFSET}: other weights and batches) against the first`,
    show: trainingScene(run(1, false), DIGITS, { speed: 0 }),
  },
  figures: [
    {
      title: 'Validation accuracy over training (their Fig. 1a)',
      x: 'steps',
      series: [
        { key: 'plainAccuracy', name: 'without batchnorm', color: GRAD },
        { key: 'batchnormAccuracy', name: 'with batchnorm', color: ACT },
      ],
      xTitle: 'step',
      yTitle: 'accuracy',
      yDomain: [0, 1],
    },
    {
      title: '15th, 50th, 85th percentiles of a last-layer sigmoid’s input (their Fig. 1b, c)',
      x: 'steps',
      series: [
        { key: 'plainP15', name: 'without, 15 %', color: GRAD, dashed: true },
        { key: 'plainP50', name: 'without, 50 %', color: GRAD },
        { key: 'plainP85', name: 'without, 85 %', color: GRAD, dashed: true },
        { key: 'batchnormP15', name: 'with, 15 %', color: ACT, dashed: true },
        { key: 'batchnormP50', name: 'with, 50 %', color: ACT },
        { key: 'batchnormP85', name: 'with, 85 %', color: ACT, dashed: true },
      ],
      xTitle: 'step',
      yTitle: 'input to the sigmoid',
    },
  ],
});
