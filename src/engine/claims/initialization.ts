/**
 * Weight initialization: zeros (symmetry, initialization-zeros.ts), small (collapse), large (saturation), Xavier for tanh,
 * and He where Xavier fails, ReLU. The probes are 10 layers like the lecture's, 200 wide.
 */
import type { NetworkConfig } from '../config';
import type { LayerStats } from '../stats';
import { defineClaim, fmt, mean, pct, probeScene, probeStats, rounded } from './measure';
import { ZEROS_CLAIM } from './initialization-zeros';
import type { Claim } from './types';

/** The lecture's probe at 200 units (its 500 gives the same pictures, 6× slower). */
function lectureProbe(change: Partial<NetworkConfig>): NetworkConfig {
  return {
    inputDim: 200,
    depth: 10,
    width: 200,
    activation: 'tanh',
    init: 'small',
    initScale: 1,
    batchnorm: false,
    classes: 10,
    seed: 1,
    ...change,
  };
}
const PROBE_BATCH = 200;
const PROBE_NOTE = 'Measured on a 10-layer × 200 probe (the lecture’s is 10 × 500; same picture).';

const actStd = (layers: LayerStats[]) => layers.map((l) => l.act.std);
const gradWStd = (layers: LayerStats[]) => layers.map((l) => l.grad_w_std);

/** Per layer, whether the activation std at least halves from the layer below (layer 1: true). */
function halvingLayers(std: readonly number[]): boolean[] {
  return std.map((s, i) => i === 0 || s <= std[i - 1] / 2);
}

const SMALL = defineClaim(
  {
    id: 'small-init-collapses',
    chapter: 'initialization',
    title: 'Small weights: activations collapse to zero',
    explanation: `With weights 0.01·N(0,1), each tanh layer multiplies its input’s scale by about 0.01·√fan_in, far below 1, so the activations shrink layer after layer toward zero. Going backward the gradient is multiplied by the same small weights, and each layer’s weight gradient (its input times the gradient from above) is tiny everywhere: the network barely learns. ${PROBE_NOTE}`,
    expected:
      'With small (0.01·N(0,1)) weights, on each of 3 seeds: the activation std at least halves from each layer to the next and is below 1e-5 at layer 10, and every layer’s std(∂L/∂W) is below 1e-6.',
    show: probeScene(lectureProbe({}), PROBE_BATCH),
    control: {
      description: 'the same probe with Xavier weights',
      show: probeScene(lectureProbe({ init: 'xavier' }), PROBE_BATCH),
    },
  },
  (kernels, seeds, _, variant) => {
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
  },
);

const LARGE = defineClaim(
  {
    id: 'large-init-saturates',
    chapter: 'initialization',
    title: 'Large weights: tanh saturates at ±1',
    explanation: `With weights N(0,1), each unit sums hundreds of inputs into a value far beyond tanh’s linear range, so nearly every activation sits at −1 or +1 where the slope 1 − h² is almost 0. The lecture concludes the gradients are then all zero; the saturated units’ local gradients are, but the weight gradients measured here are large in the lower layers, carried back by the few units left in the linear range and multiplied by the large weights: noisy, not informative. ${PROBE_NOTE}`,
    expected:
      'With large (N(0,1)) weights, on each of 3 seeds: in every layer at least 85 % of the activations are saturated (|h| > 0.97) and the mean local slope 1 − h² is below 0.1.',
    show: probeScene(lectureProbe({ init: 'large' }), PROBE_BATCH),
    control: {
      description: 'the same probe with Xavier weights',
      show: probeScene(lectureProbe({ init: 'xavier' }), PROBE_BATCH),
    },
  },
  (kernels, seeds, _, variant) => {
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
  },
);

const XAVIER_TANH = defineClaim(
  {
    id: 'xavier-keeps-tanh',
    chapter: 'initialization',
    title: 'Xavier keeps tanh activations alive',
    explanation: `Xavier initialization scales the weights by 1/√fan_in so that a layer keeps the variance of its input, assuming a linear unit. tanh is linear near 0, so the activations stay in a healthy range through all ten layers: neither collapsed nor saturated, slowly shrinking because tanh is below linear away from 0. ${PROBE_NOTE}`,
    expected:
      'With Xavier weights, on each of 3 seeds: every layer’s activation std is between 0.15 and 0.9 (about 0.6 at layer 1, 0.2 at layer 10), under 10 % of the activations are saturated in every layer, and std(∂L/∂W) at layer 1 is within a factor of 10 of layer 10’s.',
    show: probeScene(lectureProbe({ init: 'xavier' }), PROBE_BATCH),
    control: {
      description: 'the same probe with small (0.01·N(0,1)) weights',
      show: probeScene(lectureProbe({ init: 'small' }), PROBE_BATCH),
    },
  },
  (kernels, seeds, _, variant) => {
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
  },
);

const XAVIER_RELU = defineClaim(
  {
    id: 'xavier-breaks-relu-he-fixes',
    chapter: 'initialization',
    title: 'ReLU: Xavier collapses with depth, He fixes it',
    explanation: `Xavier’s 1/√fan_in assumes a unit that passes its whole input; ReLU zeroes half of it, halving the variance at every layer, so the activations shrink by about 1/√2 per layer and collapse with depth. He et al.’s √(2/fan_in) doubles the variance to make up for the half that is lost, and the scale holds through all ten layers. ${PROBE_NOTE}`,
    expected:
      'With ReLU units, on each of 3 seeds: with Xavier weights the activation std at layer 10 is less than a tenth of layer 1’s; with He weights it stays between 0.6 and 1.5 times layer 1’s.',
    show: probeScene(lectureProbe({ activation: 'relu', init: 'xavier' }), PROBE_BATCH),
    contrast: {
      label: 'Now with He',
      scene: probeScene(lectureProbe({ activation: 'relu', init: 'he' }), PROBE_BATCH),
    },
    control: {
      description: 'linear units, which zero nothing, with the same Xavier and He weights',
      show: probeScene(lectureProbe({ activation: 'linear', init: 'xavier' }), PROBE_BATCH),
    },
  },
  (kernels, seeds, _, variant) => {
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
  },
);

export const INITIALIZATION_CLAIMS: readonly Claim[] = [
  ZEROS_CLAIM,
  SMALL,
  LARGE,
  XAVIER_TANH,
  XAVIER_RELU,
];
