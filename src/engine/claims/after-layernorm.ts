/**
 * Layer norm's output for an example does not depend on the rest of the batch (batchnorm's
 * does), and at batch 2 a layer-norm network trains where a batchnorm one does not.
 */
import { buildDataset } from '../data/spec';
import type { Kernels } from '../kernels/kernels';
import { createProbeNetwork } from '../probe';
import { defineClaim, fmt, newTrainer, rounded, train } from './measure';
import { windowMeans } from './papers-measure';
import type { Claim } from './types';
import {
  BATCH_OF_ONE_INFO,
  BETTER,
  DIFFERENT,
  FULL_BATCH,
  type NormKind,
  run,
  SAME,
  SPIRAL,
  STEPS,
} from './info/after-layernorm';

/** Steps per point of the plotted loss curves (batch-2 losses are noisy). */
const WINDOW = 25;

/**
 * Largest difference, over every hidden layer's output, between the first example of a
 * training-mode pass over FULL_BATCH rows and the same example passed alone. The networks are
 * built one after the other: each takes the kernels' heap from its start.
 */
function batchDependence(kernels: Kernels, seed: number, norm: NormKind): number {
  const { network } = run(seed, norm);
  const inBatch = createProbeNetwork(network, FULL_BATCH, kernels);
  inBatch.forward(true, false);
  const first = (net: typeof inBatch) => net.layers.map((l) => l.h.data.slice(0, l.units));
  const row = inBatch.input.data.slice(0, network.inputDim);
  const batched = first(inBatch);
  const alone = createProbeNetwork(network, 1, kernels);
  alone.input.data.set(row);
  alone.forward(true, false);
  let gap = 0;
  first(alone).forEach((h, i) =>
    h.forEach((v, j) => (gap = Math.max(gap, Math.abs(v - batched[i][j])))),
  );
  return gap;
}

/** Trains at the small batch; per-step losses and the loss on the whole training split. */
function trainRun(kernels: Kernels, seed: number, norm: NormKind) {
  const data = buildDataset(SPIRAL, seed);
  const trainer = newTrainer(kernels, run(seed, norm), { ...data, validation: data.train });
  const losses: number[] = [];
  train(trainer, STEPS, () => losses.push(trainer.last.loss));
  return { losses, loss: trainer.divergence ? Infinity : trainer.evaluate().loss };
}

const BATCH_OF_ONE = defineClaim(BATCH_OF_ONE_INFO, (kernels, seeds, _, variant) => {
  // The control puts batchnorm where layer norm was; the other side is batchnorm either way.
  const judged: NormKind = variant === 'claim' ? 'layer' : 'batch';
  const gap: number[] = [];
  const batchGap: number[] = [];
  const judgedLoss: number[] = [];
  const batchLoss: number[] = [];
  let plot: Record<'lossSteps' | 'layerNormLoss' | 'batchNormLoss', number[]> | null = null;
  for (const seed of seeds) {
    gap.push(batchDependence(kernels, seed, judged));
    batchGap.push(batchDependence(kernels, seed, 'batch'));
    const a = trainRun(kernels, seed, judged);
    const b = trainRun(kernels, seed, 'batch');
    judgedLoss.push(a.loss);
    batchLoss.push(b.loss);
    if (seed !== seeds[0] || variant !== 'claim') continue;
    const curve = (losses: number[]) => windowMeans(losses, WINDOW);
    plot = {
      lossSteps: curve(a.losses).map((_, i) => (i + 1) * WINDOW),
      layerNormLoss: curve(a.losses),
      batchNormLoss: curve(b.losses),
    };
  }
  const reproduced =
    gap.every((g) => g < SAME) &&
    batchGap.every((g) => g > DIFFERENT) &&
    judgedLoss.every((l, i) => l <= batchLoss[i] - BETTER);
  const name = judged === 'layer' ? 'layer norm' : 'batchnorm (in place of layer norm)';
  return {
    reproduced,
    plot,
    measured: {
      aloneVsBatchGap: rounded(gap),
      batchNormAloneVsBatchGap: rounded(batchGap),
      finalLoss: rounded(judgedLoss),
      batchNormFinalLoss: rounded(batchLoss),
    },
    summary: `${name}: an example alone vs in a batch of ${FULL_BATCH} differs by ${gap.map(fmt).join(', ')} (needed: < ${SAME}; batchnorm ${batchGap.map(fmt).join(', ')}, needed > ${DIFFERENT}); training loss after ${STEPS} steps at batch 2 ${judgedLoss.map(fmt).join(', ')} against batchnorm’s ${batchLoss.map(fmt).join(', ')} (needed: at least ${BETTER} lower)`,
  };
});

export const LAYERNORM_CLAIMS: readonly Claim[] = [BATCH_OF_ONE];
