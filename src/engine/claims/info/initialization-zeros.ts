/**
 * The page side of ../initialization-zeros.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { claimInfo } from './define';
import type { NetworkConfig, TrainingConfig } from '../../config';
import type { DatasetSpec } from '../../data/index';
import { trainingScene } from './scenes';

export const SYMMETRY_DATA: DatasetSpec = { name: 'spiral' };

export const SYMMETRY_STEPS = 300;

export function symmetryRun(seed: number, init: 'zeros' | 'xavier') {
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

export const ZEROS_INFO = claimInfo({
  id: 'zeros-init-symmetry',
  chapter: 'initialization',
  title: 'All-zero weights: every unit stays the same',
  explanation:
    'With every weight 0, all units of a layer compute the same output and receive the same gradient, so every update keeps them equal: the layer behaves like a single unit however long you train. Nothing breaks the symmetry; random initial weights do. Shown with sigmoid units (a zero-weight tanh or ReLU layer outputs 0 and gets no weight gradient at all) training on the spiral.',
  expected: `On each of 3 seeds, after ${SYMMETRY_STEPS} SGD steps (rate 0.5) of a 2 × 16 sigmoid network from all-zero weights: in every hidden layer all units’ weights and biases are identical (largest difference at most 1e-6 of the weights’ scale) while the weights have moved away from 0 (mean |W| above 1e-4).`,
  show: trainingScene(symmetryRun(1, 'zeros'), SYMMETRY_DATA),
  control: {
    description: 'random (Xavier) initial weights, which differ from unit to unit',
    show: trainingScene(symmetryRun(1, 'xavier'), SYMMETRY_DATA),
  },
  kind: 'demonstration',
  demonstration:
    'units that start equal compute the same output from the same input and get the same gradient, so exact arithmetic keeps them equal: any correct engine passes. The control shows the criterion fails once the start differs.',
});
