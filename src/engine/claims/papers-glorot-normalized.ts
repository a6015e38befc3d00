/**
 * Glorot & Bengio (2010), Figs. 6–7: per-layer histograms of tanh activations and of
 * back-propagated gradients at initialization, standard U(±1/√fan_in) against the normalized
 * variance 2/(fan_in + fan_out): the first narrows layer after layer (activations upward,
 * gradients downward), the second keeps the layers alike.
 */
import type { InitName } from '../config';
import { Network } from '../network';
import { layerHistogram, layerStats, type LayerStats } from '../stats';
import { defineClaim, digitsOf, fmt, passOnSplit, rounded, trainingScene } from './measure';
import { DIGITS, digitsNetwork, sgd } from './papers-measure';
import type { Claim } from './types';

const DEPTH = 5;
const ROWS = 256;
const BINS = 20;
/** Largest shrink (either way) over the five layers that still counts as "alike". */
const ALIKE = 2.5;

const network = (seed: number, init: InitName) =>
  digitsNetwork(seed, { depth: DEPTH, width: 200, activation: 'tanh', init });
const scene = (init: InitName) =>
  trainingScene({ network: network(1, init), training: sgd(0.1, 10) }, DIGITS, { train: false });

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
  {
    id: 'glorot2010-normalized-init',
    chapter: 'papers',
    title: 'Glorot & Bengio 2010: normalized initialization keeps the layers alike',
    citation:
      'X. Glorot, Y. Bengio. Understanding the difficulty of training deep feedforward neural networks. AISTATS 2010, Figs. 6–7.',
    explanation:
      'With the standard weights U(±1/√fan_in) each layer keeps only a third of its input’s variance (fan_in · 1/(3·fan_in)), so Glorot and Bengio saw the tanh activation histograms narrow toward 0 from layer 1 to layer 5 and, going backward, the back-propagated gradients shrink from the top layer down. Their normalized initialization, variance 2/(fan_in + fan_out), keeps the variance of both passes about constant, and the histograms of all five layers looked alike. We draw the same histograms at initialization for 5 × 200 tanh units on 256 validation digits (the paper: 1000 units on its Shapeset images), with the normalized variance drawn from a Gaussian (our `glorot`) where the paper draws it uniform, and the gradient taken with respect to each layer’s output, as our panels show it.',
    expected: `On each of 3 seeds, at initialization on ${ROWS} validation digits with their labels (5 × 200 tanh), with the normalized initialization: the activation std and the std of ∂L/∂h each change less than ${ALIKE}× over the five layers (either way).`,
    show: scene('glorot'),
    control: {
      description: 'the standard initialization U(±1/√fan_in)',
      show: scene('torch-default'),
    },
    needs: ['digits'],
  },
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
      measured: {
        standardActStd: standard.layers.map((l) => l.act.std),
        normalizedActStd: normalized.layers.map((l) => l.act.std),
        standardGradStd: standard.layers.map((l) => l.grad_act_std),
        normalizedGradStd: normalized.layers.map((l) => l.grad_act_std),
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
);

export const GLOROT_NORMALIZED_CLAIMS: readonly Claim[] = [NORMALIZED];
