/**
 * Glorot & Bengio (2010), Figs. 6–7: per-layer histograms of tanh activations and of
 * back-propagated gradients at initialization, standard U(±1/√fan_in) against the normalized
 * variance 2/(fan_in + fan_out): the first narrows layer after layer (activations upward,
 * gradients downward), the second keeps the layers alike.
 */
import { Network } from '../network';
import { layerHistogram, layerStats, type LayerStats } from '../stats';
import { defineClaim, digitsOf, fmt, passOnSplit, rounded } from './measure';
import type { Claim } from './types';
import { ALIKE, DEPTH, network, NORMALIZED_INFO, ROWS } from './info/papers-glorot-normalized';

const BINS = 20;

interface Picture {
  layers: LayerStats[];
  /** Per layer, BINS fractions of the layer's values, layer after layer. */
  actHistograms: number[];
  gradHistograms: number[];
  gradRange: number;
}

/** Histogram counts as fractions of all the layer's values. */
function fractions(counts: number[], total: number): number[] {
  return counts.map((count) => count / total);
}

const NORMALIZED = defineClaim(
  NORMALIZED_INFO,
  (kernels, seeds, options, variant) => {
    const data = digitsOf(options).normalized;
    const shrink: Record<'standard' | 'normalized', { act: number[]; grad: number[] }> = {
      standard: { act: [], grad: [] },
      normalized: { act: [], grad: [] },
    };
    const pictures: Partial<Record<'standard' | 'normalized', Picture>> = {};
    for (const seed of seeds)
      for (const [name, init] of [
        ['standard', 'torch-default'],
        ['normalized', 'glorot'],
      ] as const) {
        const net = new Network(network(seed, init), ROWS, kernels);
        net.initialize();
        passOnSplit(net, data.validation, ROWS);
        const layers = net.layers.map((_, i) => layerStats(net, i));
        shrink[name].act.push(layers[0].act.std / layers[DEPTH - 1].act.std);
        shrink[name].grad.push(layers[DEPTH - 1].grad_act_std / layers[0].grad_act_std);
        if (pictures[name]) continue;
        // Wide enough for the largest layer's gradients: ±4 std holds nearly all of them.
        const gradRange = 4 * Math.max(...layers.map((l) => l.grad_act_std));
        const total = net.rows * net.config.width;
        const act = (i: number) => layerHistogram(net, i, 'act', -1, 1, BINS).counts;
        const grad = (i: number) =>
          layerHistogram(net, i, 'grad', -gradRange, gradRange, BINS).counts;
        pictures[name] = {
          layers,
          actHistograms: layers.flatMap((_, i) => fractions(act(i), total)),
          gradHistograms: layers.flatMap((_, i) => fractions(grad(i), total)),
          gradRange,
        };
      }
    // Either way: a shrink of 0.4 is as far from alike as one of 2.5.
    const worst = (values: number[]) => Math.max(...values.map((v) => Math.max(v, 1 / v)));
    const judged = variant === 'claim' ? shrink.normalized : shrink.standard;
    const judgedAct = worst(judged.act);
    const judgedGrad = worst(judged.grad);
    const reproduced = judgedAct < ALIKE && judgedGrad < ALIKE;
    const standard = pictures.standard!;
    const normalized = pictures.normalized!;
    return {
      reproduced,
      plot: {
        standardActStd: standard.layers.map((l) => l.act.std),
        normalizedActStd: normalized.layers.map((l) => l.act.std),
        standardGradStd: standard.layers.map((l) => l.grad_act_std),
        normalizedGradStd: normalized.layers.map((l) => l.grad_act_std),
      },
      measured: {
        standardWeightGradStd: standard.layers.map((l) => l.grad_w_std),
        normalizedWeightGradStd: normalized.layers.map((l) => l.grad_w_std),
        standardActShrink: rounded(shrink.standard.act),
        standardGradShrink: rounded(shrink.standard.grad),
        normalizedActShrink: rounded(shrink.normalized.act),
        normalizedGradShrink: rounded(shrink.normalized.grad),
        histogramBins: BINS,
        actHistogramRange: [-1, 1],
        standardActHistograms: standard.actHistograms,
        normalizedActHistograms: normalized.actHistograms,
        standardGradHistogramRange: [-standard.gradRange, standard.gradRange],
        standardGradHistograms: standard.gradHistograms,
        normalizedGradHistogramRange: [-normalized.gradRange, normalized.gradRange],
        normalizedGradHistograms: normalized.gradHistograms,
      },
      summary: `${variant === 'claim' ? 'normalized' : 'standard'} initialization: activation std changing by up to ×${fmt(judgedAct)} and ∂L/∂h by up to ×${fmt(judgedGrad)} over the five layers (needed: < ${ALIKE} each); layer 1 to 5 activation std ${fmt(standard.layers[0].act.std)} to ${fmt(standard.layers[DEPTH - 1].act.std)} with the standard one, ${fmt(normalized.layers[0].act.std)} to ${fmt(normalized.layers[DEPTH - 1].act.std)} with the normalized one`,
    };
  },
  { needs: ['digits'] },
);

export const GLOROT_NORMALIZED_CLAIMS: readonly Claim[] = [NORMALIZED];
