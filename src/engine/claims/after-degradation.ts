/**
 * He et al. (2016), Fig. 1, in MLP form: 30 plain ReLU layers reach a higher training loss than
 * 6 in the same steps; with residual connections the 30 layers do at least as well.
 */
import { buildDataset } from '../data/spec';
import type { Kernels } from '../kernels/kernels';
import { defineClaim, fmt, newTrainer, rounded, train } from './measure';
import { windowMeans } from './papers-measure';
import type { Claim } from './types';
import {
  DEEP,
  DEGRADATION_INFO,
  DEGRADED,
  MARGIN,
  run,
  SHALLOW,
  SPIRAL,
  STEPS,
} from './info/after-degradation';

/** Steps per point of the plotted loss curves. */
const WINDOW = 20;

/** Trains one network; its per-step losses and the loss on the whole training split. */
function trainRun(kernels: Kernels, seed: number, depth: number, residual: boolean) {
  const data = buildDataset(SPIRAL, seed);
  const trainer = newTrainer(kernels, run(seed, depth, residual), {
    ...data,
    validation: data.train,
  });
  const losses: number[] = [];
  train(trainer, STEPS, () => losses.push(trainer.last.loss));
  const loss = trainer.divergence ? Infinity : trainer.evaluate().loss;
  return { losses, loss };
}

const DEGRADATION = defineClaim(DEGRADATION_INFO, (kernels, seeds, _, variant) => {
  // The control puts residual connections in both networks: the same depths, no degradation.
  const skips = variant === 'control';
  const shallow: number[] = [];
  const deep: number[] = [];
  const residual: number[] = [];
  let plot: Record<'lossSteps' | 'shallowLoss' | 'deepLoss' | 'residualLoss', number[]> | null =
    null;
  for (const seed of seeds) {
    const a = trainRun(kernels, seed, SHALLOW, skips);
    const b = trainRun(kernels, seed, DEEP, skips);
    shallow.push(a.loss);
    deep.push(b.loss);
    if (skips) continue;
    const c = trainRun(kernels, seed, DEEP, true);
    residual.push(c.loss);
    if (seed !== seeds[0]) continue;
    const curve = (losses: number[]) => windowMeans(losses, WINDOW);
    plot = {
      lossSteps: curve(a.losses).map((_, i) => (i + 1) * WINDOW),
      shallowLoss: curve(a.losses),
      deepLoss: curve(b.losses),
      residualLoss: curve(c.losses),
    };
  }
  const degraded = deep.every((d, i) => d >= DEGRADED * shallow[i]);
  const fixed = residual.every((r, i) => r <= shallow[i] + MARGIN);
  const kind = skips ? 'residual' : 'plain';
  const fix = skips
    ? ''
    : `; 30 residual layers ${residual.map(fmt).join(', ')} (needed: ≤ 6 plain + ${MARGIN})`;
  return {
    reproduced: degraded && fixed,
    plot,
    measured: {
      shallowFinalLoss: rounded(shallow),
      deepFinalLoss: rounded(deep),
      deepOverShallow: rounded(deep.map((d, i) => d / shallow[i])),
      ...(skips ? {} : { residualFinalLoss: rounded(residual) }),
    },
    summary: `training loss after ${STEPS} steps: ${SHALLOW} ${kind} layers ${shallow.map(fmt).join(', ')}, ${DEEP} ${kind} layers ${deep.map(fmt).join(', ')} (needed: ≥ ${DEGRADED}×)${fix}`,
  };
});

export const DEGRADATION_CLAIMS: readonly Claim[] = [DEGRADATION];
