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
  train,
} from './measure';
import { actStds, allForwardStats, forwardOnRows, windowMeans } from './papers-measure';
import type { Claim, MeasuredValue } from './types';
import {
  JUDGED_WINDOW,
  run,
  STALLED_ACCURACY,
  STALLED_LOSS,
  STALLS_INFO,
  STEPS,
} from './info/papers-he';

/** Steps per point of the plotted loss curve; the last window is the judged training loss. */
const WINDOW = 20;
const LN10 = Math.log(10);

interface Outcome {
  losses: number[];
  accuracy: number;
  actStdAtInit: number[];
  diverged: boolean;
}

const STALLS = defineClaim(
  STALLS_INFO,
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
    let plot: Record<'lossSteps' | 'xavierLoss' | 'heLoss', number[]> | null = null;
    let heFigures: Record<string, MeasuredValue> = {};
    for (const seed of seeds) {
      const outcome = measure(seed, init);
      diverged ||= outcome.diverged;
      loss.push(judged(outcome));
      accuracy.push(outcome.accuracy);
      if (variant !== 'claim' || seed !== seeds[0]) continue;
      // The figure sets He's curve beside Xavier's (the first seed); He is judged by the control.
      const he = measure(seed, 'he');
      plot = {
        lossSteps: windowMeans(outcome.losses, WINDOW).map((_, i) => (i + 1) * WINDOW),
        xavierLoss: windowMeans(outcome.losses, WINDOW),
        heLoss: windowMeans(he.losses, WINDOW),
      };
      heFigures = {
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
      plot,
      measured: {
        ...heFigures,
        finalLoss: rounded(loss),
        validationAccuracy: rounded(accuracy),
      },
      summary: `${init === 'he' ? 'He' : 'Xavier'} weights: after ${STEPS} steps the training loss is ${loss.map(fmt).join(', ')} (needed: within ${STALLED_LOSS} of ln 10 = 2.303) and validation accuracy ${accuracy.map(pct).join(', ')} (needed: ≤ ${pct(STALLED_ACCURACY)})${diverged ? '; a run diverged' : ''}`,
    };
  },
  { needs: ['digits'] },
);

export const HE_CLAIMS: readonly Claim[] = [STALLS];
