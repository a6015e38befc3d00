/**
 * The page side of ../initialization.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { claimInfo } from './define';
import type { NetworkConfig } from '../../config';
import { probeScene } from './scenes';

/** The lecture's probe at 200 units (its 500 gives the same pictures, 6× slower). */
export function lectureProbe(change: Partial<NetworkConfig>): NetworkConfig {
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

export const PROBE_BATCH = 200;

export const PROBE_NOTE =
  'Measured on a 10-layer × 200 probe (the lecture’s is 10 × 500; same picture).';

export const SMALL_INFO = claimInfo({
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
});

export const LARGE_INFO = claimInfo({
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
});

export const XAVIER_TANH_INFO = claimInfo({
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
});

export const XAVIER_RELU_INFO = claimInfo({
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
});
