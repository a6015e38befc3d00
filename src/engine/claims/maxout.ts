/**
 * Activation functions, part 3: maxout, which cannot saturate, at twice ReLU's parameters.
 */
import type { ActivationName } from '../config';
import type { Network } from '../network';
import { PROBE_BATCH, probeConfig } from './info/activations';
import { defineClaim, fmt, pct, probeNetwork } from './measure';
import type { Claim } from './types';
import { MAXOUT_INFO, MAXOUT_SMALL } from './info/maxout';

/**
 * Fraction of unit-examples of hidden layer i whose local slope ∂h/∂(winning input) is at least
 * 0.06 (1 − 0.97², where tanh's flat tails begin), read from the backward pass: Σ pieces ∂L/∂pre
 * divided by ∂L/∂h. Also the fraction whose slope is exactly 1.
 */
function localSlopes(net: Network, i: number): { passing: number; unit: number } {
  const layer = net.layers[i];
  const pieces = layer.cols / layer.units;
  const dh = layer.dh.data;
  const dpre = layer.dpre.data;
  let passing = 0;
  let unit = 0;
  let total = 0;
  for (let r = 0; r < net.rows; r++) {
    for (let u = 0; u < layer.units; u++) {
      const upstream = dh[r * layer.units + u];
      if (upstream === 0) continue;
      let through = 0;
      for (let p = 0; p < pieces; p++) through += dpre[r * layer.cols + p * layer.units + u];
      const slope = through / upstream;
      total++;
      if (Math.abs(slope) >= 0.06) passing++;
      if (Math.abs(slope - 1) < 1e-6) unit++;
    }
  }
  return { passing: passing / total, unit: unit / total };
}

function hiddenParameterCount(net: Network): number {
  let count = 0;
  for (const layer of net.layers) for (const p of layer.parameters()) count += p.value.length;
  return count;
}

const MAXOUT = defineClaim(MAXOUT_INFO, (kernels, seeds, _, variant) => {
  const activation: ActivationName = variant === 'claim' ? 'maxout' : 'tanh';
  const probe = (seed: number, act: ActivationName) =>
    probeNetwork(kernels, probeConfig({ ...MAXOUT_SMALL, activation: act, seed }), PROBE_BATCH);
  let passing = 1;
  let slopeOne = 1;
  let parameters = 0;
  for (const seed of seeds) {
    const net = probe(seed, activation);
    const slopes = net.layers.map((_, i) => localSlopes(net, i));
    passing = Math.min(passing, ...slopes.map((s) => s.passing));
    slopeOne = Math.min(slopeOne, ...slopes.map((s) => s.unit));
    parameters = hiddenParameterCount(net);
  }
  const reluParameters = hiddenParameterCount(probe(seeds[0], 'relu'));
  return {
    reproduced: passing === 1 && parameters === 2 * reluParameters,
    measured: {
      leastPassing: passing,
      leastSlopeOne: slopeOne,
      hiddenParameters: parameters,
      reluHiddenParameters: reluParameters,
    },
    summary: `${activation}: at least ${pct(passing)} of unit-examples pass the gradient in every layer (needed: 100 %), at least ${pct(slopeOne)} with slope exactly 1; hidden parameters ${parameters.toLocaleString('en-US')} vs ReLU’s ${reluParameters.toLocaleString('en-US')} (×${fmt(parameters / reluParameters)}, needed: ×2)`,
  };
});

export const MAXOUT_CLAIMS: readonly Claim[] = [MAXOUT];
