/**
 * What the papers' figures measure with, beyond measure.ts: readouts on fixed rows while a
 * network trains, quantiles of one unit's input, the spread of a layer-wise scale, and probes
 * read on a batch other than the one a data-driven initialization calibrated on.
 */
import type { NetworkConfig } from '../config';
import { copyRow } from '../data/batches';
import type { DataSplit } from '../data/dataset';
import type { Kernels } from '../kernels/kernels';
import type { Network } from '../network';
import { createProbeNetwork } from '../probe';
import { Rng } from '../rng';
import { forwardStats, type LayerStats } from '../stats';

// The runs are plain data, shared with the page side (./info/paper-runs.ts).
export { DIGITS, digitsNetwork, sgd } from './info/paper-runs';

/**
 * Loads the first `rows` rows of a split and runs a training-mode forward pass: what a step
 * computes, batchnorm on these rows' own statistics. The running averages that evaluation uses
 * are put back, so reading does not disturb training. The loss on these rows is computed too.
 */
export function forwardOnRows(net: Network, split: DataSplit, rows: number): void {
  const dim = net.config.inputDim;
  net.rows = Math.min(rows, split.count, net.capacity);
  for (let r = 0; r < net.rows; r++) copyRow(split, dim, r, net.input.data, net.labels.data, r);
  const saved = net.layers.map((layer) =>
    layer.bn ? [layer.bn.runningMean.data.slice(), layer.bn.runningVar.data.slice()] : null,
  );
  net.forward(true);
  net.computeLoss();
  net.layers.forEach((layer, i) => {
    const averages = saved[i];
    if (!layer.bn || !averages) return;
    layer.bn.runningMean.data.set(averages[0]);
    layer.bn.runningVar.data.set(averages[1]);
  });
}

/** The forward statistics of every hidden layer after the last pass. */
export function allForwardStats(net: Network): LayerStats[] {
  return net.layers.map((_, i) => forwardStats(net, i));
}

/** Unit `unit`'s pre-activation (the nonlinearity's input) on each row of the last pass, sorted. */
export function sortedUnitInput(net: Network, layerIndex: number, unit: number): Float64Array {
  const layer = net.layers[layerIndex];
  const values = new Float64Array(net.rows);
  for (let r = 0; r < net.rows; r++) values[r] = layer.pre.data[r * layer.cols + unit];
  return values.sort();
}

/** Quantile q ∈ [0, 1] of sorted values, linear between order statistics (NumPy's default). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Median of a list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  return quantileOfSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/**
 * Standard deviation over layers of ln(std): 0 when every layer has the same scale; 0.1 means a
 * typical layer sits about 10 % above or below the average scale.
 */
export function logStdSpread(stds: readonly number[]): number {
  const logs = stds.map(Math.log);
  const average = logs.reduce((a, b) => a + b, 0) / logs.length;
  return Math.sqrt(logs.reduce((a, b) => a + (b - average) ** 2, 0) / logs.length);
}

/** A stream of the seed no part of the engine draws from: rows unseen by the initialization. */
const FRESH_ROWS_STREAM = 101;

/**
 * Layer statistics of a probe (N(0,1) input, as the page's) read on a second batch of N(0,1)
 * rows: LSUV calibrates on the probe's own rows, so judging it there would be circular.
 */
export function freshBatchStats(kernels: Kernels, config: NetworkConfig, batch: number) {
  const net = createProbeNetwork(config, batch, kernels);
  const rng = new Rng(config.seed, FRESH_ROWS_STREAM);
  rng.fillNormal(net.input.data.subarray(0, batch * config.inputDim));
  net.forward(true);
  return allForwardStats(net);
}

/** Activation std of each layer. */
export function actStds(layers: readonly LayerStats[]): number[] {
  return layers.map((layer) => layer.act.std);
}

/** Means of consecutive windows of `size` values (a loss curve smoothed for plotting). */
export function windowMeans(values: readonly number[], size: number): number[] {
  const means: number[] = [];
  for (let start = 0; start + size <= values.length; start += size) {
    let sum = 0;
    for (let i = start; i < start + size; i++) sum += values[i];
    means.push(sum / size);
  }
  return means;
}
