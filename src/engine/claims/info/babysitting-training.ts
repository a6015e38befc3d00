/**
 * The page side of ../babysitting-training.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { claimInfo } from './define';
import type { NetworkConfig, TrainingConfig } from '../../config';
import type { DatasetSpec } from '../../data/index';
import { DIGITS, sgd, twoLayerNet } from './babysitting-runs';
import { trainingScene } from './scenes';
import { formatNumber } from '../../format';

export const CIRCLES: DatasetSpec = { name: 'circles', points: 50, noise: 0.1 };

export const CIRCLES_STEPS = 500;

export const DIFFUSE = 1e-2;

/** The control's rate for all three readings: neither too low nor too high. */
export const GOOD = 0.1;

export const MANY_CIRCLES = 2000;

/** The control's training set: 100× the subset, which 200 steps cannot memorize. */
export const MANY_EXAMPLES = 2000;

export const SWEEP_STEPS = 100;

export const TINY_EXAMPLES = 20;

export const TINY_STEPS = 200;

export const TOO_HIGH = 100;

export const TOO_LOW = 1e-6;

export function circlesRun(seed: number) {
  const network: NetworkConfig = {
    inputDim: 2,
    depth: 2,
    width: 64,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    batchnorm: false,
    classes: 2,
    seed,
  };
  const training: TrainingConfig = { optimizer: 'adam', learningRate: 0.01, l2: 0, batchSize: 40 };
  return { network, training };
}

/** A rate as the panels print it (src/engine/format.ts): 1e−6, 0.01, 100. */
export const rateText = (value: number) => formatNumber(value, 3);

export const OVERFIT_INFO = claimInfo({
  id: 'babysit-overfit-small',
  chapter: 'babysitting',
  title: 'Sanity check: overfit a tiny subset',
  explanation:
    'Before training for real, take a handful of examples and turn regularization off: a working network and training loop must drive the training loss to about zero (and the training accuracy to 100 %) while validation accuracy stays low. The check uses 20 digits, as in the lecture; the page cannot pick a subset, so its scene is the smallest 2-D set it offers (circles, 50 points of which 40 train), checked too.',
  expected: `On each of 3 seeds, regularization off, on a tiny training set: ${TINY_STEPS} SGD steps (rate 0.3, batch 20) of the two-layer network on ${TINY_EXAMPLES} digits, and ${CIRCLES_STEPS} Adam steps (rate 0.01, batch 40) of 2 × 64 ReLUs on 40 circle points, each bring the loss over the whole training set below 0.01 with 100 % training accuracy.`,
  show: trainingScene(circlesRun(1), CIRCLES, { panel: 'babysitting' }),
  control: {
    description: `the same training on ${MANY_EXAMPLES.toLocaleString('en-US')} digits and ${(0.8 * MANY_CIRCLES).toLocaleString('en-US')} circle points: too many to memorize in as many steps`,
    show: trainingScene(
      circlesRun(1),
      { ...CIRCLES, points: MANY_CIRCLES },
      {
        panel: 'babysitting',
      },
    ),
  },
});

export const LR_RANGE_INFO = claimInfo({
  id: 'babysit-lr-range',
  chapter: 'babysitting',
  title: 'Finding the learning rate: too low, too high, and the accuracy jump',
  explanation:
    'Start with a small amount of regularization and sweep the learning rate. Far too low and the loss barely moves; far too high and it explodes to NaN. In between there is a telling sign: the accuracy can jump well above chance while the loss is still close to ln C, because nudging every score slightly toward the right class changes the arg-max long before it sharpens the probabilities. Two-layer network on the digits, SGD, 100 steps per rate (the sweep from 1e-6 to 100 runs on the first seed).',
  expected: `On each of 3 seeds: at rate ${rateText(TOO_LOW)} the validation loss moves by less than 0.01 in ${SWEEP_STEPS} steps; at rate ${TOO_HIGH} training diverges (NaN/Inf, or the loss stays above 3× its start) within ${SWEEP_STEPS} steps; at rate ${DIFFUSE} a checkpoint (every 10 steps) shows validation accuracy of 30 % or more (3× chance) while the validation loss is still at least 2.19 (within 5 % of ln 10).`,
  show: trainingScene({ network: twoLayerNet(1), training: sgd(DIFFUSE) }, DIGITS, {
    panel: 'babysitting',
  }),
  contrast: {
    label: `Now at rate ${TOO_HIGH}`,
    scene: trainingScene({ network: twoLayerNet(1), training: sgd(TOO_HIGH) }, DIGITS, {
      panel: 'babysitting',
    }),
  },
  control: {
    description: `each of the three readings at rate ${GOOD}, neither too low nor too high`,
    show: trainingScene({ network: twoLayerNet(1), training: sgd(GOOD) }, DIGITS, {
      panel: 'babysitting',
    }),
  },
});
