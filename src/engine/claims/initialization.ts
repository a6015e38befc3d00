/**
 * Weight initialization: zeros (symmetry), small (collapse), large (saturation), Xavier for tanh,
 * and He where Xavier fails, ReLU. The probes are 10 layers like the lecture's, 200 wide.
 */
import type { NetworkConfig, TrainingConfig } from '../config';
import { createDataset, type DatasetSpec } from '../data/index';
import type { LayerStats } from '../stats';
import {
  defineClaim,
  fmt,
  mean,
  newTrainer,
  pct,
  probeScene,
  probeStats,
  rounded,
  train,
  trainingScene,
} from './measure';
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

const SYMMETRY_STEPS = 300;
const SYMMETRY_DATA: DatasetSpec = { name: 'spiral', seed: 1 };

function symmetryRun(seed: number, init: 'zeros' | 'xavier') {
  const network: NetworkConfig = {
    inputDim: 2,
    depth: 2,
    width: 16,
    activation: 'sigmoid',
    init,
    initScale: 1,
    batchnorm: false,
    classes: 3,
    seed,
  };
  const training: TrainingConfig = { optimizer: 'sgd', learningRate: 0.5, l2: 0, batchSize: 32 };
  return { network, training };
}

const ZEROS = defineClaim(
  {
    id: 'zeros-init-symmetry',
    chapter: 'initialization',
    title: 'All-zero weights: every unit stays the same',
    explanation:
      'With every weight 0, all units of a layer compute the same output and receive the same gradient, so every update keeps them equal: the layer behaves like a single unit however long you train. Nothing breaks the symmetry; random initial weights do. Shown with sigmoid units (a zero-weight tanh or ReLU layer outputs 0 and gets no weight gradient at all) training on the spiral.',
    expected: `On each of 3 seeds, after ${SYMMETRY_STEPS} SGD steps (rate 0.5) of a 2 × 16 sigmoid network from all-zero weights: in every hidden layer all units’ weights and biases are identical (largest difference at most 1e-6 of the weights’ scale) while the weights have moved away from 0 (mean |W| above 1e-4).`,
    show: trainingScene(symmetryRun(1, 'zeros'), SYMMETRY_DATA),
    contrast: {
      label: 'Now with Xavier',
      scene: trainingScene(symmetryRun(1, 'xavier'), SYMMETRY_DATA),
    },
  },
  (kernels, seeds) => {
    let worstSpread = 0;
    let smallestScale = Infinity;
    const accuracy: number[] = [];
    const xavierAccuracy: number[] = [];
    for (const seed of seeds) {
      const data = createDataset({ ...SYMMETRY_DATA, seed });
      const trainer = newTrainer(kernels, symmetryRun(seed, 'zeros'), data);
      train(trainer, SYMMETRY_STEPS);
      for (const layer of trainer.net.layers) {
        const w = layer.weight.value.data;
        const b = layer.bias.value.data;
        let spread = 0;
        let scale = 0;
        for (let c = 0; c < layer.cols; c++) {
          spread = Math.max(spread, Math.abs(b[c] - b[0]));
          for (let f = 0; f < layer.fanIn; f++) {
            const v = w[f * layer.cols + c];
            spread = Math.max(spread, Math.abs(v - w[f * layer.cols]));
            scale += Math.abs(v) / w.length;
          }
        }
        worstSpread = Math.max(worstSpread, scale > 0 ? spread / scale : Infinity);
        smallestScale = Math.min(smallestScale, scale);
      }
      accuracy.push(trainer.evaluate().accuracy);
      const xavier = newTrainer(kernels, symmetryRun(seed, 'xavier'), data);
      train(xavier, SYMMETRY_STEPS);
      xavierAccuracy.push(xavier.evaluate().accuracy);
    }
    const reproduced = worstSpread <= 1e-6 && smallestScale > 1e-4;
    const identical =
      worstSpread === 0
        ? 'are identical bit for bit'
        : `differ by at most ${fmt(worstSpread)} of the weights’ scale (≤ 1e-6)`;
    return {
      reproduced,
      measured: {
        largestRelativeDifference: worstSpread,
        smallestMeanAbsWeight: smallestScale,
        validationAccuracy: rounded(accuracy),
        xavierValidationAccuracy: rounded(xavierAccuracy),
      },
      summary: `after ${SYMMETRY_STEPS} steps the units of each layer ${identical} though mean |W| reached ${fmt(smallestScale)}; validation accuracy ${accuracy.map(pct).join(', ')} (Xavier: ${xavierAccuracy.map(pct).join(', ')})`,
    };
  },
);

const SMALL = defineClaim(
  {
    id: 'small-init-collapses',
    chapter: 'initialization',
    title: 'Small weights: activations collapse to zero',
    explanation: `With weights 0.01·N(0,1), each tanh layer multiplies its input’s scale by about 0.01·√fan_in, far below 1, so the activations shrink layer after layer toward zero. Going backward the gradient is multiplied by the same small weights, and each layer’s weight gradient (its input times the gradient from above) is tiny everywhere: the network barely learns. ${PROBE_NOTE}`,
    expected:
      'On each of 3 seeds: the activation std at least halves from each layer to the next and is below 1e-5 at layer 10, and every layer’s std(∂L/∂W) is below 1e-6 (against above 1e-4 in every layer with Xavier weights).',
    show: probeScene(lectureProbe({}), PROBE_BATCH),
    contrast: {
      label: 'Now with Xavier',
      scene: probeScene(lectureProbe({ init: 'xavier' }), PROBE_BATCH),
    },
  },
  (kernels, seeds) => {
    let halving = true;
    let top = 0;
    let largestGrad = 0;
    let xavierSmallestGrad = Infinity;
    let first: LayerStats[] = [];
    for (const seed of seeds) {
      const layers = probeStats(kernels, lectureProbe({ seed }), PROBE_BATCH);
      if (seed === seeds[0]) first = layers;
      const std = actStd(layers);
      for (let i = 1; i < std.length; i++) if (!(std[i] <= std[i - 1] / 2)) halving = false;
      top = Math.max(top, std[std.length - 1]);
      largestGrad = Math.max(largestGrad, ...gradWStd(layers));
      const xavier = probeStats(kernels, lectureProbe({ seed, init: 'xavier' }), PROBE_BATCH);
      xavierSmallestGrad = Math.min(xavierSmallestGrad, ...gradWStd(xavier));
    }
    const reproduced = halving && top < 1e-5 && largestGrad < 1e-6 && xavierSmallestGrad > 1e-4;
    return {
      reproduced,
      measured: {
        actStdPerLayer: actStd(first),
        gradWStdPerLayer: gradWStd(first),
        layer10ActStd: top,
        largestGradWStd: largestGrad,
        xavierSmallestGradWStd: xavierSmallestGrad,
      },
      summary: `activation std ${fmt(first[0].act.std)} at layer 1, at most ${fmt(top)} at layer 10 (< 1e-5), at least halving each layer; std(∂L/∂W) at most ${fmt(largestGrad)} (< 1e-6) against at least ${fmt(xavierSmallestGrad)} with Xavier`,
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
      'On each of 3 seeds: in every layer at least 85 % of the activations are saturated (|h| > 0.97) and the mean local slope 1 − h² is below 0.1.',
    show: probeScene(lectureProbe({ init: 'large' }), PROBE_BATCH),
    contrast: {
      label: 'Now with Xavier',
      scene: probeScene(lectureProbe({ init: 'xavier' }), PROBE_BATCH),
    },
  },
  (kernels, seeds) => {
    let minSaturated = 1;
    let maxSlope = 0;
    let first: LayerStats[] = [];
    for (const seed of seeds) {
      const layers = probeStats(kernels, lectureProbe({ seed, init: 'large' }), PROBE_BATCH);
      if (seed === seeds[0]) first = layers;
      minSaturated = Math.min(minSaturated, ...layers.map((l) => l.saturated));
      // tanh′ = 1 − h², so the mean slope is 1 − E[h²] = 1 − (std² + mean²).
      const slopes = layers.map((l) => 1 - (l.act.std ** 2 + l.act.mean ** 2));
      maxSlope = Math.max(maxSlope, ...slopes);
    }
    const reproduced = minSaturated >= 0.85 && maxSlope < 0.1;
    return {
      reproduced,
      measured: {
        saturatedPerLayer: first.map((l) => l.saturated),
        actStdPerLayer: actStd(first),
        gradWStdPerLayer: gradWStd(first),
        minSaturated,
        maxMeanSlope: maxSlope,
      },
      summary: `at least ${pct(minSaturated)} saturated in every layer (≥ 85 %), mean slope 1 − h² at most ${fmt(maxSlope)} (< 0.1); std(∂L/∂W) ${fmt(first[first.length - 1].grad_w_std)} at layer 10, ${fmt(first[0].grad_w_std)} at layer 1`,
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
      'On each of 3 seeds: every layer’s activation std is between 0.15 and 0.9 (about 0.6 at layer 1, 0.2 at layer 10), under 10 % of the activations are saturated in every layer, and std(∂L/∂W) at layer 1 is within a factor of 10 of layer 10’s.',
    show: probeScene(lectureProbe({ init: 'xavier' }), PROBE_BATCH),
  },
  (kernels, seeds) => {
    let low = Infinity;
    let high = 0;
    let maxSaturated = 0;
    let worstGradRatio = 1;
    let first: LayerStats[] = [];
    for (const seed of seeds) {
      const layers = probeStats(kernels, lectureProbe({ seed, init: 'xavier' }), PROBE_BATCH);
      if (seed === seeds[0]) first = layers;
      low = Math.min(low, ...actStd(layers));
      high = Math.max(high, ...actStd(layers));
      maxSaturated = Math.max(maxSaturated, ...layers.map((l) => l.saturated));
      const ratio = layers[0].grad_w_std / layers[layers.length - 1].grad_w_std;
      if (Math.abs(Math.log10(ratio)) > Math.abs(Math.log10(worstGradRatio)))
        worstGradRatio = ratio;
    }
    const reproduced =
      low >= 0.15 && high <= 0.9 && maxSaturated < 0.1 && Math.abs(Math.log10(worstGradRatio)) <= 1;
    return {
      reproduced,
      measured: {
        actStdPerLayer: actStd(first),
        gradWStdPerLayer: gradWStd(first),
        smallestActStd: low,
        largestActStd: high,
        maxSaturated,
        gradWRatioLayer1To10: worstGradRatio,
      },
      summary: `activation std from ${fmt(first[0].act.std)} at layer 1 to ${fmt(first[first.length - 1].act.std)} at layer 10 (all seeds within ${fmt(low)}–${fmt(high)}), at most ${pct(maxSaturated)} saturated; weight gradients of layers 1 and 10 within ×${fmt(Math.max(worstGradRatio, 1 / worstGradRatio))}`,
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
      'On each of 3 seeds: with Xavier the activation std at layer 10 is less than a tenth of layer 1’s; with He it stays between 0.6 and 1.5 times layer 1’s.',
    show: probeScene(lectureProbe({ activation: 'relu', init: 'xavier' }), PROBE_BATCH),
    contrast: {
      label: 'Now with He',
      scene: probeScene(lectureProbe({ activation: 'relu', init: 'he' }), PROBE_BATCH),
    },
  },
  (kernels, seeds) => {
    const xavierRatio: number[] = [];
    const heRatio: number[] = [];
    const perLayerFactor: number[] = [];
    let xavierFirst: number[] = [];
    let heFirst: number[] = [];
    for (const seed of seeds) {
      const xavier = actStd(
        probeStats(
          kernels,
          lectureProbe({ seed, activation: 'relu', init: 'xavier' }),
          PROBE_BATCH,
        ),
      );
      const he = actStd(
        probeStats(kernels, lectureProbe({ seed, activation: 'relu', init: 'he' }), PROBE_BATCH),
      );
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
      summary: `layer 10 / layer 1 activation std: Xavier ${xavierRatio.map(fmt).join(', ')} (< 0.1; ×${fmt(mean(perLayerFactor))} per layer, 1/√2 ≈ 0.707 in theory), He ${heRatio.map(fmt).join(', ')} (0.6–1.5)`,
    };
  },
);

export const INITIALIZATION_CLAIMS: readonly Claim[] = [
  ZEROS,
  SMALL,
  LARGE,
  XAVIER_TANH,
  XAVIER_RELU,
];
