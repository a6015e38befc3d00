/**
 * Per-layer statistics as docs/statistics.md defines them, and histogram counts, computed on the
 * engine's side so only numbers (never whole tensors) leave it.
 */
import { RELU_FAMILY } from './config';
import { HistMode } from './kernels/kernels';
import type { Network } from './network';

export interface Moments {
  mean: number;
  std: number;
}

export interface LayerStats {
  layer: number;
  preact: Moments;
  act: Moments;
  /** Fraction of activation values in the flat tails (tanh |h| > 0.97; sigmoid h < 0.03 or > 0.97). */
  saturated: number;
  /** Fraction of units whose pre-activation is ≤ 0 on every row (ReLU family). */
  dead: number;
  /** std of ∂L/∂h. */
  grad_act_std: number;
  /** std of ∂L/∂W. */
  grad_w_std: number;
  w_std: number;
  /** std(∂L/∂W) / std(W). */
  grad_data_ratio: number;
  /** Count of NaN or ±Inf values among the layer's activations and gradients. */
  non_finite: number;
}

export interface Histogram {
  low: number;
  high: number;
  mode: 'linear' | 'log10abs';
  counts: number[];
  /** Values below low (in log10abs mode: also exact zeros). */
  under: number;
  over: number;
  nonFinite: number;
}

function moments(
  net: Network,
  values: Float32Array,
  count: number,
): Moments & { nonFinite: number } {
  net.kernels.moments(values, count);
  const r = net.kernels.results();
  return { mean: r[0], std: r[1], nonFinite: r[2] };
}

/** Statistics of the forward pass of hidden layer i (0-based); gradients may be filled later. */
export function forwardStats(net: Network, i: number): LayerStats {
  const layer = net.layers[i];
  const { kernels, rows } = net;
  const activation = net.config.activation;
  const preCount = rows * layer.cols;
  const actCount = rows * layer.units;
  const preact = moments(net, layer.pre.data, preCount);
  const act = moments(net, layer.h.data, actCount);
  // Saturation is the nonlinearity's: its own output, before dropout or a residual sum.
  const f = layer.activationOutput;
  let saturated = 0;
  if (activation === 'tanh') saturated = kernels.countOutside(f, actCount, -0.97, 0.97) / actCount;
  else if (activation === 'sigmoid')
    saturated = kernels.countOutside(f, actCount, 0.03, 0.97) / actCount;
  const dead = RELU_FAMILY.includes(activation)
    ? kernels.deadColumns(layer.pre.data, rows, layer.cols) / layer.cols
    : 0;
  const w = moments(net, layer.weight.value.data, layer.weight.value.length);
  return {
    layer: i + 1,
    preact: { mean: preact.mean, std: preact.std },
    act: { mean: act.mean, std: act.std },
    saturated,
    dead,
    grad_act_std: NaN,
    grad_w_std: NaN,
    w_std: w.std,
    grad_data_ratio: NaN,
    non_finite: preact.nonFinite + act.nonFinite,
  };
}

/** Adds the backward pass's statistics of hidden layer i to `stats`. */
export function addGradientStats(net: Network, i: number, stats: LayerStats): LayerStats {
  const layer = net.layers[i];
  const gradAct = moments(net, layer.dh.data, net.rows * layer.units);
  const gradW = moments(net, layer.weight.grad.data, layer.weight.grad.length);
  stats.grad_act_std = gradAct.std;
  stats.grad_w_std = gradW.std;
  stats.grad_data_ratio = stats.w_std > 0 ? gradW.std / stats.w_std : NaN;
  stats.non_finite += gradAct.nonFinite + gradW.nonFinite;
  return stats;
}

export function layerStats(net: Network, i: number): LayerStats {
  return addGradientStats(net, i, forwardStats(net, i));
}

export type HistogramSource = 'act' | 'preact' | 'grad';

/** Counts of one layer's values over [low, high] in `bins` bins (at most 1000). */
export function layerHistogram(
  net: Network,
  i: number,
  source: HistogramSource,
  low: number,
  high: number,
  bins: number,
  mode: Histogram['mode'] = 'linear',
): Histogram {
  const layer = net.layers[i];
  const values =
    source === 'act' ? layer.h.data : source === 'grad' ? layer.dh.data : layer.pre.data;
  const count = net.rows * (source === 'preact' ? layer.cols : layer.units);
  net.kernels.histogram(
    values,
    count,
    low,
    high,
    bins,
    mode === 'linear' ? HistMode.Linear : HistMode.Log10Abs,
  );
  const r = net.kernels.results();
  return {
    low,
    high,
    mode,
    counts: Array.from(r.subarray(0, bins)),
    under: r[bins],
    over: r[bins + 1],
    nonFinite: r[bins + 2],
  };
}

/** Per unit of hidden layer i, the fraction of rows on which its pre-activation is positive. */
export function unitFiringFractions(net: Network, i: number, out: Float32Array): void {
  const layer = net.layers[i];
  net.kernels.columnPositiveFraction(layer.pre.data, out, net.rows, layer.cols);
}
