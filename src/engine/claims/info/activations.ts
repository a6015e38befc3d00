/**
 * The page side of ../activations.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { ACT, GRAD, claimInfo } from './define';
import type { NetworkConfig } from '../../config';
import { probeScene } from './scenes';

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

export const SATURATES_INFO = claimInfo({
  id: 'sigmoid-saturates',
  chapter: 'activations',
  title: 'Saturated sigmoids kill the gradient',
  explanation:
    'The sigmoid squashes its input into (0, 1) and is flat at both ends: where |z| is large its slope σ(z)(1 − σ(z)) is almost zero, so almost no gradient flows back through the unit. Large weights push most units there. Checked on a 5-layer × 300 probe (smaller than the lecture’s 10 × 500: saturation only needs wide enough layers).',
  expected:
    'With large (N(0,1)) weights, on each of 3 seeds, every layer has at least 2/3 of its activations in the flat tails (h < 0.03 or > 0.97) and a mean local slope σ′ = h(1 − h) below 0.05, a fifth of its 0.25 peak.',
  show: probeScene(probeConfig({}), PROBE_BATCH),
  control: {
    description: 'the same sigmoid probe with Xavier weights, whose pre-activations stay near 0',
    show: probeScene(probeConfig({ init: 'xavier' }), PROBE_BATCH),
  },
});

export const NOT_ZERO_CENTRED_INFO = claimInfo({
  id: 'sigmoid-not-zero-centred',
  chapter: 'activations',
  title: 'Sigmoid outputs are all positive: gradients zig-zag',
  explanation:
    'A unit whose inputs are all positive (the outputs of a sigmoid layer) gets, for each example, a weight gradient x·∂L/∂z whose entries all share the sign of ∂L/∂z. Its weights can then only all grow or all shrink together: in 2-D only two quadrants of directions are allowed, so reaching weights like (1, −1) takes a zig-zag of steps. Measured on a 3-layer × 100 probe with Xavier weights.',
  expected:
    'On each of 3 seeds, with sigmoid units: in hidden layers 2 and 3 (whose inputs are the layer below’s outputs) at least 99 % of the per-example weight-gradient columns are single-signed; and in the 2-D picture (two weights, inputs of the same kind, all positive, target (1, −1)) every step moves both weights the same way (20 steps per seed, pooled).',
  show: probeScene(probeConfig({ init: 'xavier', depth: 3, width: 100, inputDim: 100 }), 100),
  control: {
    description:
      'tanh units, whose outputs have both signs (and zero-centred inputs in the 2-D picture)',
    show: probeScene(
      probeConfig({ activation: 'tanh', init: 'xavier', depth: 3, width: 100, inputDim: 100 }),
      100,
    ),
  },
  kind: 'demonstration',
  demonstration:
    'every sigmoid output is positive, so x·∂L/∂z has the sign of ∂L/∂z in every entry and each 2-D step −rate·residual·x moves both weights alike: any correct engine gives 100 %. The control shows the criterion is not true of every setting.',
  // The lecture's picture: the 2-D weight path, all-positive inputs against centred ones.
  verdictChart: {
    x: 'zigzagW1',
    series: [
      { key: 'zigzagW2', x: 'zigzagW1', name: 'all-positive inputs', color: GRAD },
      { key: 'centredW2', x: 'centredW1', name: 'zero-centred inputs', color: ACT, dashed: true },
    ],
    xTitle: 'w₁',
    yTitle: 'w₂',
  },
});

export const TANH_ZERO_CENTRED_INFO = claimInfo({
  id: 'tanh-zero-centred',
  chapter: 'activations',
  title: 'tanh is zero-centred',
  explanation:
    'tanh squashes into (−1, 1) and is symmetric about 0, so a layer’s outputs have both signs and the next layer’s weight gradients are no longer forced to one sign. It still saturates like the sigmoid when its inputs are large. Measured on a 5-layer × 200 probe with Xavier weights.',
  expected:
    'On each of 3 seeds, with tanh units: every layer’s mean activation is within 0.05 of 0 while its std stays above 0.1, and at most 1 % of the per-example weight-gradient columns in layers 2–5 are single-signed.',
  show: probeScene(
    probeConfig({ activation: 'tanh', init: 'xavier', width: 200, inputDim: 200 }),
    PROBE_BATCH,
  ),
  control: {
    description: 'sigmoid units, whose outputs are all positive',
    show: probeScene(probeConfig({ init: 'xavier', width: 200, inputDim: 200 }), PROBE_BATCH),
  },
  kind: 'demonstration',
  demonstration:
    'tanh is odd and the probe’s inputs and weights are symmetric about 0, so any correct engine gives layer means of 0 up to sampling noise and outputs of both signs. The control shows the criterion is not true of every activation.',
});
