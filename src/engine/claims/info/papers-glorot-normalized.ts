/**
 * The page side of ../papers-glorot-normalized.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { ACT, GRAD, claimInfo } from './define';
import type { InitName } from '../../config';
import { DIGITS, digitsNetwork, sgd } from './paper-runs';
import { trainingScene } from './scenes';

export const DEPTH = 5;

export const network = (seed: number, init: InitName) =>
  digitsNetwork(seed, { depth: DEPTH, width: 200, activation: 'tanh', init });
export const scene = (init: InitName) =>
  trainingScene({ network: network(1, init), training: sgd(0.1, 10) }, DIGITS, { train: false });

/** Largest shrink (either way) over the five layers that still counts as "alike". */
export const ALIKE = 2.5;

export const ROWS = 256;

export const NORMALIZED_INFO = claimInfo({
  id: 'glorot2010-normalized-init',
  chapter: 'papers',
  title: 'Glorot & Bengio 2010: normalized initialization keeps the layers alike',
  citation:
    'X. Glorot, Y. Bengio. Understanding the difficulty of training deep feedforward neural networks. AISTATS 2010, Figs. 6–7.',
  explanation:
    'With the standard weights U(±1/√fan_in) each layer keeps only a third of its input’s variance (fan_in · 1/(3·fan_in)), so Glorot and Bengio saw the tanh activation histograms narrow toward 0 from layer 1 to layer 5 and, going backward, the back-propagated gradients shrink from the top layer down. Their normalized initialization, variance 2/(fan_in + fan_out), keeps the variance of both passes about constant, and the histograms of all five layers looked alike. We draw the same histograms at initialization for 5 × 200 tanh units on 256 validation digits (the paper: 1000 units on its Shapeset images), with the normalized variance drawn from a Gaussian (our `glorot`) where the paper draws it uniform, and the gradient taken with respect to each layer’s output, as our panels show it.',
  expected: `On each of 3 seeds, at initialization on ${ROWS} validation digits with their labels (5 × 200 tanh), with the normalized initialization: the activation std and the std of ∂L/∂h each change less than ${ALIKE}× over the five layers (either way).`,
  show: scene('glorot'),
  control: {
    description: 'the standard initialization U(±1/√fan_in)',
    show: scene('torch-default'),
  },
  figures: [
    {
      title: 'Std of outputs by layer (their Fig. 6)',
      x: 'layer',
      series: [
        { key: 'standardActStd', name: 'standard', color: GRAD },
        { key: 'normalizedActStd', name: 'normalized (Glorot)', color: ACT },
      ],
      xTitle: 'layer',
      yTitle: 'std of h (log)',
      logY: true,
    },
    {
      title: 'Std of back-propagated gradients by layer (their Fig. 7)',
      x: 'layer',
      series: [
        { key: 'standardGradStd', name: 'standard', color: GRAD },
        { key: 'normalizedGradStd', name: 'normalized (Glorot)', color: ACT },
      ],
      xTitle: 'layer',
      yTitle: 'std of ∂L/∂h (log)',
      logY: true,
    },
  ],
});
