/**
 * The page side of ../papers-he.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { ACT, GRAD, claimInfo } from './define';
import type { InitName } from '../../config';
import { DIGITS, digitsNetwork, sgd } from './paper-runs';
import { type RunSpec, trainingScene } from './scenes';
import { pct } from './texts';

export const DEPTH = 30;

export const JUDGED_WINDOW = 50;

export const RATE = 0.02;

export const STALLED_ACCURACY = 0.15;

/** A stalled run stays this close to ln 10 and at most this accurate (chance: 10 %). */
export const STALLED_LOSS = 0.01;

export const STEPS = 400;

export const run = (seed: number, init: InitName): RunSpec => ({
  network: digitsNetwork(seed, { depth: DEPTH, width: 32, activation: 'relu', init }),
  training: sgd(RATE, 32),
});

export const STALLS_INFO = claimInfo({
  id: 'he2015-deep-relu-xavier-stalls',
  chapter: 'papers',
  title: 'He et al. 2015: 30 ReLU layers stall with Xavier, train with He',
  citation:
    'K. He, X. Zhang, S. Ren, J. Sun. Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification. ICCV 2015, Fig. 3.',
  explanation:
    'Xavier’s variance 1/fan_in halves the signal’s variance at every ReLU layer, so after 30 layers the activations and the back-propagated gradients are about 2⁻¹⁵ of their size at the input: He et al. found that their 30-layer network from these weights did not learn at all, while their √(2/fan_in), which makes up for the half that ReLU zeroes, trained it. Their network is convolutional, on ImageNet, trained with momentum; ours has the same depth and activation as a plain stack of 30 × 32 ReLUs on the digits, trained by plain SGD (rate 0.02, batch 32). The check runs 400 steps; in a run of 3,000 steps the He network reaches about 70 % validation accuracy while the Xavier one still predicts a single class at loss ln 10.',
  expected: `With Xavier weights, on each of 3 seeds, after ${STEPS} SGD steps (rate ${RATE}, batch 32) of 30 × 32 ReLUs on the digits: the network stalls, its training loss (mean of the last ${JUDGED_WINDOW} steps) within ${STALLED_LOSS} of ln 10 = 2.303 and its validation accuracy at most ${pct(STALLED_ACCURACY)}.`,
  show: trainingScene(run(1, 'xavier'), DIGITS, { speed: 0 }),
  control: {
    description: 'He’s weights √(2/fan_in) instead of Xavier’s',
    show: trainingScene(run(1, 'he'), DIGITS, { speed: 0 }),
  },
  figures: [
    {
      title: 'Training loss of a 30-layer ReLU network (their Fig. 3, in MLP form)',
      x: 'lossSteps',
      series: [
        { key: 'xavierLoss', name: 'Xavier / Glorot', color: GRAD },
        { key: 'heLoss', name: 'He', color: ACT },
      ],
      xTitle: 'step',
      yTitle: 'loss',
    },
  ],
});
