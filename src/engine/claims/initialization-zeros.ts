/**
 * Weight initialization, part 1: all-zero weights keep every unit of a layer the same (a
 * demonstration: exact arithmetic guarantees it), against random weights that differ.
 */
import { buildDataset } from '../data/index';
import type { Network } from '../network';
import { defineClaim, fmt, newTrainer, pct, rounded, train } from './measure';
import type { Claim } from './types';
import {
  SYMMETRY_DATA,
  SYMMETRY_STEPS,
  symmetryRun,
  ZEROS_INFO,
} from './info/initialization-zeros';

/** Largest difference between two units' weights or biases of a layer, over mean |W|. */
function unitSpread(net: Network) {
  let worst = 0;
  let smallestScale = Infinity;
  for (const layer of net.layers) {
    const w = layer.weight.value.data;
    const b = layer.bias.value.data;
    let spread = 0;
    let scale = 0;
    for (let c = 0; c < layer.cols; c++) {
      spread = Math.max(spread, Math.abs(b[c] - b[0]));
      for (let f = 0; f < layer.fanIn; f++) {
        const v = w[f * layer.cols + c];
        spread = Math.max(spread, Math.abs(v - w[f * layer.cols]));
        scale += Math.abs(v) / w.length;
      }
    }
    worst = Math.max(worst, scale > 0 ? spread / scale : Infinity);
    smallestScale = Math.min(smallestScale, scale);
  }
  return { worst, smallestScale };
}

export const ZEROS_CLAIM: Claim = defineClaim(ZEROS_INFO, (kernels, seeds, _, variant) => {
  const init = variant === 'claim' ? 'zeros' : 'xavier';
  let worstSpread = 0;
  let smallestScale = Infinity;
  const accuracy: number[] = [];
  for (const seed of seeds) {
    const data = buildDataset(SYMMETRY_DATA, seed);
    const trainer = newTrainer(kernels, symmetryRun(seed, init), data);
    train(trainer, SYMMETRY_STEPS);
    const { worst, smallestScale: scale } = unitSpread(trainer.net);
    worstSpread = Math.max(worstSpread, worst);
    smallestScale = Math.min(smallestScale, scale);
    accuracy.push(trainer.evaluate().accuracy);
  }
  const identical =
    worstSpread === 0
      ? 'are identical bit for bit'
      : `differ by up to ${fmt(worstSpread)} of the weights’ scale (needed: ≤ 1e-6)`;
  return {
    reproduced: worstSpread <= 1e-6 && smallestScale > 1e-4,
    measured: {
      largestRelativeDifference: worstSpread,
      smallestMeanAbsWeight: smallestScale,
      validationAccuracy: rounded(accuracy),
    },
    summary: `${init === 'zeros' ? 'all-zero' : 'Xavier'} start: after ${SYMMETRY_STEPS} steps the units of each layer ${identical}, mean |W| ${fmt(smallestScale)} or more (needed: > 1e-4); validation accuracy ${accuracy.map(pct).join(', ')}`,
  };
});
