/**
 * Mishkin & Matas (2016), LSUV: orthogonal weights rescaled layer by layer until each layer's
 * output has variance 1 on a batch. In a deep ReLU network the per-layer activation std then
 * stays flat, where He's Gaussian weights of the same variance let it wander.
 */
import type { InitName } from '../config';
import type { Kernels } from '../kernels/kernels';
import { defineClaim, fmt, mean, rounded } from './measure';
import { actStds, freshBatchStats, logStdSpread, median } from './papers-measure';
import type { Claim } from './types';
import { BATCH, DEPTH, FLAT, LSUV_INFO, probe, SAME_SCALE, WIDTH } from './info/papers-lsuv';

/** Activation std and weight std per layer, read on rows LSUV did not calibrate on. */
function read(kernels: Kernels, seed: number, init: InitName) {
  const layers = freshBatchStats(kernels, probe(seed, init), BATCH);
  const act = actStds(layers);
  return { act, spread: logStdSpread(act), weightStd: layers.map((l) => l.w_std) };
}

const LSUV = defineClaim(LSUV_INFO, (kernels, seeds, _, variant) => {
  const judged: InitName = variant === 'claim' ? 'lsuv' : 'he';
  const he = Math.sqrt(2 / WIDTH);
  const spread = { lsuv: [] as number[], he: [] as number[], orthogonal: [] as number[] };
  const weightScale: number[] = [];
  const curves: Record<`${'lsuv' | 'he' | 'orthogonal'}ActStd`, number[]> = {
    lsuvActStd: [],
    heActStd: [],
    orthogonalActStd: [],
  };
  for (const seed of seeds)
    for (const init of ['lsuv', 'he', 'orthogonal'] as const) {
      const outcome = read(kernels, seed, init);
      spread[init].push(outcome.spread);
      if (init === judged) weightScale.push(mean(outcome.weightStd.slice(1)) / he);
      if (seed === seeds[0]) curves[`${init}ActStd`] = outcome.act;
    }
  const reproduced =
    spread[judged].every((s) => s <= FLAT) &&
    weightScale.every((w) => Math.abs(w - 1) <= SAME_SCALE);
  return {
    reproduced,
    plot: curves,
    measured: {
      lsuvSpread: rounded(spread.lsuv),
      heSpread: rounded(spread.he),
      orthogonalSpread: rounded(spread.orthogonal),
      weightStdOverHe: rounded(weightScale),
    },
    summary: `${judged === 'lsuv' ? 'LSUV' : 'He'}: spread of ln(std) over ${DEPTH} layers ${spread[judged].map(fmt).join(', ')} (needed: ≤ ${FLAT}; LSUV ${spread.lsuv.map(fmt).join(', ')}, He ${spread.he.map(fmt).join(', ')}); weights ×${weightScale.map(fmt).join(', ')} He’s std (needed: within ${SAME_SCALE * 100} % of ×1); orthogonal alone ${spread.orthogonal.map(fmt).join(', ')} (median ${fmt(median(spread.orthogonal))})`,
  };
});

export const LSUV_CLAIMS: readonly Claim[] = [LSUV];
