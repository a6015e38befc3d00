/**
 * Weight initialization: zeros (symmetry, initialization-zeros.ts), small (collapse), large (saturation), Xavier for tanh,
 * and He where Xavier fails, ReLU. The probes are 10 layers like the lecture's, 200 wide.
 */
import type { LayerStats } from '../stats';
import { defineClaim, fmt, mean, pct, probeStats, rounded } from './measure';
import { ZEROS_CLAIM } from './initialization-zeros';
import type { Claim } from './types';
import {
  LARGE_INFO,
  lectureProbe,
  PROBE_BATCH,
  SMALL_INFO,
  XAVIER_RELU_INFO,
  XAVIER_TANH_INFO,
} from './info/initialization';

const actStd = (layers: LayerStats[]) => layers.map((l) => l.act.std);
const gradWStd = (layers: LayerStats[]) => layers.map((l) => l.grad_w_std);

/** Per layer, whether the activation std at least halves from the layer below (layer 1: true). */
function halvingLayers(std: readonly number[]): boolean[] {
  return std.map((s, i) => i === 0 || s <= std[i - 1] / 2);
}

const SMALL = defineClaim(SMALL_INFO, (kernels, seeds, _, variant) => {
  const init = variant === 'claim' ? 'small' : 'xavier';
  let notHalving: number[] = [];
  let top = 0;
  let largestGrad = 0;
  let first: LayerStats[] = [];
  for (const seed of seeds) {
    const layers = probeStats(kernels, lectureProbe({ seed, init }), PROBE_BATCH);
    if (seed === seeds[0]) first = layers;
    const std = actStd(layers);
    halvingLayers(std).forEach((halves, i) => {
      if (!halves && !notHalving.includes(i + 1)) notHalving.push(i + 1);
    });
    top = Math.max(top, std[std.length - 1]);
    largestGrad = Math.max(largestGrad, ...gradWStd(layers));
  }
  notHalving = notHalving.sort((a, b) => a - b);
  const halving =
    notHalving.length === 0
      ? 'at least halving each layer'
      : `not halving into layer ${notHalving.join(', ')}`;
  return {
    reproduced: notHalving.length === 0 && top < 1e-5 && largestGrad < 1e-6,
    measured: {
      actStdPerLayer: actStd(first),
      gradWStdPerLayer: gradWStd(first),
      layersNotHalving: notHalving,
      layer10ActStd: top,
      largestGradWStd: largestGrad,
    },
    summary: `${init} weights: activation std ${fmt(first[0].act.std)} at layer 1, up to ${fmt(top)} at layer 10 (needed: < 1e-5), ${halving} (needed: every layer); std(∂L/∂W) up to ${fmt(largestGrad)} (needed: < 1e-6)`,
  };
});

const LARGE = defineClaim(LARGE_INFO, (kernels, seeds, _, variant) => {
  const init = variant === 'claim' ? 'large' : 'xavier';
  let minSaturated = 1;
  let maxSlope = 0;
  let first: LayerStats[] = [];
  for (const seed of seeds) {
    const layers = probeStats(kernels, lectureProbe({ seed, init }), PROBE_BATCH);
    if (seed === seeds[0]) first = layers;
    minSaturated = Math.min(minSaturated, ...layers.map((l) => l.saturated));
    // tanh′ = 1 − h², so the mean slope is 1 − E[h²] = 1 − (std² + mean²).
    const slopes = layers.map((l) => 1 - (l.act.std ** 2 + l.act.mean ** 2));
    maxSlope = Math.max(maxSlope, ...slopes);
  }
  return {
    reproduced: minSaturated >= 0.85 && maxSlope < 0.1,
    measured: {
      saturatedPerLayer: first.map((l) => l.saturated),
      actStdPerLayer: actStd(first),
      gradWStdPerLayer: gradWStd(first),
      minSaturated,
      maxMeanSlope: maxSlope,
    },
    summary: `${init} weights: at least ${pct(minSaturated)} saturated in every layer (needed: ≥ 85 %), mean slope 1 − h² up to ${fmt(maxSlope)} (needed: < 0.1); std(∂L/∂W) ${fmt(first[first.length - 1].grad_w_std)} at layer 10, ${fmt(first[0].grad_w_std)} at layer 1`,
  };
});

const XAVIER_TANH = defineClaim(XAVIER_TANH_INFO, (kernels, seeds, _, variant) => {
  const init = variant === 'claim' ? 'xavier' : 'small';
  let low = Infinity;
  let high = 0;
  let maxSaturated = 0;
  let worstGradRatio = 1;
  let first: LayerStats[] = [];
  for (const seed of seeds) {
    const layers = probeStats(kernels, lectureProbe({ seed, init }), PROBE_BATCH);
    if (seed === seeds[0]) first = layers;
    low = Math.min(low, ...actStd(layers));
    high = Math.max(high, ...actStd(layers));
    maxSaturated = Math.max(maxSaturated, ...layers.map((l) => l.saturated));
    const ratio = layers[0].grad_w_std / layers[layers.length - 1].grad_w_std;
    if (!(Math.abs(Math.log10(ratio)) <= Math.abs(Math.log10(worstGradRatio))))
      worstGradRatio = ratio;
  }
  const gradWithin = Math.abs(Math.log10(worstGradRatio)) <= 1;
  return {
    reproduced: low >= 0.15 && high <= 0.9 && maxSaturated < 0.1 && gradWithin,
    measured: {
      actStdPerLayer: actStd(first),
      gradWStdPerLayer: gradWStd(first),
      smallestActStd: low,
      largestActStd: high,
      maxSaturated,
      gradWRatioLayer1To10: worstGradRatio,
    },
    summary: `${init} weights: activation std from ${fmt(first[0].act.std)} at layer 1 to ${fmt(first[first.length - 1].act.std)} at layer 10 (all seeds within ${fmt(low)}–${fmt(high)}; needed: 0.15–0.9), up to ${pct(maxSaturated)} saturated (needed: < 10 %); weight gradients of layers 1 and 10 differ by up to ×${fmt(Math.max(worstGradRatio, 1 / worstGradRatio))} (needed: ≤ ×10)`,
  };
});

const XAVIER_RELU = defineClaim(XAVIER_RELU_INFO, (kernels, seeds, _, variant) => {
  const activation = variant === 'claim' ? 'relu' : 'linear';
  const xavierRatio: number[] = [];
  const heRatio: number[] = [];
  const perLayerFactor: number[] = [];
  let xavierFirst: number[] = [];
  let heFirst: number[] = [];
  for (const seed of seeds) {
    const std = (init: 'xavier' | 'he') =>
      actStd(probeStats(kernels, lectureProbe({ seed, activation, init }), PROBE_BATCH));
    const xavier = std('xavier');
    const he = std('he');
    if (seed === seeds[0]) [xavierFirst, heFirst] = [xavier, he];
    xavierRatio.push(xavier[9] / xavier[0]);
    heRatio.push(he[9] / he[0]);
    perLayerFactor.push(mean(xavier.slice(1).map((s, i) => s / xavier[i])));
  }
  const reproduced =
    xavierRatio.every((r) => r < 0.1) && heRatio.every((r) => r >= 0.6 && r <= 1.5);
  return {
    reproduced,
    measured: {
      xavierActStdPerLayer: xavierFirst,
      heActStdPerLayer: heFirst,
      xavierLayer10Over1: rounded(xavierRatio),
      heLayer10Over1: rounded(heRatio),
      xavierFactorPerLayer: rounded(perLayerFactor),
    },
    summary: `${activation}: layer 10 / layer 1 activation std with Xavier ${xavierRatio.map(fmt).join(', ')} (needed: < 0.1; ×${fmt(mean(perLayerFactor))} per layer, 1/√2 ≈ 0.707 in ReLU’s theory), with He ${heRatio.map(fmt).join(', ')} (needed: 0.6–1.5)`,
  };
});

export const INITIALIZATION_CLAIMS: readonly Claim[] = [
  ZEROS_CLAIM,
  SMALL,
  LARGE,
  XAVIER_TANH,
  XAVIER_RELU,
];
