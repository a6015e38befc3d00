/**
 * Activation functions, part 3: maxout, which cannot saturate, at twice ReLU's parameters.
 */
import type { ActivationName } from '../config';
import type { Network } from '../network';
import { PROBE_BATCH, probeConfig } from './activations';
import { defineClaim, fmt, pct, probeNetwork, probeScene } from './measure';
import type { Claim } from './types';

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

const MAXOUT_SMALL = { depth: 3, width: 100, inputDim: 100, init: 'large' } as const;

const MAXOUT = defineClaim(
  {
    id: 'maxout-no-saturation',
    chapter: 'activations',
    title: 'Maxout does not saturate, at twice the parameters',
    explanation:
      'A maxout unit outputs the larger of two linear functions of its input. It is piecewise linear, so the winning piece always passes the gradient with slope 1: it neither saturates like tanh nor dies like ReLU, even with large weights. The price: two weight vectors and biases per unit, twice the parameters. Measured on a 3-layer × 100 probe with large weights.',
    expected:
      'On each of 3 seeds, with large (N(0,1)) weights: in every maxout layer 100 % of unit-examples pass the gradient with slope exactly 1, against at most 25 % passing (slope ≥ 0.06) for tanh in every layer; and maxout’s hidden layers hold exactly twice the parameters of ReLU’s.',
    show: probeScene(probeConfig({ ...MAXOUT_SMALL, activation: 'maxout' }), PROBE_BATCH),
    contrast: {
      label: 'Compare with tanh',
      scene: probeScene(probeConfig({ ...MAXOUT_SMALL, activation: 'tanh' }), PROBE_BATCH),
    },
  },
  (kernels, seeds) => {
    let maxoutUnit = 1;
    let tanhPassing = 0;
    let reluPassing = 0;
    let maxoutParameters = 0;
    let reluParameters = 0;
    for (const seed of seeds) {
      const per = (activation: ActivationName) => {
        const net = probeNetwork(
          kernels,
          probeConfig({ ...MAXOUT_SMALL, activation, seed }),
          PROBE_BATCH,
        );
        const slopes = net.layers.map((_, i) => localSlopes(net, i));
        return { slopes, parameters: hiddenParameterCount(net) };
      };
      const maxout = per('maxout');
      maxoutUnit = Math.min(maxoutUnit, ...maxout.slopes.map((s) => s.unit));
      maxoutParameters = maxout.parameters;
      tanhPassing = Math.max(tanhPassing, ...per('tanh').slopes.map((s) => s.passing));
      const relu = per('relu');
      reluPassing +=
        relu.slopes.reduce((sum, s) => sum + s.passing, 0) / relu.slopes.length / seeds.length;
      reluParameters = relu.parameters;
    }
    const reproduced =
      maxoutUnit === 1 && tanhPassing <= 0.25 && maxoutParameters === 2 * reluParameters;
    return {
      reproduced,
      measured: {
        maxoutSlopeOne: maxoutUnit,
        tanhPassing,
        reluPassing,
        maxoutHiddenParameters: maxoutParameters,
        reluHiddenParameters: reluParameters,
      },
      summary: `maxout passes the gradient with slope 1 on ${pct(maxoutUnit)} of unit-examples; tanh passes on at most ${pct(tanhPassing)} (≤ 25 %), ReLU on ${pct(reluPassing)}; hidden parameters ${maxoutParameters.toLocaleString('en-US')} vs ReLU’s ${reluParameters.toLocaleString('en-US')} (×${fmt(maxoutParameters / reluParameters)})`,
    };
  },
);

export const MAXOUT_CLAIMS: readonly Claim[] = [MAXOUT];
