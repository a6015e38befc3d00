/**
 * Babysitting the learning process, on the digits with the lecture's two-layer network (one
 * hidden layer of 50 ReLUs, small weights): the initial loss, regularization, overfitting a tiny
 * subset, and the learning-rate range.
 */
import type { NetworkConfig, TrainingConfig } from '../config';
import type { Kernels } from '../kernels/kernels';
import { type Dataset, takeRows } from '../data/dataset';
import { createDataset, type DatasetSpec } from '../data/index';
import {
  defineClaim,
  digitsOf,
  fmt,
  newTrainer,
  passOnSplit,
  pct,
  quickValidation,
  rounded,
  type RunSpec,
  train,
  trainingScene,
} from './measure';
import type { Claim, ClaimCheckOptions } from './types';

function twoLayerNet(seed: number, change: Partial<NetworkConfig> = {}): NetworkConfig {
  return {
    inputDim: 784,
    depth: 1,
    width: 50,
    activation: 'relu',
    init: 'small',
    initScale: 1,
    batchnorm: false,
    classes: 10,
    seed,
    ...change,
  };
}

function sgd(learningRate: number, l2 = 0, batchSize = 64): TrainingConfig {
  return { optimizer: 'sgd', learningRate, l2, batchSize };
}

const DIGITS: DatasetSpec = { name: 'digits', seed: 1 };
const SPIRAL: DatasetSpec = { name: 'spiral', seed: 1 };
const LN10 = Math.log(10);

/** The normalized digits, validated on their first 500 rows (the page uses all 2,000). */
function quickDigits(options: ClaimCheckOptions): Dataset {
  return quickValidation(digitsOf(options).normalized);
}

const INITIAL_LOSS = defineClaim(
  {
    id: 'babysit-initial-loss',
    chapter: 'babysitting',
    title: 'Sanity check: the initial loss is ln C',
    explanation:
      'With small weights the scores are all near zero, so softmax gives each of the C classes probability 1/C and the cross-entropy is −ln(1/C) = ln C: 2.30 for the ten digits. A first loss far from it points to a bug or to weights that are too large. Two-layer network (50 hidden ReLUs, weights 0.01·N(0,1)), regularization off.',
    expected:
      'On each of 3 seeds, before any training: the validation loss is within 0.02 of ln 10 = 2.303 on the digits and within 0.02 of ln 3 = 1.099 on the 3-arm spiral.',
    show: trainingScene({ network: twoLayerNet(1), training: sgd(1e-2) }, DIGITS, {
      train: false,
      panel: 'babysitting',
    }),
    needs: ['digits'],
  },
  (kernels, seeds, options) => {
    const digits: number[] = [];
    const spiral: number[] = [];
    const heDigits: number[] = [];
    for (const seed of seeds) {
      const data = quickDigits(options);
      digits.push(
        newTrainer(kernels, { network: twoLayerNet(seed), training: sgd(0.01) }, data).evaluate()
          .loss,
      );
      const he = { network: twoLayerNet(seed, { init: 'he' }), training: sgd(0.01) };
      heDigits.push(newTrainer(kernels, he, data).evaluate().loss);
      const planar = createDataset({ ...SPIRAL, seed });
      const spiralNet = twoLayerNet(seed, { inputDim: 2, classes: 3 });
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
        digitsLossWithHeWeights: rounded(heDigits),
      },
      summary: `initial loss ${digits.map(fmt).join(', ')} on the digits (ln 10 = 2.30), ${spiral.map(fmt).join(', ')} on the spiral (ln 3 = 1.10); with He’s larger weights ${heDigits.map(fmt).join(', ')}`,
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
    expected: `On each of 3 seeds, before any training: the loss with L2 strength λ = ${L2} is higher than with λ = 0, by ½λ·ΣW² computed from the weights (within 0.1 % of the loss).`,
    show: trainingScene({ network: twoLayerNet(1), training: sgd(1e-2, L2) }, DIGITS, {
      train: false,
      panel: 'babysitting',
    }),
    needs: ['digits'],
  },
  (kernels, seeds, options) => {
    const without: number[] = [];
    const withL2: number[] = [];
    const term: number[] = [];
    for (const seed of seeds) {
      const data = quickDigits(options);
      without.push(
        newTrainer(kernels, { network: twoLayerNet(seed), training: sgd(0.01) }, data).evaluate()
          .loss,
      );
      const trainer = newTrainer(
        kernels,
        { network: twoLayerNet(seed), training: sgd(0.01, L2) },
        data,
      );
      withL2.push(trainer.evaluate().loss);
      let squares = 0;
      for (const p of trainer.net.parameters())
        if (p.isWeight) for (const w of p.value.data) squares += w * w;
      term.push(0.5 * L2 * squares);
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
      summary: `initial loss ${without.map(fmt).join(', ')} without L2, ${withL2.map(fmt).join(', ')} with λ = ${L2}: up by ½λ·ΣW² = ${term.map(fmt).join(', ')}`,
    };
  },
);

const TINY_EXAMPLES = 20;
const TINY_STEPS = 200;
const CIRCLES: DatasetSpec = { name: 'circles', size: 50, noise: 0.1, seed: 1 };
const CIRCLES_STEPS = 500;

function circlesRun(seed: number) {
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

/** Training loss and accuracy over the whole (small) training split after training. */
function fitOf(kernels: Kernels, spec: RunSpec, data: Dataset, steps: number) {
  const trainer = newTrainer(kernels, spec, data);
  train(trainer, steps);
  const diverged = trainer.divergence !== null;
  const validation = diverged ? NaN : trainer.evaluate().accuracy;
  passOnSplit(trainer.net, data.train);
  const net = trainer.net;
  return { loss: net.loss, accuracy: net.crossEntropy.correct / net.rows, validation, diverged };
}

const OVERFIT = defineClaim(
  {
    id: 'babysit-overfit-small',
    chapter: 'babysitting',
    title: 'Sanity check: overfit a tiny subset',
    explanation:
      'Before training for real, take a handful of examples and turn regularization off: a working network and training loop must drive the training loss to about zero (and the training accuracy to 100 %) while validation accuracy stays low. The check uses 20 digits, as in the lecture; the page cannot pick a subset, so its scene is the smallest 2-D set it offers (circles, 50 points of which 40 train), checked too.',
    expected: `On each of 3 seeds, regularization off: ${TINY_STEPS} SGD steps (rate 0.3, batch 20) of the two-layer network on ${TINY_EXAMPLES} digits, and ${CIRCLES_STEPS} Adam steps (rate 0.01) of 2 × 64 ReLUs on 40 circle points, each bring the training loss below 0.01 with 100 % training accuracy.`,
    show: trainingScene(circlesRun(1), CIRCLES, { panel: 'babysitting' }),
    needs: ['digits'],
  },
  (kernels, seeds, options) => {
    const digitsLoss: number[] = [];
    const digitsValidation: number[] = [];
    const circlesLoss: number[] = [];
    const circlesValidation: number[] = [];
    let fits = true;
    const quick = quickDigits(options);
    const order = Int32Array.from({ length: TINY_EXAMPLES }, (_, i) => i);
    const tiny: Dataset = {
      ...quick,
      train: takeRows(quick.train.x, quick.train.y, quick.inputDim, order, 0, TINY_EXAMPLES),
    };
    for (const seed of seeds) {
      const digits = fitOf(
        kernels,
        { network: twoLayerNet(seed), training: sgd(0.3, 0, TINY_EXAMPLES) },
        tiny,
        TINY_STEPS,
      );
      const circles = fitOf(
        kernels,
        circlesRun(seed),
        createDataset({ ...CIRCLES, seed }),
        CIRCLES_STEPS,
      );
      digitsLoss.push(digits.loss);
      digitsValidation.push(digits.validation);
      circlesLoss.push(circles.loss);
      circlesValidation.push(circles.validation);
      for (const fit of [digits, circles])
        fits &&= !fit.diverged && fit.loss < 0.01 && fit.accuracy === 1;
    }
    return {
      reproduced: fits,
      measured: {
        digitsTrainingLoss: rounded(digitsLoss),
        digitsValidationAccuracy: rounded(digitsValidation),
        circlesTrainingLoss: rounded(circlesLoss),
        circlesValidationAccuracy: rounded(circlesValidation),
      },
      summary: `training loss ${digitsLoss.map(fmt).join(', ')} on ${TINY_EXAMPLES} digits (validation accuracy ${digitsValidation.map(pct).join(', ')}), ${circlesLoss.map(fmt).join(', ')} on 40 circle points (< 0.01, 100 % training accuracy)`,
    };
  },
);

const SWEEP = [1e-6, 1e-4, 1e-2, 1e-1, 1, 10, 100];
/** A rate as the lecture writes it: 1e-6, 0.01, 100. */
const rateText = (value: number) => (value < 1e-3 ? value.toExponential() : String(value));
const SWEEP_STEPS = 100;
const TOO_LOW = 1e-6;
const DIFFUSE = 1e-2;
const TOO_HIGH = 100;

const LR_RANGE = defineClaim(
  {
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
    needs: ['digits'],
  },
  (kernels, seeds, options) => {
    const data = quickDigits(options);
    const lowMoves: number[] = [];
    const highDiverged: number[] = [];
    const jump: { accuracy: number; loss: number; step: number }[] = [];
    const finished: { rate: number; loss: number }[] = [];
    const diverged: { rate: number; step: number }[] = [];
    for (const seed of seeds) {
      // The whole sweep on the first seed (the page's plot); the judged rates on every seed.
      const rates = seed === seeds[0] ? SWEEP : [TOO_LOW, DIFFUSE, TOO_HIGH];
      for (const rate of rates) {
        const trainer = newTrainer(
          kernels,
          { network: twoLayerNet(seed), training: sgd(rate) },
          data,
        );
        const start = trainer.evaluate().loss;
        let best = { accuracy: 0, loss: NaN, step: 0 };
        train(trainer, SWEEP_STEPS, (step) => {
          if (rate !== DIFFUSE || step % 10 !== 0) return;
          const { loss, accuracy } = trainer.evaluate();
          if (loss >= 0.95 * LN10 && accuracy > best.accuracy) best = { accuracy, loss, step };
        });
        const end = trainer.divergence ? NaN : trainer.evaluate().loss;
        if (seed === seeds[0]) {
          if (trainer.divergence) diverged.push({ rate, step: trainer.divergence.step });
          else finished.push({ rate, loss: end });
        }
        if (rate === TOO_LOW) lowMoves.push(trainer.divergence ? Infinity : Math.abs(end - start));
        if (rate === TOO_HIGH) highDiverged.push(trainer.divergence ? trainer.divergence.step : 0);
        if (rate === DIFFUSE) jump.push(best);
      }
    }
    const reproduced =
      lowMoves.every((move) => move < 0.01) &&
      highDiverged.every((step) => step > 0) &&
      jump.every((j) => j.accuracy >= 0.3 && j.loss >= 0.95 * LN10);
    return {
      reproduced,
      measured: {
        lossChangeAtTooLowRate: rounded(lowMoves),
        divergedStepAtTooHighRate: highDiverged,
        jumpAccuracy: rounded(jump.map((j) => j.accuracy)),
        jumpLoss: rounded(jump.map((j) => j.loss)),
        jumpStep: jump.map((j) => j.step),
        sweepRates: finished.map((f) => f.rate),
        sweepFinalLoss: rounded(finished.map((f) => f.loss)),
        sweepDivergedRates: diverged.map((d) => d.rate),
        sweepDivergedAtStep: diverged.map((d) => d.step),
      },
      summary: `rate ${rateText(TOO_LOW)}: loss moved by at most ${fmt(Math.max(...lowMoves))} (< 0.01); rate ${TOO_HIGH}: diverged at step ${highDiverged.join(', ')}; rate ${DIFFUSE}: accuracy ${jump.map((j) => pct(j.accuracy)).join(', ')} while the loss was still ${jump.map((j) => fmt(j.loss)).join(', ')} (≥ 2.19)`,
    };
  },
);

export const BABYSITTING_CLAIMS: readonly Claim[] = [
  INITIAL_LOSS,
  REGULARIZATION,
  OVERFIT,
  LR_RANGE,
];
