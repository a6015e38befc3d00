/**
 * He et al. (2015), Fig. 3, in MLP form: a 30-layer ReLU network from Xavier's weights does not
 * learn at all, from He's it trains.
 */
import type { InitName } from '../config';
import {
  defineClaim,
  digitsOf,
  fmt,
  newTrainer,
  pct,
  quickValidation,
  rounded,
  type RunSpec,
  train,
  trainingScene,
} from './measure';
import {
  actStds,
  allForwardStats,
  DIGITS,
  digitsNetwork,
  forwardOnRows,
  sgd,
  windowMeans,
} from './papers-measure';
import type { Claim, MeasuredValue } from './types';

const DEPTH = 30;
const STEPS = 400;
const RATE = 0.02;
/** Steps per point of the plotted loss curve; the last window is the judged training loss. */
const WINDOW = 20;
const JUDGED_WINDOW = 50;
const LN10 = Math.log(10);
/** A stalled run stays this close to ln 10 and at most this accurate (chance: 10 %). */
const STALLED_LOSS = 0.01;
const STALLED_ACCURACY = 0.15;

const run = (seed: number, init: InitName): RunSpec => ({
  network: digitsNetwork(seed, { depth: DEPTH, width: 32, activation: 'relu', init }),
  training: sgd(RATE, 32),
});

interface Outcome {
  losses: number[];
  accuracy: number;
  actStdAtInit: number[];
  diverged: boolean;
}

const STALLS = defineClaim(
  {
    id: 'he2015-deep-relu-xavier-stalls',
    chapter: 'papers',
    title: 'He et al. 2015: 30 ReLU layers stall with Xavier, train with He',
    citation:
      'K. He, X. Zhang, S. Ren, J. Sun. Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification. ICCV 2015, Fig. 3.',
    explanation:
      'Xavier’s variance 1/fan_in halves the signal’s variance at every ReLU layer, so after 30 layers the activations and the back-propagated gradients are about 2⁻¹⁵ of their size at the input: He et al. found that their 30-layer network from these weights did not learn at all, while their √(2/fan_in), which makes up for the half that ReLU zeroes, trained it. Their network is convolutional, on ImageNet, trained with momentum; ours has the same depth and activation as a plain stack of 30 × 32 ReLUs on the digits, trained by plain SGD (rate 0.02, batch 32). The check runs 400 steps; in a run of 3,000 steps the He network reaches about 70 % validation accuracy while the Xavier one still predicts a single class at loss ln 10.',
    expected: `With Xavier weights, on each of 3 seeds, after ${STEPS} SGD steps (rate ${RATE}, batch 32) of 30 × 32 ReLUs on the digits: the network stalls, its training loss (mean of the last ${JUDGED_WINDOW} steps) within ${STALLED_LOSS} of ln 10 = 2.303 and its validation accuracy at most ${pct(STALLED_ACCURACY)}.`,
    show: trainingScene(run(1, 'xavier'), DIGITS, { speed: 0 }),
    control: {
      description: 'He’s weights √(2/fan_in) instead of Xavier’s',
      show: trainingScene(run(1, 'he'), DIGITS, { speed: 0 }),
    },
    needs: ['digits'],
  },
  (kernels, seeds, options, variant) => {
    const data = quickValidation(digitsOf(options).normalized);
    const measure = (seed: number, init: InitName): Outcome => {
      const trainer = newTrainer(kernels, run(seed, init), data);
      forwardOnRows(trainer.net, data.validation, 256);
      const actStdAtInit = actStds(allForwardStats(trainer.net));
      const losses: number[] = [];
      train(trainer, STEPS, () => losses.push(trainer.last.loss));
      const diverged = trainer.divergence !== null;
      return {
        losses,
        accuracy: diverged ? NaN : trainer.evaluate().accuracy,
        actStdAtInit,
        diverged,
      };
    };
    const judged = (o: Outcome) =>
      o.losses.slice(-JUDGED_WINDOW).reduce((a, b) => a + b, 0) / JUDGED_WINDOW;
    const init: InitName = variant === 'claim' ? 'xavier' : 'he';
    const loss: number[] = [];
    const accuracy: number[] = [];
    let diverged = false;
    let plots: Record<string, MeasuredValue> = {};
    for (const seed of seeds) {
      const outcome = measure(seed, init);
      diverged ||= outcome.diverged;
      loss.push(judged(outcome));
      accuracy.push(outcome.accuracy);
      if (variant !== 'claim' || seed !== seeds[0]) continue;
      // The figure sets He's curve beside Xavier's (the first seed); He is judged by the control.
      const he = measure(seed, 'he');
      plots = {
        lossSteps: windowMeans(outcome.losses, WINDOW).map((_, i) => (i + 1) * WINDOW),
        xavierLoss: windowMeans(outcome.losses, WINDOW),
        heLoss: windowMeans(he.losses, WINDOW),
        xavierActStdAtInit: outcome.actStdAtInit,
        heActStdAtInit: he.actStdAtInit,
        heFinalLossFirstSeed: judged(he),
        heValidationAccuracyFirstSeed: he.accuracy,
      };
    }
    const reproduced =
      !diverged &&
      loss.every((l) => Math.abs(l - LN10) <= STALLED_LOSS) &&
      accuracy.every((a) => a <= STALLED_ACCURACY);
    return {
      reproduced,
      measured: {
        ...plots,
        finalLoss: rounded(loss),
        validationAccuracy: rounded(accuracy),
      },
      summary: `${init === 'he' ? 'He' : 'Xavier'} weights: after ${STEPS} steps the training loss is ${loss.map(fmt).join(', ')} (needed: within ${STALLED_LOSS} of ln 10 = 2.303) and validation accuracy ${accuracy.map(pct).join(', ')} (needed: ≤ ${pct(STALLED_ACCURACY)})${diverged ? '; a run diverged' : ''}`,
    };
  },
);

export const HE_CLAIMS: readonly Claim[] = [STALLS];
