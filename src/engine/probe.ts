/**
 * The lecture's probe: X ~ N(0,1) [batch × input], random labels, the hidden stack and the
 * output layer, softmax cross-entropy, one forward and backward pass, statistics per layer.
 */
import type { NetworkConfig } from './config';
import type { Kernels } from './kernels/kernels';
import { Network, type NonFinite } from './network';
import { Rng, Streams } from './rng';
import { layerStats, type LayerStats } from './stats';
import { gradientTheory, probeTheory, type TheoryPoint, theoryPoints } from './theory-probe';

export interface ProbeResult {
  config: NetworkConfig & { batch: number; backend: string };
  loss: number;
  layers: LayerStats[];
  /** The mean-field theory beside each layer (null where none applies). */
  theory: (TheoryPoint | null)[];
  /** Where a NaN or Inf first appeared, if one did. */
  non_finite?: NonFinite;
  /** Why no layer carries a theory, when none does. */
  no_theory?: string;
}

/** The probe's JSON line (docs/probe-json.md): each layer carries its theory as "theory". */
export function probeJson(result: ProbeResult) {
  const { theory, layers, ...rest } = result;
  return { ...rest, layers: layers.map((layer, i) => ({ ...layer, theory: theory[i] ?? null })) };
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
  const theory = probeTheory(net);
  net.forward(true);
  net.backward();
  const stats = net.layers.map((_, i) => layerStats(net, i));
  const points = theoryPoints(
    theory.layers,
    gradientTheory(theory.layers, stats[stats.length - 1].grad_act_std, net.nonFinite !== null),
    stats.length,
  );
  const result: ProbeResult = {
    config: { ...config, batch, backend: kernels.name },
    loss: net.loss,
    layers: stats,
    theory: points,
  };
  if (net.nonFinite) result.non_finite = net.nonFinite;
  if (theory.reason !== null) result.no_theory = theory.reason;
  return result;
}
