/**
 * The page side of ../after-degradation.ts: He et al.'s degradation in MLP form (a deeper
 * plain network trains worse; residual connections undo it), its texts, scenes and chart.
 */
import type { NetworkConfig } from '../../config';
import type { DatasetSpec } from '../../data/spec';
import { ACT, GRAD, OTHER, claimInfo } from './define';
import { type RunSpec, trainingScene } from './scenes';
import { fmt } from './texts';

export const SPIRAL: DatasetSpec = { name: 'spiral' };
export const SHALLOW = 6;
export const DEEP = 30;
export const WIDTH = 32;
export const RATE = 0.01;
export const BATCH = 32;
export const STEPS = 600;

/**
 * Degradation: the deep network's training loss at least this many times the shallow one's. A
 * ratio, not a difference: the deep plain run is chaotic (0.18–1.3 across seeds and backends).
 */
export const DEGRADED = 5;

/** The residual deep network may be above the plain shallow one by at most this. */
export const MARGIN = 0.05;

export function run(seed: number, depth: number, residual: boolean): RunSpec {
  const network: NetworkConfig = {
    inputDim: 2,
    depth,
    width: WIDTH,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    batchnorm: false,
    layernorm: false,
    residual,
    // α = 1 would double the variance at every ReLU block (He's weights): 30 of them diverge.
    branchScale: 'inv-sqrt-depth',
    dropout: 0,
    classes: 3,
    seed,
  };
  return {
    network,
    training: { optimizer: 'momentum', learningRate: RATE, l2: 0, batchSize: BATCH },
  };
}

const scene = (depth: number, residual: boolean) =>
  trainingScene(run(1, depth, residual), SPIRAL, { speed: 0 });

export const DEGRADATION_INFO = claimInfo({
  id: 'he2016-degradation',
  chapter: 'after-lecture',
  title: 'He et al. 2016: a deeper plain network trains worse; residual connections fix it',
  citation:
    'K. He, X. Zhang, S. Ren, J. Sun. Deep Residual Learning for Image Recognition. CVPR 2016, Fig. 1.',
  explanation:
    'He et al. found that a 56-layer plain network reached a higher training error than a 20-layer one: not overfitting, since it is the training loss, but an optimization that gets harder with depth, although the deeper network could copy the shallower one and set its extra layers to the identity. Residual blocks x + α·f(x) make that identity the default, and their 34- and 152-layer networks trained better than the shallower ones. Ours are stacks of 32 ReLUs on the spiral (He’s weights, SGD with momentum, rate 0.01, batch 32, 600 steps), 6 layers against 30, plain and with residual connections whose branches are scaled by α = 1/√L; the training loss is measured on the whole training split after the last step.',
  expected: `On each of 3 seeds, after ${STEPS} steps on the spiral: the plain ${DEEP}-layer network’s training loss is at least ${DEGRADED} times the plain ${SHALLOW}-layer one’s, and with residual connections the ${DEEP}-layer network’s is at most the plain ${SHALLOW}-layer one’s + ${fmt(MARGIN)}.`,
  show: scene(DEEP, false),
  contrast: { label: 'Now with residual connections', scene: scene(DEEP, true) },
  control: {
    description: `residual connections in both: ${DEEP} residual layers against ${SHALLOW}`,
    show: scene(DEEP, true),
  },
  figures: [
    {
      title: 'Training loss, 6 and 30 layers of 32 ReLUs on the spiral (their Fig. 1, in MLP form)',
      x: 'lossSteps',
      series: [
        { key: 'shallowLoss', name: '6 plain', color: OTHER },
        { key: 'deepLoss', name: '30 plain', color: GRAD },
        { key: 'residualLoss', name: '30 residual', color: ACT },
      ],
      xTitle: 'step',
      yTitle: 'loss (log)',
      logY: true,
    },
  ],
});
