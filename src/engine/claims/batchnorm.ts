/**
 * Batch normalization: unit Gaussian pre-activations whatever the initialization, and training
 * at a learning rate where the same network without it blows up.
 */
import type { ActivationName, InitName } from '../config';
import { buildDataset } from '../data/index';
import type { Kernels } from '../kernels/kernels';
import { defineClaim, fmt, newTrainer, pct, probeStats, rounded, train } from './measure';
import type { Claim } from './types';
import {
  DATA,
  HIGH_RATE,
  LOW_RATE,
  PROBE_BATCH,
  probeConfig,
  run,
  STEPS,
  UNIT_GAUSSIAN_INFO,
} from './info/batchnorm';

const INITS: readonly InitName[] = ['small', 'large', 'xavier', 'he'];
const ACTIVATIONS: readonly ActivationName[] = ['tanh', 'relu'];

/** The outcome of STEPS steps at `rate`: the step it diverged at (0: it did not), its accuracy. */
function outcome(kernels: Kernels, seed: number, batchnorm: boolean, rate: number) {
  const trainer = newTrainer(kernels, run(seed, batchnorm, rate), buildDataset(DATA, seed));
  train(trainer, STEPS);
  if (trainer.divergence) return { diverged: trainer.divergence.step, accuracy: 0 };
  return { diverged: 0, accuracy: trainer.evaluate().accuracy };
}

const UNIT_GAUSSIAN = defineClaim(UNIT_GAUSSIAN_INFO, (kernels, seeds, _, variant) => {
  const batchnorm = variant === 'claim';
  let stdLow = Infinity;
  let stdHigh = 0;
  let largestMean = 0;
  const high = seeds.map(() => ({ diverged: 0, accuracy: 0 }));
  const low: number[] = [];
  for (const [s, seed] of seeds.entries()) {
    for (const init of INITS)
      for (const activation of ACTIVATIONS) {
        const config = probeConfig({ seed, init, activation, batchnorm });
        for (const layer of probeStats(kernels, config, PROBE_BATCH)) {
          stdLow = Math.min(stdLow, layer.preact.std);
          stdHigh = Math.max(stdHigh, layer.preact.std);
          largestMean = Math.max(largestMean, Math.abs(layer.preact.mean));
        }
      }
    high[s] = outcome(kernels, seed, batchnorm, HIGH_RATE);
    // Without batchnorm, the same network at a low rate: the task itself is learnable.
    if (!batchnorm) low.push(outcome(kernels, seed, false, LOW_RATE).accuracy);
  }
  const unit = stdLow >= 0.99 && stdHigh <= 1.01 && largestMean <= 1e-3;
  const trains = high.every((o) => !o.diverged && o.accuracy >= 0.9);
  const ended = high
    .map((o) => (o.diverged ? `diverged at step ${o.diverged}` : pct(o.accuracy)))
    .join(', ');
  const plainLow = batchnorm ? '' : ` (at rate ${LOW_RATE}: ${low.map(pct).join(', ')})`;
  return {
    reproduced: unit && trains,
    measured: {
      preactStdRange: rounded([stdLow, stdHigh]),
      largestAbsPreactMean: largestMean,
      divergedAtStep: high.map((o) => o.diverged),
      accuracyAtHighRate: rounded(high.map((o) => o.accuracy)),
      ...(batchnorm ? {} : { accuracyAtLowRate: rounded(low) }),
    },
    summary: `${batchnorm ? 'with' : 'without'} batchnorm: pre-activation std ${fmt(stdLow)}–${fmt(stdHigh)} and |mean| up to ${fmt(largestMean)} over every layer of 4 inits × 2 activations (needed: std 0.99–1.01, |mean| ≤ 1e-3); at rate ${HIGH_RATE}: ${ended} (needed: no divergence, ≥ 90 % validation accuracy)${plainLow}`,
  };
});

export const BATCHNORM_CLAIMS: readonly Claim[] = [UNIT_GAUSSIAN];
