/**
 * Data preprocessing: zero-centring the input removes the all-positive problem from the first
 * layer, the same one sigmoid outputs give the layers above.
 */
import type { DataSplit, Dataset } from '../data/dataset';
import { applyNormalization, featureStatistics } from '../data/normalize';
import {
  defineClaim,
  digitsOf,
  fmt,
  newTrainer,
  passOnSplit,
  pct,
  quickValidation,
  rounded,
  singleSignedColumnFraction,
  train,
} from './measure';
import type { Kernels } from '../kernels/kernels';
import type { Claim } from './types';
import { GAIN, network, RATES, STEPS, training, ZERO_CENTRE_INFO } from './info/preprocessing';

/** A data set minus its training split's mean (no scaling), made once per data set. */
const centredCache = new WeakMap<Dataset, Dataset>();

function centred(data: Dataset): Dataset {
  let result = centredCache.get(data);
  if (!result) {
    const { mean } = featureStatistics(data.train, data.inputDim);
    const unitScale = { mean, std: new Float32Array(data.inputDim).fill(1) };
    const centre = (split: DataSplit): DataSplit => {
      const x = new Float32Array(split.x.length);
      applyNormalization(unitScale, split.x, split.count, x);
      return { ...split, x };
    };
    result = {
      ...data,
      train: centre(data.train),
      validation: centre(data.validation),
      normalization: unitScale,
    };
    centredCache.set(data, result);
  }
  return result;
}

/** Fraction of first-layer per-example gradient columns that are single-signed, on `data`. */
function singleSigned(kernels: Kernels, seed: number, data: Dataset): number {
  const trainer = newTrainer(kernels, { network: network(seed), training: training(0.1) }, data);
  passOnSplit(trainer.net, trainer.monitorBatch);
  return singleSignedColumnFraction(trainer.net, 0);
}

/** The lowest validation loss after STEPS steps over RATES (Infinity if every rate diverges). */
function bestLoss(kernels: Kernels, seed: number, data: Dataset): number {
  let lowest = Infinity;
  for (const rate of RATES) {
    const run = newTrainer(kernels, { network: network(seed), training: training(rate) }, data);
    train(run, STEPS);
    if (!run.divergence) lowest = Math.min(lowest, run.evaluate().loss);
  }
  return lowest;
}

const ZERO_CENTRE = defineClaim(
  ZERO_CENTRE_INFO,
  (kernels, seeds, options, variant) => {
    const { raw } = digitsOf(options);
    const input = variant === 'claim' ? raw : centred(raw);
    // Validated on 500 digits: 18 evaluations of all 2,000 would double the check's time.
    const before = quickValidation(input);
    const after = quickValidation(centred(input));
    const single: number[] = [];
    const lossBefore: number[] = [];
    const lossAfter: number[] = [];
    for (const seed of seeds) {
      single.push(singleSigned(kernels, seed, before));
      lossBefore.push(bestLoss(kernels, seed, before));
      lossAfter.push(bestLoss(kernels, seed, after));
    }
    const gain = lossAfter.map((loss, i) => 1 - loss / lossBefore[i]);
    const name = variant === 'claim' ? 'raw pixels' : 'already centred digits';
    return {
      reproduced: single.every((f) => f >= 0.99) && gain.every((g) => g >= GAIN),
      measured: {
        singleSigned: rounded(single),
        bestValidationLoss: rounded(lossBefore),
        bestValidationLossCentred: rounded(lossAfter),
        lossReduction: rounded(gain),
      },
      summary: `${name}: ${single.map(pct).join(', ')} of first-layer gradient columns single-signed (needed: ≥ 99 %); best validation loss after ${STEPS} steps ${lossBefore.map(fmt).join(', ')}, after centring ${lossAfter.map(fmt).join(', ')} (${gain.map(pct).join(', ')} lower; needed: ≥ ${GAIN * 100} %)`,
    };
  },
  { needs: ['digits'] },
);

export const PREPROCESSING_CLAIMS: readonly Claim[] = [ZERO_CENTRE];
