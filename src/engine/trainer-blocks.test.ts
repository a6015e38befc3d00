/**
 * The trainer with residual blocks, layer normalization, dropout and AdamW, on every backend: a
 * 30-layer residual tanh network learns a 2-D data set, dropout's masks are seeded (Reset
 * replays them) and kept out of monitoring, and the step loop and the probe's pass stay
 * allocation-free with everything on.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkConfig, TrainingConfig } from './config';
import { buildDataset } from './data';
import { createKernels } from './kernels';
import type { BackendName } from './kernels/kernels';
import { expectStepAllocatesNoBuffers } from './heap-testing';
import { Optimizer } from './optimizer';
import { createProbeNetwork } from './probe';
import { testBackends } from './testing';
import { Trainer } from './trainer';

const ADAM: TrainingConfig = { optimizer: 'adam', learningRate: 1e-2, l2: 0, batchSize: 32 };
const spiral = buildDataset({ name: 'spiral' }, 1);

function network(change: Partial<NetworkConfig>): NetworkConfig {
  return {
    inputDim: spiral.inputDim,
    depth: 30,
    width: 32,
    activation: 'tanh',
    init: 'xavier',
    initScale: 1,
    batchnorm: false,
    residual: true,
    classes: spiral.classes,
    seed: 1,
    ...change,
  };
}

function trainer(
  backend: BackendName,
  change: Partial<NetworkConfig> = {},
  training: Partial<TrainingConfig> = {},
): Trainer {
  return new Trainer(network(change), { ...ADAM, ...training }, spiral, createKernels(backend));
}

const EVERYTHING: Partial<NetworkConfig> = {
  depth: 6,
  layernorm: true,
  normPosition: 'pre',
  branchScale: 'rezero',
  dropout: 0.2,
};

describe.each(testBackends())('training residual networks on the %s backend', (backend) => {
  // Measured (seeds 1–3, 300 Adam steps, both backends): validation loss ÷ 0.012–0.083 with
  // residual connections; without them the same 30 tanh layers only reach ÷ 0.89–0.95.
  it.each([
    ['α = 1', {}],
    ['α = 1/√30', { branchScale: 'inv-sqrt-depth' as const }],
    ['ReZero, layer norm before, dropout 0.1', { ...EVERYTHING, depth: 30, dropout: 0.1 }],
  ])('a 30-layer residual tanh network learns the spiral (%s)', (_, change) => {
    const t = trainer(backend, change);
    const before = t.evaluate();
    for (let i = 0; i < 300; i++) expect(t.step().diverged).toBeNull();
    expect(t.evaluate().loss).toBeLessThan(before.loss / 5);
  });

  it('its control: without residual connections the same 30 layers hardly learn in 300 steps', () => {
    const t = trainer(backend, { residual: false });
    const before = t.evaluate();
    for (let i = 0; i < 300; i++) t.step();
    expect(t.evaluate().loss).toBeGreaterThan(0.8 * before.loss);
  });

  it('dropout masks come from the seed: Reset replays them; monitoring draws none', () => {
    const t = trainer(backend, EVERYTHING, { weightDecay: 0.01 });
    const run = (observe: boolean) =>
      Array.from({ length: 40 }, (_, i) => {
        if (observe && i % 7 === 0) t.monitor();
        return t.step().loss;
      });
    const first = run(false);
    t.reset();
    expect(run(true)).toEqual(first);
    const a = t.monitor();
    expect(t.monitor().layers).toEqual(a.layers);
  });

  // Three layers like trainer.test.ts: a wasm call boxes a few computed numbers (α, a returned
  // float64) per layer, so the bytes grow with depth (measured: see docs/decisions.md).
  it('a training step with everything on allocates no buffers', () => {
    const t = trainer(backend, { ...EVERYTHING, depth: 3 }, { weightDecay: 0.01 });
    for (let i = 0; i < 1500; i++) t.step();
    expectStepAllocatesNoBuffers(() => t.step());
    expect(t.divergence).toBeNull();
  });

  it('a step of a post-batchnorm residual network with dropout allocates no buffers', () => {
    const net = createProbeNetwork(
      { ...network({ batchnorm: true, normPosition: 'post', dropout: 0.5 }), depth: 3 },
      32,
      createKernels(backend),
    );
    const optimizer = new Optimizer(net, { optimizer: 'adam', learningRate: 1e-3 });
    const step = () => {
      net.forward(true, true);
      net.backward();
      optimizer.apply();
    };
    for (let i = 0; i < 2000; i++) step();
    expectStepAllocatesNoBuffers(step);
  });

  it("the probe's pass (dropout in the probe) with everything on allocates no buffers", () => {
    const net = createProbeNetwork(
      {
        ...network(EVERYTHING),
        depth: 3,
        inputDim: 16,
        dropoutInProbe: true,
        normPosition: 'post',
      },
      32,
      createKernels(backend),
    );
    const pass = () => {
      net.forward(true);
      net.backward();
    };
    for (let i = 0; i < 2000; i++) pass();
    expectStepAllocatesNoBuffers(pass);
  });
});
