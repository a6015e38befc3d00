/**
 * The page side of ../maxout.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { claimInfo } from './define';
import { PROBE_BATCH, probeConfig } from './activations';
import { probeScene } from './scenes';

export const MAXOUT_SMALL = { depth: 3, width: 100, inputDim: 100, init: 'large' } as const;

export const MAXOUT_INFO = claimInfo({
  id: 'maxout-no-saturation',
  chapter: 'activations',
  title: 'Maxout does not saturate, at twice the parameters',
  explanation:
    'A maxout unit outputs the larger of two linear functions of its input. It is piecewise linear, so the winning piece always passes the gradient with slope 1: it neither saturates like tanh nor dies like ReLU, even with large weights. The price: two weight vectors and biases per unit, twice the parameters. Measured on a 3-layer × 100 probe with large weights.',
  expected:
    'On each of 3 seeds, with large (N(0,1)) weights and maxout units: in every layer 100 % of unit-examples pass the gradient with a local slope of at least 0.06 (1 − 0.97², where tanh’s flat tails begin), and the hidden layers hold exactly twice the parameters of the same network with ReLU units.',
  show: probeScene(probeConfig({ ...MAXOUT_SMALL, activation: 'maxout' }), PROBE_BATCH),
  control: {
    description: 'tanh units, which saturate, with the same large weights',
    show: probeScene(probeConfig({ ...MAXOUT_SMALL, activation: 'tanh' }), PROBE_BATCH),
  },
  kind: 'demonstration',
  demonstration:
    'a maxout unit’s output is one of its linear pieces, so its local slope is exactly 1 on every example, and two pieces per unit double the parameters by construction: any correct engine passes. The control shows the criterion fails for an activation that saturates.',
});
