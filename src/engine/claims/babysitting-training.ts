/**
 * Babysitting, part 2: a working network overfits a tiny subset, and the learning rate has a
 * range (too low: nothing moves; too high: it explodes; in between, accuracy jumps first).
 */
import type { NetworkConfig, TrainingConfig } from '../config';
import type { Kernels } from '../kernels/kernels';
import { type Dataset, takeRows } from '../data/dataset';
import { createDataset, type DatasetSpec } from '../data/index';
import {
  defineClaim,
  fmt,
  newTrainer,
  pct,
  rounded,
  type RunSpec,
  train,
  trainingScene,
} from './measure';
import { DIGITS, LN10, quickDigits, sgd, twoLayerNet } from './babysitting-measure';

const TINY_EXAMPLES = 20;
/** The control's training set: 100× the subset, which 200 steps cannot memorize. */
const MANY_EXAMPLES = 2000;
const TINY_STEPS = 200;
const CIRCLES: DatasetSpec = { name: 'circles', size: 50, noise: 0.1, seed: 1 };
const MANY_CIRCLES = 2000;
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

/**
 * Loss and accuracy over the whole training split after training (the trainer evaluates on it),
 * and accuracy on the validation split (from predictions).
 */
function fitOf(kernels: Kernels, spec: RunSpec, data: Dataset, steps: number) {
  const trainer = newTrainer(kernels, spec, { ...data, validation: data.train });
  train(trainer, steps);
  if (trainer.divergence) return { loss: Infinity, accuracy: 0, validation: 0, diverged: true };
  const { loss, accuracy } = trainer.evaluate();
  const { x, y, count } = data.validation;
  const predicted = new Uint8Array(count);
  trainer.predict(x, predicted);
  let correct = 0;
  for (let r = 0; r < count; r++) if (predicted[r] === y[r]) correct++;
  return { loss, accuracy, validation: correct / count, diverged: false };
}

export const OVERFIT = defineClaim(
  {
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
        { ...CIRCLES, size: MANY_CIRCLES },
        {
          panel: 'babysitting',
        },
      ),
    },
    needs: ['digits'],
  },
  (kernels, seeds, options, variant) => {
    const examples = variant === 'claim' ? TINY_EXAMPLES : MANY_EXAMPLES;
    const circlesSize = variant === 'claim' ? CIRCLES.size! : MANY_CIRCLES;
    const quick = quickDigits(options);
    const order = Int32Array.from({ length: examples }, (_, i) => i);
    const subset: Dataset = {
      ...quick,
      train: takeRows(quick.train.x, quick.train.y, quick.inputDim, order, 0, examples),
    };
    const fits = {
      digits: [] as ReturnType<typeof fitOf>[],
      circles: [] as ReturnType<typeof fitOf>[],
    };
    for (const seed of seeds) {
      const digitsRun = { network: twoLayerNet(seed), training: sgd(0.3, 0, TINY_EXAMPLES) };
      fits.digits.push(fitOf(kernels, digitsRun, subset, TINY_STEPS));
      const circles = createDataset({ ...CIRCLES, size: circlesSize, seed });
      fits.circles.push(fitOf(kernels, circlesRun(seed), circles, CIRCLES_STEPS));
    }
    const all = [...fits.digits, ...fits.circles];
    const list = (values: number[], format: (v: number) => string) => values.map(format).join(', ');
    const losses = (name: 'digits' | 'circles') => fits[name].map((f) => f.loss);
    const accuracies = (name: 'digits' | 'circles') => fits[name].map((f) => f.accuracy);
    return {
      reproduced: all.every((f) => !f.diverged && f.loss < 0.01 && f.accuracy === 1),
      measured: {
        digitsTrainingLoss: rounded(losses('digits')),
        digitsTrainingAccuracy: rounded(accuracies('digits')),
        digitsValidationAccuracy: rounded(fits.digits.map((f) => f.validation)),
        circlesTrainingLoss: rounded(losses('circles')),
        circlesTrainingAccuracy: rounded(accuracies('circles')),
        circlesValidationAccuracy: rounded(fits.circles.map((f) => f.validation)),
      },
      summary: `training loss ${list(losses('digits'), fmt)} on ${examples.toLocaleString('en-US')} digits (training accuracy ${list(accuracies('digits'), pct)}, validation ${list(
        fits.digits.map((f) => f.validation),
        pct,
      )}), ${list(losses('circles'), fmt)} on ${(0.8 * circlesSize).toLocaleString('en-US')} circle points (training accuracy ${list(accuracies('circles'), pct)}); needed: loss < 0.01 and 100 % training accuracy`,
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
/** The control's rate for all three readings: neither too low nor too high. */
const GOOD = 0.1;

interface RateRun {
  /** |validation loss after − before|; Infinity if it diverged. */
  moved: number;
  /** The step it diverged at, 0 if it did not. */
  diverged: number;
  /** The checkpoint with the best accuracy while the loss was still within 5 % of ln 10. */
  jump: { accuracy: number; loss: number; step: number };
  end: number;
}

function rateRun(kernels: Kernels, data: Dataset, seed: number, rate: number): RateRun {
  const trainer = newTrainer(kernels, { network: twoLayerNet(seed), training: sgd(rate) }, data);
  const start = trainer.evaluate().loss;
  let jump = { accuracy: 0, loss: NaN, step: 0 };
  train(trainer, SWEEP_STEPS, (step) => {
    if (step % 10 !== 0) return;
    const { loss, accuracy } = trainer.evaluate();
    if (loss >= 0.95 * LN10 && accuracy > jump.accuracy) jump = { accuracy, loss, step };
  });
  const diverged = trainer.divergence?.step ?? 0;
  const end = diverged ? NaN : trainer.evaluate().loss;
  return { moved: diverged ? Infinity : Math.abs(end - start), diverged, jump, end };
}

export const LR_RANGE = defineClaim(
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
    control: {
      description: `each of the three readings at rate ${GOOD}, neither too low nor too high`,
      show: trainingScene({ network: twoLayerNet(1), training: sgd(GOOD) }, DIGITS, {
        panel: 'babysitting',
      }),
    },
    needs: ['digits'],
  },
  (kernels, seeds, options, variant) => {
    const data = quickDigits(options);
    const [low, diffuse, high] =
      variant === 'claim' ? [TOO_LOW, DIFFUSE, TOO_HIGH] : [GOOD, GOOD, GOOD];
    const lowMoves: number[] = [];
    const highDiverged: number[] = [];
    const jump: RateRun['jump'][] = [];
    const sweep: { rate: number; run: RateRun }[] = [];
    for (const seed of seeds) {
      // The whole sweep on the first seed of the claim (the page's plot); the judged rates on
      // every seed, each rate run once.
      const rates = new Set(variant === 'claim' && seed === seeds[0] ? SWEEP : []);
      for (const rate of [low, diffuse, high]) rates.add(rate);
      const runs = new Map([...rates].map((rate) => [rate, rateRun(kernels, data, seed, rate)]));
      if (variant === 'claim' && seed === seeds[0])
        for (const rate of SWEEP) sweep.push({ rate, run: runs.get(rate)! });
      lowMoves.push(runs.get(low)!.moved);
      highDiverged.push(runs.get(high)!.diverged);
      jump.push(runs.get(diffuse)!.jump);
    }
    const finished = sweep.filter((s) => !s.run.diverged);
    const diverged = sweep.filter((s) => s.run.diverged);
    const reproduced =
      lowMoves.every((move) => move < 0.01) &&
      highDiverged.every((step) => step > 0) &&
      jump.every((j) => j.accuracy >= 0.3 && j.loss >= 0.95 * LN10);
    const divergedText = highDiverged.map((s) => (s ? `step ${s}` : 'no')).join(', ');
    return {
      reproduced,
      measured: {
        lossChangeAtTooLowRate: rounded(lowMoves),
        divergedStepAtTooHighRate: highDiverged,
        jumpAccuracy: rounded(jump.map((j) => j.accuracy)),
        jumpLoss: rounded(jump.map((j) => j.loss)),
        jumpStep: jump.map((j) => j.step),
        sweepRates: finished.map((s) => s.rate),
        sweepFinalLoss: rounded(finished.map((s) => s.run.end)),
        sweepDivergedRates: diverged.map((s) => s.rate),
        sweepDivergedAtStep: diverged.map((s) => s.run.diverged),
      },
      summary: `rate ${rateText(low)}: loss moved by up to ${fmt(Math.max(...lowMoves))} (needed: < 0.01); rate ${rateText(high)}: diverged: ${divergedText} (needed: every seed); rate ${rateText(diffuse)}: best accuracy ${jump.map((j) => pct(j.accuracy)).join(', ')} while the loss was still ≥ 2.19 (needed: ≥ 30 %; loss then ${jump.map((j) => fmt(j.loss)).join(', ')})`,
    };
  },
);
