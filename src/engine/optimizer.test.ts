/**
 * AdamW on every backend: decoupled weight decay shrinks each weight matrix by exactly
 * (1 − lr·decay) a step when the gradient is zero (rounded once to float32), leaves biases alone,
 * and a decay of 0 is Adam as it was, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkConfig, TrainingConfig } from './config';
import { createKernels } from './kernels';
import type { BackendName } from './kernels/kernels';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPS, Optimizer } from './optimizer';
import { createProbeNetwork } from './probe';
import { testBackends } from './testing';

const NET: NetworkConfig = {
  inputDim: 4,
  depth: 3,
  width: 7,
  activation: 'tanh',
  init: 'xavier',
  initScale: 1,
  batchnorm: false,
  layernorm: true,
  residual: true,
  branchScale: 'rezero',
  classes: 3,
  seed: 2,
};
type Settings = Pick<TrainingConfig, 'optimizer' | 'learningRate' | 'weightDecay'>;

function setup(backend: BackendName, settings: Settings) {
  const net = createProbeNetwork(NET, 8, createKernels(backend));
  return { net, optimizer: new Optimizer(net, settings) };
}

/** Adam's step as the ts kernel computed it before weight decay existed (float64, one rounding). */
function referenceAdam(
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  t: number,
  lr: number,
) {
  const c1 = 1 - Math.pow(ADAM_BETA1, t);
  const c2 = 1 - Math.pow(ADAM_BETA2, t);
  for (let i = 0; i < w.length; i++) {
    m[i] = ADAM_BETA1 * m[i] + (1 - ADAM_BETA1) * g[i];
    v[i] = ADAM_BETA2 * v[i] + (1 - ADAM_BETA2) * g[i] * g[i];
    w[i] += (-lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + ADAM_EPS);
  }
}

describe.each(testBackends())('AdamW on the %s backend', (backend) => {
  it('with zero gradients the weights shrink by exactly (1 − lr·decay) a step; nothing else moves', () => {
    const lr = 0.01;
    const decay = 0.1;
    const { net, optimizer } = setup(backend, {
      optimizer: 'adam',
      learningRate: lr,
      weightDecay: decay,
    });
    const params = net.parameters();
    for (let step = 0; step < 5; step++) {
      const before = params.map((p) => Array.from(p.value.data));
      for (const p of params) p.grad.data.fill(0);
      optimizer.apply();
      params.forEach((p, k) => {
        const after = p.value.data;
        for (let i = 0; i < after.length; i++) {
          const w = before[k][i];
          if (!p.isWeight) {
            expect(after[i]).toBe(w);
            continue;
          }
          // One rounding of w − lr·decay·w, within half a float32 ulp of w·(1 − lr·decay).
          expect(after[i]).toBe(Math.fround(w - lr * decay * w));
          expect(Math.abs(after[i] - w * (1 - lr * decay))).toBeLessThanOrEqual(
            2 ** -24 * Math.abs(w),
          );
        }
      });
    }
  });

  it('weight decay 0 (or none) is Adam bit for bit', () => {
    const runs = [undefined, 0].map((weightDecay) => {
      const { net, optimizer } = setup(backend, {
        optimizer: 'adam',
        learningRate: 0.01,
        weightDecay,
      });
      const ref = setup(backend, { optimizer: 'adam', learningRate: 0.01 }).net;
      for (let t = 1; t <= 5; t++) {
        net.forward(true);
        net.backward();
        // The reference follows the same gradients on a copy of the weights.
        ref.parameters().forEach((p, k) => {
          const q = net.parameters()[k];
          referenceAdam(p.value.data, q.grad.data, p.m.data, p.v.data, t, 0.01);
        });
        optimizer.apply();
      }
      const values = net.parameters().map((p) => Array.from(p.value.data));
      if (backend === 'ts')
        expect(values).toEqual(ref.parameters().map((p) => Array.from(p.value.data)));
      return values;
    });
    expect(runs[1]).toEqual(runs[0]);
  });
});
