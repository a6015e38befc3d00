/**
 * Activation functions, part 1: the sigmoid's two problems (saturation, outputs that are not
 * zero-centred) and tanh's fix of the second.
 */
import type { ActivationName } from '../config';
import type { Kernels } from '../kernels/kernels';
import type { Network } from '../network';
import { Rng } from '../rng';
import {
  defineClaim,
  fmt,
  mean,
  pct,
  probeNetwork,
  probeStats,
  rounded,
  singleSignedBatchGradientFraction,
  singleSignedColumnFraction,
} from './measure';
import type { Claim } from './types';
import {
  NOT_ZERO_CENTRED_INFO,
  PROBE_BATCH,
  probeConfig,
  SATURATES_INFO,
  TANH_ZERO_CENTRED_INFO,
} from './info/activations';

/** E[h(1 − h)] = E[h] − E[h²]: the sigmoid's mean slope, from the layer's moments. */
function sigmoidMeanSlope(act: { mean: number; std: number }): number {
  return act.mean - (act.std * act.std + act.mean * act.mean);
}

const SATURATES = defineClaim(SATURATES_INFO, (kernels, seeds, _, variant) => {
  const init = variant === 'claim' ? 'large' : 'xavier';
  let minSaturated = 1;
  let maxSlope = 0;
  let first: { saturated: number[]; slope: number[] } | null = null;
  for (const seed of seeds) {
    const layers = probeStats(kernels, probeConfig({ seed, init }), PROBE_BATCH);
    const slopes = layers.map((l) => sigmoidMeanSlope(l.act));
    first ??= { saturated: layers.map((l) => l.saturated), slope: slopes };
    minSaturated = Math.min(minSaturated, ...layers.map((l) => l.saturated));
    maxSlope = Math.max(maxSlope, ...slopes);
  }
  return {
    reproduced: minSaturated >= 2 / 3 && maxSlope < 0.05,
    measured: {
      saturatedPerLayer: rounded(first!.saturated),
      meanSlopePerLayer: rounded(first!.slope),
      minSaturated,
      maxMeanSlope: maxSlope,
    },
    summary: `${init === 'large' ? 'large' : 'Xavier'} weights: at least ${pct(minSaturated)} saturated in every layer (needed: ≥ 67 %), mean slope at most ${fmt(maxSlope)} (needed: < 0.05)`,
  };
});

/** Layers 2..depth: their inputs are the previous layer's outputs. */
function upperLayerSingleSigned(net: Network): { perExample: number; batch: number } {
  let perExample = 0;
  let batch = 0;
  for (let i = 1; i < net.layers.length; i++) {
    perExample += singleSignedColumnFraction(net, i);
    batch += singleSignedBatchGradientFraction(net, i);
  }
  const upper = net.layers.length - 1;
  return { perExample: perExample / upper, batch: batch / upper };
}

function signProbe(kernels: Kernels, activation: ActivationName, seed: number, depth: number) {
  const config = probeConfig({
    activation,
    init: 'xavier',
    seed,
    depth,
    width: 100,
    inputDim: 100,
  });
  return upperLayerSingleSigned(probeNetwork(kernels, config, 100));
}

export interface ZigzagPath {
  w1: number[];
  w2: number[];
  /** Fraction of steps that move both weights the same way (quadrants I or III). */
  sameDirection: number;
  /** Distance to the target weights at the end. */
  distance: number;
}

/**
 * The lecture's picture: one unit with two weights, loss ½((w − w*)·x)², w* = (1, −1), SGD from
 * (0, 0). Its gradient (w − w*)·x · x has the sign pattern of x: with x > 0 every step moves
 * both weights up or both down, so reaching (1, −1) takes a zig-zag.
 */
/** Stream of the illustration's inputs, apart from the engine's streams. */
const ZIGZAG_STREAM = 21;

export function zigzagPath(inputs: 'positive' | 'centred', seed: number, steps = 20): ZigzagPath {
  const rng = new Rng(seed, ZIGZAG_STREAM);
  const target = [1, -1];
  const w = [0, 0];
  const path: ZigzagPath = { w1: [0], w2: [0], sameDirection: 0, distance: 0 };
  const rate = 0.8;
  let same = 0;
  for (let t = 0; t < steps; t++) {
    const x =
      inputs === 'positive'
        ? [0.2 + 0.8 * rng.uniform(), 0.2 + 0.8 * rng.uniform()]
        : [2 * rng.uniform() - 1, 2 * rng.uniform() - 1];
    const residual = (w[0] - target[0]) * x[0] + (w[1] - target[1]) * x[1];
    const step = [-rate * residual * x[0], -rate * residual * x[1]];
    if (step[0] * step[1] > 0) same++;
    w[0] += step[0];
    w[1] += step[1];
    path.w1.push(Number(w[0].toFixed(4)));
    path.w2.push(Number(w[1].toFixed(4)));
  }
  path.sameDirection = same / steps;
  path.distance = Math.hypot(w[0] - target[0], w[1] - target[1]);
  return path;
}

const NOT_ZERO_CENTRED = defineClaim(NOT_ZERO_CENTRED_INFO, (kernels, seeds, _, variant) => {
  const activation = variant === 'claim' ? 'sigmoid' : 'tanh';
  const inputs = variant === 'claim' ? 'positive' : 'centred';
  let minSingle = 1;
  let batch = 0;
  for (const seed of seeds) {
    const probe = signProbe(kernels, activation, seed, 3);
    minSingle = Math.min(minSingle, probe.perExample);
    batch += probe.batch / seeds.length;
  }
  // The paths of the first seed are the page's picture (both kinds of input); the judged
  // fraction pools every seed.
  const positive = zigzagPath('positive', seeds[0]);
  const centred = zigzagPath('centred', seeds[0]);
  const same = mean(seeds.map((seed) => zigzagPath(inputs, seed).sameDirection));
  return {
    reproduced: minSingle >= 0.99 && same === 1,
    plot: {
      zigzagW1: positive.w1,
      zigzagW2: positive.w2,
      centredW1: centred.w1,
      centredW2: centred.w2,
    },
    measured: {
      singleSigned: minSingle,
      batchGradientSingleSigned: batch,
      sameDirection: same,
      zigzagDistance: positive.distance,
      centredDistance: centred.distance,
    },
    summary: `${activation}: at least ${pct(minSingle)} of the per-example gradient columns single-signed (needed: ≥ 99 %); 2-D unit with ${inputs === 'positive' ? 'all-positive' : 'zero-centred'} inputs: ${pct(same)} of steps move both weights the same way (needed: 100 %); distance to (1, −1) after 20 steps ${fmt(positive.distance)} with positive inputs, ${fmt(centred.distance)} with centred ones`,
  };
});

const TANH_ZERO_CENTRED = defineClaim(TANH_ZERO_CENTRED_INFO, (kernels, seeds, _, variant) => {
  const activation = variant === 'claim' ? 'tanh' : 'sigmoid';
  let largestMean = 0;
  let smallestStd = Infinity;
  let single = 0;
  let firstMeans: number[] = [];
  for (const seed of seeds) {
    const config = probeConfig({ activation, init: 'xavier', seed, width: 200, inputDim: 200 });
    const net = probeNetwork(kernels, config, PROBE_BATCH);
    const means: number[] = [];
    for (const layer of net.layers) {
      kernels.moments(layer.h.data, net.rows * layer.units);
      means.push(kernels.results()[0]);
      smallestStd = Math.min(smallestStd, kernels.results()[1]);
    }
    if (seed === seeds[0]) firstMeans = means;
    largestMean = Math.max(largestMean, ...means.map(Math.abs));
    single = Math.max(single, upperLayerSingleSigned(net).perExample);
  }
  return {
    reproduced: largestMean <= 0.05 && smallestStd > 0.1 && single <= 0.01,
    measured: {
      meanPerLayer: rounded(firstMeans),
      largestAbsMean: largestMean,
      smallestStd,
      singleSigned: single,
    },
    summary: `${activation}: layer means within ±${fmt(largestMean)} of 0 (needed: ≤ 0.05) with std ≥ ${fmt(smallestStd)} (needed: > 0.1); up to ${pct(single)} of the gradient columns single-signed (needed: ≤ 1 %)`,
  };
});

export const ACTIVATION_CLAIMS: readonly Claim[] = [SATURATES, NOT_ZERO_CENTRED, TANH_ZERO_CENTRED];
