/**
 * Babysitting the learning process, on the digits with the lecture's two-layer network: the
 * sanity checks of the initial loss and of regularization (demonstrations: any correct engine
 * passes them), then overfitting a tiny subset and the learning-rate range
 * (babysitting-training.ts).
 */
import { buildDataset } from '../data/index';
import { defineClaim, fmt, newTrainer, rounded } from './measure';
import { LN10, quickDigits, sgd, SPIRAL, twoLayerNet } from './babysitting-measure';
import { LR_RANGE, OVERFIT } from './babysitting-training';
import type { Claim } from './types';
import { INITIAL_LOSS_INFO, L2, REGULARIZATION_INFO } from './info/babysitting';

const INITIAL_LOSS = defineClaim(
  INITIAL_LOSS_INFO,
  (kernels, seeds, options, variant) => {
    const init = variant === 'claim' ? 'small' : 'large';
    const digits: number[] = [];
    const spiral: number[] = [];
    for (const seed of seeds) {
      const data = quickDigits(options);
      const network = twoLayerNet(seed, { init });
      digits.push(newTrainer(kernels, { network, training: sgd(0.01) }, data).evaluate().loss);
      const planar = buildDataset(SPIRAL, seed);
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
  { needs: ['digits'] },
);

const REGULARIZATION = defineClaim(
  REGULARIZATION_INFO,
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
  { needs: ['digits'] },
);

export const BABYSITTING_CLAIMS: readonly Claim[] = [
  INITIAL_LOSS,
  REGULARIZATION,
  OVERFIT,
  LR_RANGE,
];
