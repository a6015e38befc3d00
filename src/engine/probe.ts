/**
 * The lecture's probe: X ~ N(0,1) [batch × input], random labels, the hidden stack and the
 * output layer, softmax cross-entropy, one forward and backward pass, statistics per layer.
 */
import type { NetworkConfig } from './config';
import type { Kernels } from './kernels/kernels';
import { Network, type NonFinite } from './network';
import { Rng, Streams } from './rng';
import { layerStats, type LayerStats } from './stats';

export interface ProbeResult {
  config: NetworkConfig & { batch: number; backend: string };
  loss: number;
  layers: LayerStats[];
  /** Where a NaN or Inf first appeared, if one did. */
  non_finite?: NonFinite;
}

/** Fills the network's input with N(0,1) and its labels uniformly, from the seed's data stream. */
export function fillProbeData(net: Network): void {
  const rng = new Rng(net.config.seed, Streams.ProbeData);
  const rows = net.rows;
  rng.fillNormal(net.input.data.subarray(0, rows * net.config.inputDim));
  const labels = net.labels.data;
  for (let r = 0; r < rows; r++) labels[r] = rng.int(net.config.classes);
}

/** A network ready for the probe: data drawn, weights initialized. */
export function createProbeNetwork(
  config: NetworkConfig,
  batch: number,
  kernels: Kernels,
): Network {
  const net = new Network(config, batch, kernels);
  fillProbeData(net);
  net.initialize();
  return net;
}

export function runProbe(config: NetworkConfig, batch: number, kernels: Kernels): ProbeResult {
  const net = createProbeNetwork(config, batch, kernels);
  net.forward(true);
  net.backward();
  const result: ProbeResult = {
    config: { ...config, batch, backend: kernels.name },
    loss: net.loss,
    layers: net.layers.map((_, i) => layerStats(net, i)),
  };
  if (net.nonFinite) result.non_finite = net.nonFinite;
  return result;
}
