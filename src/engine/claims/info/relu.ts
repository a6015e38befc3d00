/**
 * The page side of ../relu.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { claimInfo } from './define';
import { DEAD_UNIT } from '../../glossary';
import type { ActivationName, TrainingConfig } from '../../config';
import { DEAD_RELU_DEMO, type TrainingPreset } from '../../data/presets';
import { trainingScene } from './scenes';

export const LEAKY_TRAINING: Partial<TrainingConfig> = { optimizer: 'adam', learningRate: 0.03 };

export const HIGH_LR_CLIMB = 0.15;

export const HIGH_LR_EARLY = 20;

export const HIGH_LR_STEPS = 1000;

export const LEAKY_STEPS = 300;

export const demo = DEAD_RELU_DEMO;

export function demoRun(preset: TrainingPreset, training: Partial<TrainingConfig> = {}) {
  return {
    network: preset.network,
    training: { ...preset.training, ...training },
  };
}

export function leakyRun(preset: TrainingPreset, activation: ActivationName) {
  const run = demoRun(preset, LEAKY_TRAINING);
  return { ...run, network: { ...run.network, activation } };
}

export const DIES_WITH_HIGH_LR_INFO = claimInfo({
  id: 'relu-dies-with-high-lr',
  chapter: 'activations',
  title: 'A too-high learning rate kills ReLUs while training',
  explanation: `More often than a bad initialization, a too-high learning rate kills ReLUs: a large update knocks a unit’s weights off the data cloud, and ${DEAD_UNIT}. The units die one after another while the network trains. This is the page’s Dead ReLUs demonstration: 3 × 64 ReLUs on the spiral, SGD at rate 1; its control is the same run at rate 0.1.`,
  expected: `On each of 3 seeds, at rate ${demo.training.learningRate}: the dead fraction (of all hidden units, on the monitoring batch) climbs by at least ${Math.round(HIGH_LR_CLIMB * 100)} points within ${HIGH_LR_STEPS} steps, gradually (less than half of the climb in the first ${HIGH_LR_EARLY} steps), without diverging.`,
  show: trainingScene(demoRun(demo), demo.dataset, { speed: 100 }),
  contrast: {
    label: `Now at rate ${demo.moderateLearningRate}`,
    scene: trainingScene(demoRun(demo, { learningRate: demo.moderateLearningRate }), demo.dataset),
  },
  control: {
    description: `the same runs at rate ${demo.moderateLearningRate}`,
    show: trainingScene(demoRun(demo, { learningRate: demo.moderateLearningRate }), demo.dataset),
  },
});

export const NO_DEAD_INFO = claimInfo({
  id: 'leaky-elu-no-dead',
  chapter: 'activations',
  title: 'Leaky ReLU and ELU do not die',
  kind: 'demonstration',
  demonstration:
    'A nonzero slope below zero passes on every nonzero gradient from above, so no unit of leaky ReLU or ELU can get exactly zero gradient on every example: any working engine shows 0 %. What the run shows is ReLU’s count under the same training (the control), and that the other two keep learning even where their units are negative on every example.',
  explanation:
    'Leaky ReLU (slope 0.01 below zero) and ELU (α(eˣ − 1) below zero) keep a nonzero slope for negative inputs, so a unit pushed off the data cloud still gets a gradient and can come back. Their units may still be negative on every example (the dead fraction counts those too), but unlike ReLU’s they keep learning. Trained here with Adam at 0.03, a high rate, on the Dead ReLUs network; ELU diverges at that demo’s SGD rate 1, so that rate would not compare the three. Validation accuracy is reported, not judged: on the spiral a network with dead units can still fit.',
  expected: `On each of 3 seeds, after ${LEAKY_STEPS} Adam steps at rate 0.03 on the Dead ReLUs network (3 × 64, spiral), for each activation tested (leaky ReLU and ELU): no unit gets exactly zero gradient on every monitoring example, also among the units that are negative on every example, and no run diverges.`,
  show: trainingScene(leakyRun(demo, 'leaky-relu'), demo.dataset),
  contrast: {
    label: 'Compare with ReLU',
    scene: trainingScene(leakyRun(demo, 'relu'), demo.dataset),
  },
  control: {
    description: 'the same training and criterion with ReLU as the activation tested',
    show: trainingScene(leakyRun(demo, 'relu'), demo.dataset),
  },
});
