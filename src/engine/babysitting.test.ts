import { describe, expect, it } from 'vitest';
import { babysit } from './babysitting';
import type { NetworkConfig } from './config';
import { buildDataset } from './data';
import { createKernels, defaultBackend } from './kernels';

describe('babysitting checklist', () => {
  it('on a sane ReLU network and the spiral: every step passes, and the range test spans barely-moving to learning', () => {
    const network: NetworkConfig = {
      inputDim: 2,
      depth: 2,
      width: 32,
      activation: 'relu',
      init: 'he',
      initScale: 1,
      batchnorm: false,
      classes: 3,
      seed: 1,
    };
    const data = buildDataset({ name: 'spiral' }, 1);
    const steps = [
      ...babysit(
        createKernels(defaultBackend()),
        network,
        { optimizer: 'sgd', learningRate: 0.1, l2: 0, batchSize: 32 },
        data,
      ),
    ];
    expect(steps.map((s) => s.id)).toEqual([
      'initial-loss',
      'regularization',
      'overfit',
      'lr-range',
    ]);
    for (const step of steps) expect(step.passed, `${step.id}: ${step.summary}`).toBe(true);
    const range = steps[3];
    expect(range.rates).toHaveLength(8);
    // Too low a rate barely moves the loss; a good one lowers it a lot.
    const initial = Number(/loss ([\d.]+)/.exec(steps[0].summary)![1]);
    expect(Math.abs(range.losses![0] - initial) / initial).toBeLessThan(0.01);
    expect(Math.min(...range.losses!.filter(Number.isFinite))).toBeLessThan(0.5 * initial);
  });

  it('flags large output weights: the initial loss is far above ln C', () => {
    const network: NetworkConfig = {
      inputDim: 2,
      depth: 2,
      width: 32,
      activation: 'tanh',
      init: 'large',
      initScale: 1,
      batchnorm: false,
      classes: 3,
      seed: 1,
    };
    const data = buildDataset({ name: 'spiral' }, 1);
    const first = babysit(
      createKernels(defaultBackend()),
      network,
      { optimizer: 'sgd', learningRate: 0.1, l2: 0, batchSize: 32 },
      data,
    ).next().value!;
    expect(first.passed).toBe(false);
  });
});
