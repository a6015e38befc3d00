/**
 * The page side of ../papers-glorot-saturation.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { ACT, GRAD, OTHER, THEORY, claimInfo } from './define';
import { DIGITS, digitsNetwork, sgd } from './paper-runs';
import { type RunSpec, trainingScene } from './scenes';

export const DEPTH = 4;

export const DESATURATED = 0.75;

export const EVERY = 50;

/** Loss below this by LONG_STEPS: the plateau is over (it sits at ln 10 = 2.30). */
export const LEARNING = 2;

export const LONG_STEPS = 1500;

/** Saturated fractions of the top layer: on the plateau, and after it. */
export const PLATEAU = 0.9;

/**
 * Rate 1 puts the plateau's end at step 500–1,000 on every seed we tried (12); at 0.5 it comes
 * anywhere from 1,600 to 3,300, too long to check.
 */
export const RATE = 1;

/**
 * The control's depth: the top layer sits on one random layer above the pixels, whose outputs
 * still carry the class, so nothing gains from silencing it.
 */
export const SHALLOW = 2;

/** Validation digits the statistics are read on (the trainer's network holds 256 rows). */
export const STAT_ROWS = 256;

/** Every seed: the saturation. The first seed goes on through the plateau: the whole figure. */
export const STEPS = 300;

/** Through this step the top layer must still be saturated: it desaturates only slowly. */
export const STILL_SATURATED = 400;

export function run(seed: number, depth = DEPTH): RunSpec {
  return {
    network: digitsNetwork(seed, {
      depth,
      width: 200,
      activation: 'sigmoid',
      init: 'torch-default',
    }),
    // Minibatches of 10, as in the paper.
    training: sgd(RATE, 10),
  };
}

export const SATURATES_INFO = claimInfo({
  id: 'glorot2010-sigmoid-top-saturates',
  chapter: 'papers',
  title: 'Glorot & Bengio 2010: the top sigmoid layer saturates at 0',
  citation:
    'X. Glorot, Y. Bengio. Understanding the difficulty of training deep feedforward neural networks. AISTATS 2010, Fig. 2.',
  explanation:
    'Glorot and Bengio trained deep sigmoid networks from the then-standard weights U(±1/√fan_in) and saw the top hidden layer pushed to 0 within the first updates while the lower layers stayed near 0.5: at first the top layer’s outputs say nothing about the class, so the quickest way to lower the loss is to silence them and let the output biases guess, and the saturated units then learn only slowly, a plateau in the loss until they desaturate. We train 4 × 200 sigmoid units by SGD (rate 1, minibatches of 10 as in the paper) on the digits instead of their Shapeset images (images with hundreds of inputs, like theirs, where a 2-D set would give the first layer only two), 200 units per layer instead of 1000, and plot each layer’s mean and std on 256 validation digits. The plateau ends after 500 to 1,000 steps rather than the paper’s 100 epochs; the check follows one seed through it to step 1,500 and the others to step 300, and a run of 3,000 steps in the page shows the lower layers spreading out as learning takes off.',
  expected: `On each of 3 seeds, a 4 × 200 sigmoid network with U(±1/√fan_in) weights trained by SGD (rate ${RATE}, batch 10) on the digits, read on ${STAT_ROWS} validation digits every ${EVERY} steps: the top layer’s mean activation starts between 0.4 and 0.6 and is below 0.05 at step ${STEPS}, when the loss is still at least 2.19 (within 5 % of ln 10); through step ${STEPS} the layers below it (1–3) keep their mean activation between 0.3 and 0.85 with under 10 % of their activations saturated. On the first seed, trained on to step ${LONG_STEPS}: at least ${PLATEAU * 100} % of the top layer’s activations stay saturated through step ${STILL_SATURATED}, then under ${DESATURATED * 100} % are by step ${LONG_STEPS}, with the loss below ${LEARNING}.`,
  show: trainingScene(run(1), DIGITS, { speed: 0 }),
  control: {
    description: `${SHALLOW} sigmoid layers instead of ${DEPTH}: the top layer sits on one random layer above the pixels, whose outputs still carry the class`,
    show: trainingScene(run(1, SHALLOW), DIGITS, { speed: 0 }),
  },
  figures: [
    {
      title: 'Mean of each layer’s outputs over training (their Fig. 2)',
      x: 'steps',
      series: [
        { key: 'layer1Mean', name: 'layer 1', color: THEORY },
        { key: 'layer2Mean', name: 'layer 2', color: OTHER },
        { key: 'layer3Mean', name: 'layer 3', color: GRAD },
        { key: 'layer4Mean', name: 'layer 4 (top)', color: ACT },
      ],
      xTitle: 'step',
      yTitle: 'mean h',
    },
  ],
});
