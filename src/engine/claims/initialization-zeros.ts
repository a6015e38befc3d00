/**
 * Weight initialization, part 1: all-zero weights keep every unit of a layer the same (a
 * demonstration: exact arithmetic guarantees it), against random weights that differ.
 */
import type { NetworkConfig, TrainingConfig } from '../config';
import { createDataset, type DatasetSpec } from '../data/index';
import type { Network } from '../network';
import { defineClaim, fmt, newTrainer, pct, rounded, train, trainingScene } from './measure';
import type { Claim } from './types';

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

/** Largest difference between two units' weights or biases of a layer, over mean |W|. */
function unitSpread(net: Network) {
  let worst = 0;
  let smallestScale = Infinity;
  for (const layer of net.layers) {
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
    worst = Math.max(worst, scale > 0 ? spread / scale : Infinity);
    smallestScale = Math.min(smallestScale, scale);
  }
  return { worst, smallestScale };
}

export const ZEROS_CLAIM: Claim = defineClaim(
  {
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
  },
  (kernels, seeds, _, variant) => {
    const init = variant === 'claim' ? 'zeros' : 'xavier';
    let worstSpread = 0;
    let smallestScale = Infinity;
    const accuracy: number[] = [];
    for (const seed of seeds) {
      const data = createDataset({ ...SYMMETRY_DATA, seed });
      const trainer = newTrainer(kernels, symmetryRun(seed, init), data);
      train(trainer, SYMMETRY_STEPS);
      const { worst, smallestScale: scale } = unitSpread(trainer.net);
      worstSpread = Math.max(worstSpread, worst);
      smallestScale = Math.min(smallestScale, scale);
      accuracy.push(trainer.evaluate().accuracy);
    }
    const identical =
      worstSpread === 0
        ? 'are identical bit for bit'
        : `differ by up to ${fmt(worstSpread)} of the weights’ scale (needed: ≤ 1e-6)`;
    return {
      reproduced: worstSpread <= 1e-6 && smallestScale > 1e-4,
      measured: {
        largestRelativeDifference: worstSpread,
        smallestMeanAbsWeight: smallestScale,
        validationAccuracy: rounded(accuracy),
      },
      summary: `${init === 'zeros' ? 'all-zero' : 'Xavier'} start: after ${SYMMETRY_STEPS} steps the units of each layer ${identical}, mean |W| ${fmt(smallestScale)} or more (needed: > 1e-4); validation accuracy ${accuracy.map(pct).join(', ')}`,
    };
  },
);
