/**
 * Babysitting, part 2: a working network overfits a tiny subset, and the learning rate has a
 * range (too low: nothing moves; too high: it explodes; in between, accuracy jumps first).
 */
import type { Kernels } from '../kernels/kernels';
import { type Dataset, takeRows } from '../data/dataset';
import { buildDataset } from '../data/index';
import { defineClaim, fmt, newTrainer, pct, rounded, type RunSpec, train } from './measure';
import { LN10, quickDigits, sgd, twoLayerNet } from './babysitting-measure';
import {
  CIRCLES,
  CIRCLES_STEPS,
  circlesRun,
  DIFFUSE,
  GOOD,
  LR_RANGE_INFO,
  MANY_CIRCLES,
  MANY_EXAMPLES,
  OVERFIT_INFO,
  rateText,
  SWEEP_STEPS,
  TINY_EXAMPLES,
  TINY_STEPS,
  TOO_HIGH,
  TOO_LOW,
} from './info/babysitting-training';

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
  OVERFIT_INFO,
  (kernels, seeds, options, variant) => {
    const examples = variant === 'claim' ? TINY_EXAMPLES : MANY_EXAMPLES;
    const circlesSize = variant === 'claim' ? CIRCLES.points! : MANY_CIRCLES;
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
      const circles = buildDataset({ ...CIRCLES, points: circlesSize }, seed);
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
  { needs: ['digits'] },
);

const SWEEP = [1e-6, 1e-4, 1e-2, 1e-1, 1, 10, 100];

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
  LR_RANGE_INFO,
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
  { needs: ['digits'] },
);
