/**
 * Dropout against overfitting: on 200 training digits it narrows the gap between training and
 * validation accuracy.
 */
import { type Dataset, takeRows } from '../data/dataset';
import type { Kernels } from '../kernels/kernels';
import type { Trainer } from '../trainer';
import { defineClaim, digitsOf, newTrainer, pct, points, quickValidation, train } from './measure';
import type { Claim } from './types';
import {
  DROPOUT_INFO,
  EVERY,
  EXAMPLES,
  MOST,
  NARROWER,
  OTHER_SEED,
  RATE_DROPPED,
  run,
  STEPS,
} from './info/after-dropout';

/** The digits with their first EXAMPLES training rows only (the validation rows as checked). */
function fewDigits(digits: Dataset): Dataset {
  const order = Int32Array.from({ length: EXAMPLES }, (_, i) => i);
  const { x, y } = digits.train;
  return { ...digits, train: takeRows(x, y, digits.inputDim, order, 0, EXAMPLES) };
}

/** Accuracy on the training rows (evaluation mode: no dropout). */
function trainingAccuracy(trainer: Trainer, data: Dataset): number {
  const predicted = new Uint8Array(data.train.count);
  trainer.predict(data.train.x, predicted);
  let correct = 0;
  predicted.forEach((c, r) => (correct += c === data.train.y[r] ? 1 : 0));
  return correct / data.train.count;
}

/** Trains one network; the accuracies every EVERY steps and the final gap. */
function trainRun(kernels: Kernels, data: Dataset, seed: number, dropout: number) {
  const trainer = newTrainer(kernels, run(seed, dropout), data);
  const trainAccuracy: number[] = [];
  const validationAccuracy: number[] = [];
  train(trainer, STEPS, (step) => {
    if (step % EVERY !== 0) return;
    trainAccuracy.push(trainingAccuracy(trainer, data));
    validationAccuracy.push(trainer.evaluate().accuracy);
  });
  const diverged = trainer.divergence !== null;
  const gap = diverged
    ? NaN
    : trainAccuracy[trainAccuracy.length - 1] - validationAccuracy[validationAccuracy.length - 1];
  return { trainAccuracy, validationAccuracy, gap };
}

type Curves =
  | 'accuracySteps'
  | 'plainTrainAccuracy'
  | 'plainValidationAccuracy'
  | 'dropoutTrainAccuracy'
  | 'dropoutValidationAccuracy';

const DROPOUT = defineClaim(
  DROPOUT_INFO,
  (kernels, seeds, options, variant) => {
    const data = fewDigits(quickValidation(digitsOf(options).normalized));
    // The control drops nothing on the second side: what is left is the seeds' own spread.
    const rate = variant === 'claim' ? RATE_DROPPED : 0;
    const plainGap: number[] = [];
    const dropoutGap: number[] = [];
    let plot: Record<Curves, number[]> | null = null;
    for (const seed of seeds) {
      const a = trainRun(kernels, data, seed, 0);
      const b = trainRun(kernels, data, seed + OTHER_SEED, rate);
      plainGap.push(a.gap);
      dropoutGap.push(b.gap);
      if (seed !== seeds[0] || variant !== 'claim') continue;
      plot = {
        accuracySteps: a.trainAccuracy.map((_, i) => (i + 1) * EVERY),
        plainTrainAccuracy: a.trainAccuracy,
        plainValidationAccuracy: a.validationAccuracy,
        dropoutTrainAccuracy: b.trainAccuracy,
        dropoutValidationAccuracy: b.validationAccuracy,
      };
    }
    const narrowing = plainGap.map((g, i) => g - dropoutGap[i]);
    const average = narrowing.reduce((s, n) => s + n, 0) / narrowing.length;
    const narrower = narrowing.filter((n) => n > 0).length;
    const needed = Math.ceil((MOST * seeds.length) / 5);
    const reproduced = average >= NARROWER && narrower >= needed;
    return {
      reproduced,
      plot,
      measured: { plainGap, dropoutGap, narrowing },
      summary: `gap between training and validation accuracy after ${STEPS} steps: without dropout ${plainGap.map(pct).join(', ')}, with p = ${rate} ${dropoutGap.map(pct).join(', ')}; narrower by ${narrowing.map(points).join(', ')} points, ${points(average)} on average (needed: ≥ ${points(NARROWER)}), on ${narrower} of ${seeds.length} seeds (needed: ≥ ${needed})`,
    };
  },
  { needs: ['digits'], seeds: [1, 2, 3, 4, 5] },
);

export const DROPOUT_CLAIMS: readonly Claim[] = [DROPOUT];
