/**
 * Babysitting the learning process, on the digits with the lecture's two-layer network: the
 * sanity checks of the initial loss and of regularization (demonstrations: any correct engine
 * passes them), then overfitting a tiny subset and the learning-rate range
 * (babysitting-training.ts).
 */
import { createDataset } from '../data/index';
import { defineClaim, fmt, newTrainer, rounded, trainingScene } from './measure';
import { DIGITS, LN10, quickDigits, sgd, SPIRAL, twoLayerNet } from './babysitting-measure';
import { LR_RANGE, OVERFIT } from './babysitting-training';
import type { Claim } from './types';

const INITIAL_LOSS = defineClaim(
  {
    id: 'babysit-initial-loss',
    chapter: 'babysitting',
    title: 'Sanity check: the initial loss is ln C',
    explanation:
      'With small weights the scores are all near zero, so softmax gives each of the C classes probability 1/C and the cross-entropy is −ln(1/C) = ln C: 2.30 for the ten digits. A first loss far from it points to a bug or to weights that are too large. Two-layer network (50 hidden ReLUs, weights 0.01·N(0,1)), regularization off.',
    expected:
      'With small (0.01·N(0,1)) weights, on each of 3 seeds, before any training: the validation loss is within 0.02 of ln 10 = 2.303 on the digits and within 0.02 of ln 3 = 1.099 on the 3-arm spiral.',
    show: trainingScene({ network: twoLayerNet(1), training: sgd(1e-2) }, DIGITS, {
      train: false,
      panel: 'babysitting',
    }),
    control: {
      description: 'large (N(0,1)) weights, whose scores are far from 0',
      show: trainingScene(
        { network: twoLayerNet(1, { init: 'large' }), training: sgd(1e-2) },
        DIGITS,
        { train: false, panel: 'babysitting' },
      ),
    },
    kind: 'demonstration',
    demonstration:
      'with 0.01-scale weights every score is within about 0.01 of 0, so softmax is near uniform and the loss is ln C in any correct engine: a sanity check of the implementation, shown for what it looks for; the control shows the same check failing.',
    needs: ['digits'],
  },
  (kernels, seeds, options, variant) => {
    const init = variant === 'claim' ? 'small' : 'large';
    const digits: number[] = [];
    const spiral: number[] = [];
    for (const seed of seeds) {
      const data = quickDigits(options);
      const network = twoLayerNet(seed, { init });
      digits.push(newTrainer(kernels, { network, training: sgd(0.01) }, data).evaluate().loss);
      const planar = createDataset({ ...SPIRAL, seed });
      const spiralNet = twoLayerNet(seed, { inputDim: 2, classes: 3, init });
      spiral.push(
        newTrainer(kernels, { network: spiralNet, training: sgd(0.01) }, planar).evaluate().loss,
      );
    }
    const reproduced =
      digits.every((loss) => Math.abs(loss - LN10) <= 0.02) &&
      spiral.every((loss) => Math.abs(loss - Math.log(3)) <= 0.02);
    return {
      reproduced,
      measured: {
        digitsLoss: rounded(digits),
        lnTen: LN10,
        spiralLoss: rounded(spiral),
        lnThree: Math.log(3),
      },
      summary: `${init} weights: initial loss ${digits.map(fmt).join(', ')} on the digits (needed: within 0.02 of ln 10 = 2.30), ${spiral.map(fmt).join(', ')} on the spiral (needed: within 0.02 of ln 3 = 1.10)`,
    };
  },
);

const L2 = 1;

const REGULARIZATION = defineClaim(
  {
    id: 'babysit-reg-raises-loss',
    chapter: 'babysitting',
    title: 'Sanity check: regularization raises the loss',
    explanation:
      'Turning L2 regularization up adds ½λ·ΣW² to the loss, so before any training the loss must go up by exactly that term. If it does not, the regularization is not wired in. Same two-layer network on the digits, λ = 1.',
    expected: `With L2 strength λ = ${L2}, on each of 3 seeds, before any training: the loss is higher than with λ = 0, by ½λ·ΣW² computed from the weights (within 0.1 % of the loss).`,
    show: trainingScene({ network: twoLayerNet(1), training: sgd(1e-2, L2) }, DIGITS, {
      train: false,
      panel: 'babysitting',
    }),
    control: {
      description: 'λ = 0: regularization off',
      show: trainingScene({ network: twoLayerNet(1), training: sgd(1e-2, 0) }, DIGITS, {
        train: false,
        panel: 'babysitting',
      }),
    },
    kind: 'demonstration',
    demonstration:
      'the loss is defined as the cross-entropy plus ½λ·ΣW², so any correct engine passes: a sanity check of the implementation (it catches regularization that is not wired in); the control shows the same check failing.',
    needs: ['digits'],
  },
  (kernels, seeds, options, variant) => {
    const l2 = variant === 'claim' ? L2 : 0;
    const without: number[] = [];
    const withL2: number[] = [];
    const term: number[] = [];
    for (const seed of seeds) {
      const data = quickDigits(options);
      const network = twoLayerNet(seed);
      without.push(newTrainer(kernels, { network, training: sgd(0.01) }, data).evaluate().loss);
      const trainer = newTrainer(kernels, { network, training: sgd(0.01, l2) }, data);
      withL2.push(trainer.evaluate().loss);
      let squares = 0;
      for (const p of trainer.net.parameters())
        if (p.isWeight) for (const w of p.value.data) squares += w * w;
      term.push(0.5 * l2 * squares);
    }
    const reproduced = withL2.every(
      (loss, i) => loss > without[i] && Math.abs(loss - (without[i] + term[i])) <= 1e-3 * loss,
    );
    return {
      reproduced,
      measured: {
        lossWithout: rounded(without),
        lossWithL2: rounded(withL2),
        penaltyFromWeights: rounded(term),
      },
      summary: `initial loss ${without.map(fmt).join(', ')} at λ = 0, ${withL2.map(fmt).join(', ')} at λ = ${l2} (needed: higher, by ½λ·ΣW² = ${term.map(fmt).join(', ')})`,
    };
  },
);

export const BABYSITTING_CLAIMS: readonly Claim[] = [
  INITIAL_LOSS,
  REGULARIZATION,
  OVERFIT,
  LR_RANGE,
];
