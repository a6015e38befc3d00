/**
 * The lecture's babysitting checklist, run on the user's own network and data set: the initial
 * loss against ln C, regularization raising the loss, overfitting a tiny subset, and a
 * learning-rate range test. A generator, so the worker can yield (and be cancelled) between steps.
 */
import type { NetworkConfig, TrainingConfig } from './config';
import { type Dataset, takeRows } from './data/dataset';
import type { Kernels } from './kernels/kernels';
import { formatNumber, formatPercent } from './format';
import { Trainer } from './trainer';

export type BabysitStepId = 'initial-loss' | 'regularization' | 'overfit' | 'lr-range';

export interface BabysitStep {
  id: BabysitStepId;
  title: string;
  passed: boolean;
  /** The numbers in words. */
  summary: string;
  /** The range test's runs: final loss per rate (NaN where the run diverged). */
  rates?: number[];
  losses?: number[];
}

export const BABYSIT_STEPS = 4;
/** λ of the regularization check: large enough to show, as the lecture cranks it up. */
const L2_CHECK = 1;
const TINY_EXAMPLES = 20;
const TINY_STEPS = 300;
const RANGE_RATES = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10];
const RANGE_STEPS = 100;

function initialLoss(
  kernels: Kernels,
  network: NetworkConfig,
  training: TrainingConfig,
  data: Dataset,
  l2: number,
): number {
  const trainer = new Trainer(network, { ...training, l2 }, data, kernels);
  return trainer.monitor().loss;
}

export function* babysit(
  kernels: Kernels,
  network: NetworkConfig,
  training: TrainingConfig,
  data: Dataset,
): Generator<BabysitStep> {
  const lnC = Math.log(data.classes);
  const start = initialLoss(kernels, network, training, data, 0);
  const ratio = start / lnC;
  yield {
    id: 'initial-loss',
    title: 'Initial loss is about ln C',
    passed: Math.abs(ratio - 1) < 0.25,
    summary: `loss ${formatNumber(start, 3)} at step 0 against ln ${data.classes} = ${formatNumber(lnC, 3)} (${formatPercent(ratio - 1)}); far above means the output layer starts confident (large weights).`,
  };

  const regularized = initialLoss(kernels, network, training, data, L2_CHECK);
  yield {
    id: 'regularization',
    title: 'Regularization raises the loss',
    passed: regularized > start,
    summary: `with L2 ${L2_CHECK} the initial loss is ${formatNumber(regularized, 3)}, against ${formatNumber(start, 3)} without: +${formatNumber(regularized - start, 3)} from ½λΣW².`,
  };

  const order = Array.from({ length: data.train.count }, (_, i) => i);
  const tiny: Dataset = {
    ...data,
    train: takeRows(
      data.train.x,
      data.train.y,
      data.inputDim,
      order,
      0,
      Math.min(TINY_EXAMPLES, data.train.count),
    ),
  };
  const overfit = new Trainer(
    network,
    { ...training, l2: 0, batchSize: Math.min(training.batchSize, tiny.train.count) },
    tiny,
    kernels,
    tiny.train.count,
  );
  const before = overfit.monitor().loss;
  for (let step = 0; step < TINY_STEPS && !overfit.divergence; step++) overfit.step();
  const after = overfit.divergence ? NaN : overfit.monitor().loss;
  yield {
    id: 'overfit',
    title: `Overfit ${tiny.train.count} examples without regularization`,
    passed: Number.isFinite(after) && after < 0.1 * before,
    summary: overfit.divergence
      ? `diverged at step ${overfit.divergence.step}: lower the learning rate before anything else.`
      : `training loss ${formatNumber(before, 3)} → ${formatNumber(after, 3)} after ${TINY_STEPS} steps at rate ${training.learningRate} (${after < 0.1 * before ? 'the network can learn' : 'not near zero: raise the rate or check the network'}).`,
  };

  const losses = RANGE_RATES.map((learningRate) => {
    const run = new Trainer(network, { ...training, learningRate }, data, kernels);
    for (let step = 0; step < RANGE_STEPS && !run.divergence; step++) run.step();
    return run.divergence ? NaN : run.monitor().loss;
  });
  const finite = losses
    .map((loss, i) => ({ loss, rate: RANGE_RATES[i] }))
    .filter((r) => Number.isFinite(r.loss));
  const best = finite.reduce(
    (a, b) => (b.loss < a.loss ? b : a),
    finite[0] ?? { loss: NaN, rate: NaN },
  );
  const firstDiverged = RANGE_RATES.find((_, i) => !Number.isFinite(losses[i]));
  yield {
    id: 'lr-range',
    title: 'Learning-rate range test',
    passed: finite.length > 0,
    summary: `${RANGE_STEPS} steps at each rate from 1e-6 to 10: lowest loss ${formatNumber(best.loss, 3)} at rate ${best.rate}${firstDiverged !== undefined ? `; NaN from rate ${firstDiverged} up` : ''}; at 1e-6 the loss barely moves (${formatNumber(losses[0], 3)}).`,
    rates: RANGE_RATES,
    losses,
  };
}
