/**
 * Activation functions, part 1: the sigmoid's two problems (saturation, outputs that are not
 * zero-centred) and tanh's fix of the second.
 */
import type { ActivationName, NetworkConfig } from '../config';
import type { Kernels } from '../kernels/kernels';
import type { Network } from '../network';
import { Rng } from '../rng';
import {
  defineClaim,
  fmt,
  mean,
  pct,
  probeNetwork,
  probeScene,
  probeStats,
  rounded,
  singleSignedBatchGradientFraction,
  singleSignedColumnFraction,
} from './measure';
import type { Claim } from './types';

/** The probe of this chapter: small enough to check in milliseconds, wide enough to saturate. */
export function probeConfig(change: Partial<NetworkConfig>): NetworkConfig {
  return {
    inputDim: 300,
    depth: 5,
    width: 300,
    activation: 'sigmoid',
    init: 'large',
    initScale: 1,
    batchnorm: false,
    classes: 10,
    seed: 1,
    ...change,
  };
}
export const PROBE_BATCH = 200;

/** E[h(1 − h)] = E[h] − E[h²]: the sigmoid's mean slope, from the layer's moments. */
function sigmoidMeanSlope(act: { mean: number; std: number }): number {
  return act.mean - (act.std * act.std + act.mean * act.mean);
}

const SATURATES = defineClaim(
  {
    id: 'sigmoid-saturates',
    chapter: 'activations',
    title: 'Saturated sigmoids kill the gradient',
    explanation:
      'The sigmoid squashes its input into (0, 1) and is flat at both ends: where |z| is large its slope σ(z)(1 − σ(z)) is almost zero, so almost no gradient flows back through the unit. Large weights push most units there. Checked on a 5-layer × 300 probe (smaller than the lecture’s 10 × 500: saturation only needs wide enough layers).',
    expected:
      'With large (N(0,1)) weights, on each of 3 seeds, every layer has at least 2/3 of its activations in the flat tails (h < 0.03 or > 0.97) and a mean local slope σ′ = h(1 − h) below 0.05, a fifth of its 0.25 peak; with Xavier weights the same network has under 5 % saturated and a mean slope above 0.2 in every layer.',
    show: probeScene(probeConfig({}), PROBE_BATCH),
    contrast: {
      label: 'Now with Xavier',
      scene: probeScene(probeConfig({ init: 'xavier' }), PROBE_BATCH),
    },
  },
  (kernels, seeds) => {
    let minSaturated = 1;
    let maxSlope = 0;
    let xavierMaxSaturated = 0;
    let xavierMinSlope = 1;
    let first: { saturated: number[]; slope: number[] } | null = null;
    for (const seed of seeds) {
      const large = probeStats(kernels, probeConfig({ seed }), PROBE_BATCH);
      const slopes = large.map((l) => sigmoidMeanSlope(l.act));
      first ??= { saturated: large.map((l) => l.saturated), slope: slopes };
      minSaturated = Math.min(minSaturated, ...large.map((l) => l.saturated));
      maxSlope = Math.max(maxSlope, ...slopes);
      const xavier = probeStats(kernels, probeConfig({ seed, init: 'xavier' }), PROBE_BATCH);
      xavierMaxSaturated = Math.max(xavierMaxSaturated, ...xavier.map((l) => l.saturated));
      xavierMinSlope = Math.min(xavierMinSlope, ...xavier.map((l) => sigmoidMeanSlope(l.act)));
    }
    const reproduced =
      minSaturated >= 2 / 3 && maxSlope < 0.05 && xavierMaxSaturated < 0.05 && xavierMinSlope > 0.2;
    return {
      reproduced,
      measured: {
        saturatedPerLayer: rounded(first!.saturated),
        meanSlopePerLayer: rounded(first!.slope),
        minSaturated,
        maxMeanSlope: maxSlope,
        xavierMaxSaturated,
        xavierMinMeanSlope: xavierMinSlope,
      },
      summary: `large weights: ${pct(minSaturated)} or more saturated in every layer (≥ 67 %), mean slope at most ${fmt(maxSlope)} (< 0.05); Xavier: at most ${pct(xavierMaxSaturated)} saturated, mean slope at least ${fmt(xavierMinSlope)}`,
    };
  },
);

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

const NOT_ZERO_CENTRED = defineClaim(
  {
    id: 'sigmoid-not-zero-centred',
    chapter: 'activations',
    title: 'Sigmoid outputs are all positive: gradients zig-zag',
    explanation:
      'A unit whose inputs are all positive (the outputs of a sigmoid layer) gets, for each example, a weight gradient x·∂L/∂z whose entries all share the sign of ∂L/∂z. Its weights can then only all grow or all shrink together: in 2-D only two quadrants of directions are allowed, so reaching weights like (1, −1) takes a zig-zag of steps. Measured on a 3-layer × 100 probe with Xavier weights.',
    expected:
      'On each of 3 seeds, in hidden layers 2 and 3 (whose inputs are the layer below’s outputs): with sigmoid at least 99 % of the per-example weight-gradient columns are single-signed, with tanh at most 1 %. In the 2-D picture (two weights, positive inputs, target (1, −1)) every step moves both weights the same way (100 %); with zero-centred inputs at least a quarter of the steps move them apart (20 steps per seed, pooled).',
    show: probeScene(probeConfig({ init: 'xavier', depth: 3, width: 100, inputDim: 100 }), 100),
    contrast: {
      label: 'Now with tanh',
      scene: probeScene(
        probeConfig({ activation: 'tanh', init: 'xavier', depth: 3, width: 100, inputDim: 100 }),
        100,
      ),
    },
  },
  (kernels, seeds) => {
    let sigmoidMin = 1;
    let tanhMax = 0;
    let sigmoidBatch = 0;
    let tanhBatch = 0;
    for (const seed of seeds) {
      const sigmoid = signProbe(kernels, 'sigmoid', seed, 3);
      const tanh = signProbe(kernels, 'tanh', seed, 3);
      sigmoidMin = Math.min(sigmoidMin, sigmoid.perExample);
      tanhMax = Math.max(tanhMax, tanh.perExample);
      sigmoidBatch += sigmoid.batch / seeds.length;
      tanhBatch += tanh.batch / seeds.length;
    }
    // The paths of the first seed are the page's picture; the fractions pool every seed.
    const positive = zigzagPath('positive', seeds[0]);
    const centred = zigzagPath('centred', seeds[0]);
    const positiveSame = mean(seeds.map((seed) => zigzagPath('positive', seed).sameDirection));
    const centredSame = mean(seeds.map((seed) => zigzagPath('centred', seed).sameDirection));
    const reproduced =
      sigmoidMin >= 0.99 && tanhMax <= 0.01 && positiveSame === 1 && centredSame <= 0.75;
    return {
      reproduced,
      measured: {
        sigmoidSingleSigned: sigmoidMin,
        tanhSingleSigned: tanhMax,
        sigmoidBatchGradientSingleSigned: sigmoidBatch,
        tanhBatchGradientSingleSigned: tanhBatch,
        zigzagW1: positive.w1,
        zigzagW2: positive.w2,
        zigzagSameDirection: positiveSame,
        zigzagDistance: positive.distance,
        centredW1: centred.w1,
        centredW2: centred.w2,
        centredSameDirection: centredSame,
        centredDistance: centred.distance,
      },
      summary: `single-signed per-example gradient columns: sigmoid ${pct(sigmoidMin)} (≥ 99 %), tanh ${pct(tanhMax)} (≤ 1 %); 2-D unit: ${pct(positiveSame)} of steps move both weights the same way with positive inputs, ${pct(centredSame)} with zero-centred inputs (≤ 75 %); distance to (1, −1) after 20 steps ${fmt(positive.distance)} vs ${fmt(centred.distance)}`,
    };
  },
);

const TANH_ZERO_CENTRED = defineClaim(
  {
    id: 'tanh-zero-centred',
    chapter: 'activations',
    title: 'tanh is zero-centred',
    explanation:
      'tanh squashes into (−1, 1) and is symmetric about 0, so a layer’s outputs have both signs and the next layer’s weight gradients are no longer forced to one sign. It still saturates like the sigmoid when its inputs are large. Measured on a 5-layer × 200 probe with Xavier weights.',
    expected:
      'On each of 3 seeds: every tanh layer’s mean activation is within 0.05 of 0 while its std stays above 0.1, against a mean between 0.45 and 0.55 for the sigmoid; and at most 1 % of tanh’s per-example weight-gradient columns in layers 2–5 are single-signed, against at least 99 % for the sigmoid.',
    show: probeScene(
      probeConfig({ activation: 'tanh', init: 'xavier', width: 200, inputDim: 200 }),
      PROBE_BATCH,
    ),
    contrast: {
      label: 'Compare with sigmoid',
      scene: probeScene(probeConfig({ init: 'xavier', width: 200, inputDim: 200 }), PROBE_BATCH),
    },
  },
  (kernels, seeds) => {
    let tanhMaxMean = 0;
    let tanhMinStd = Infinity;
    let tanhSingle = 0;
    let sigmoidMeanRange = [Infinity, -Infinity];
    let sigmoidSingle = 1;
    let tanhMeans: number[] = [];
    let sigmoidMeans: number[] = [];
    for (const seed of seeds) {
      for (const activation of ['tanh', 'sigmoid'] as const) {
        const config = probeConfig({ activation, init: 'xavier', seed, width: 200, inputDim: 200 });
        const net = probeNetwork(kernels, config, PROBE_BATCH);
        const means: number[] = [];
        const stds: number[] = [];
        for (const layer of net.layers) {
          kernels.moments(layer.h.data, net.rows * layer.units);
          means.push(kernels.results()[0]);
          stds.push(kernels.results()[1]);
        }
        const single = upperLayerSingleSigned(net).perExample;
        if (activation === 'tanh') {
          if (seed === seeds[0]) tanhMeans = means;
          tanhMaxMean = Math.max(tanhMaxMean, ...means.map(Math.abs));
          tanhMinStd = Math.min(tanhMinStd, ...stds);
          tanhSingle = Math.max(tanhSingle, single);
        } else {
          if (seed === seeds[0]) sigmoidMeans = means;
          sigmoidMeanRange = [
            Math.min(sigmoidMeanRange[0], ...means),
            Math.max(sigmoidMeanRange[1], ...means),
          ];
          sigmoidSingle = Math.min(sigmoidSingle, single);
        }
      }
    }
    const reproduced =
      tanhMaxMean <= 0.05 &&
      tanhMinStd > 0.1 &&
      sigmoidMeanRange[0] >= 0.45 &&
      sigmoidMeanRange[1] <= 0.55 &&
      tanhSingle <= 0.01 &&
      sigmoidSingle >= 0.99;
    return {
      reproduced,
      measured: {
        tanhMeanPerLayer: rounded(tanhMeans),
        sigmoidMeanPerLayer: rounded(sigmoidMeans),
        tanhLargestAbsMean: tanhMaxMean,
        tanhSmallestStd: tanhMinStd,
        tanhSingleSigned: tanhSingle,
        sigmoidSingleSigned: sigmoidSingle,
      },
      summary: `tanh layer means within ±${fmt(tanhMaxMean)} of 0 (≤ 0.05) with std ≥ ${fmt(tanhMinStd)}; sigmoid means ${fmt(sigmoidMeanRange[0])}–${fmt(sigmoidMeanRange[1])}; single-signed gradient columns: tanh ${pct(tanhSingle)}, sigmoid ${pct(sigmoidSingle)}`,
    };
  },
);

export const ACTIVATION_CLAIMS: readonly Claim[] = [SATURATES, NOT_ZERO_CENTRED, TANH_ZERO_CENTRED];
