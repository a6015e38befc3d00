/**
 * The trainer on every backend: it learns each data set (with stated bounds), Reset replays a
 * run exactly, monitoring and validation do not disturb training, divergence is caught and
 * reported, and the step loop allocates no buffers. (The Dead ReLUs demonstration is tested in
 * data/presets.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testDigitsBytes } from './data/digits-testing';
import type { NetworkConfig, TrainingConfig } from './config';
import { buildDataset } from './data';
import type { Dataset } from './data/dataset';
import { PLANAR_DATASETS } from './data/planar';
import { createKernels } from './kernels';
import type { BackendName } from './kernels/kernels';
import { expectStepAllocatesNoBuffers } from './heap-testing';
import { testBackends } from './testing';
import { EXPLOSION_PATIENCE, Trainer } from './trainer';

const ADAM: TrainingConfig = { optimizer: 'adam', learningRate: 1e-2, l2: 0, batchSize: 32 };

function networkFor(dataset: Dataset, change: Partial<NetworkConfig> = {}): NetworkConfig {
  return {
    inputDim: dataset.inputDim,
    depth: 2,
    width: 32,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    batchnorm: false,
    classes: dataset.classes,
    seed: 1,
    ...change,
  };
}

function trainer(
  backend: BackendName,
  dataset: Dataset,
  network: Partial<NetworkConfig> = {},
  training: Partial<TrainingConfig> = {},
): Trainer {
  return new Trainer(
    networkFor(dataset, network),
    { ...ADAM, ...training },
    dataset,
    createKernels(backend),
  );
}

// public/digits.bin is a build output: testDigitsBytes builds it when missing or stale.
let digitsBytes: Uint8Array;
beforeAll(() => {
  digitsBytes = testDigitsBytes();
});

describe.each(testBackends())('trainer on the %s backend', (backend) => {
  const spiral = buildDataset({ name: 'spiral' }, 1);

  // Measured (ts, seed 1, 300 steps): validation loss 1.2–1.8 → 0.01–0.15, accuracy ≥ 0.97.
  it.each(PLANAR_DATASETS)(
    'learns %s: in 300 steps the validation loss falls below a quarter, accuracy ≥ 0.9',
    (name) => {
      const t = trainer(backend, buildDataset({ name }, 1));
      const before = t.evaluate();
      for (let i = 0; i < 300; i++) expect(t.step().diverged).toBeNull();
      const after = t.evaluate();
      expect(after.loss).toBeLessThan(before.loss / 4);
      expect(after.accuracy).toBeGreaterThanOrEqual(0.9);
      expect(t.history.validationLoss.length).toBe(2);
    },
  );

  // Measured (ts, seeds 1–5): 0.87–0.90 after 50 steps, 0.915–0.929 after 200.
  it('digits reach ≥ 90 % validation accuracy within 200 steps (2×64 ReLU, batch 64, Adam 2e-3)', () => {
    const digits = buildDataset({ name: 'digits' }, 1, digitsBytes);
    const t = trainer(backend, digits, { width: 64 }, { learningRate: 2e-3, batchSize: 64 });
    const before = t.evaluate();
    for (let i = 0; i < 200; i++) t.step();
    const after = t.evaluate();
    expect(before.accuracy).toBeLessThan(0.3);
    expect(after.loss).toBeLessThan(before.loss / 4);
    expect(after.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('Reset replays the same losses step for step; monitor and evaluate between steps change nothing', () => {
    const t = trainer(
      backend,
      spiral,
      { batchnorm: true, init: 'lsuv' },
      { optimizer: 'momentum', learningRate: 0.05, l2: 1e-3 },
    );
    const run = (observe: boolean) =>
      Array.from({ length: 60 }, (_, i) => {
        if (observe && i % 7 === 0) {
          t.monitor();
          t.evaluate();
        }
        return t.step().loss;
      });
    const first = run(false);
    t.reset();
    expect(t.last.step).toBe(0);
    expect(t.history.loss.length).toBe(0);
    const replay = run(true);
    expect(replay).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(50); // the batches really differ
  });

  it('a huge learning rate is reported as divergence: NaN caught, not propagated; Reset recovers', () => {
    const t = trainer(backend, spiral, { depth: 3 }, { optimizer: 'sgd', learningRate: 100 });
    let steps = 0;
    while (!t.step().diverged && steps < 50) steps++;
    const divergence = t.divergence;
    expect(divergence).not.toBeNull();
    expect(divergence!.reason).toBe('non-finite');
    expect(divergence!.learningRate).toBe(100);
    expect(divergence!.layer).toBeGreaterThanOrEqual(1);
    expect(divergence!.message).toMatch(/diverged \(NaN\).*learning rate 100.*try 10/);
    const { values } = t.history.loss.data();
    expect(values.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(t.last.loss) || t.last.step === 0).toBe(true);
    // Refuses to go on until reset.
    const stepBefore = t.last.step;
    expect(t.step().diverged).toBe(divergence);
    expect(t.last.step).toBe(stepBefore);
    t.setTraining({ ...ADAM, optimizer: 'sgd', learningRate: 0.05 });
    t.reset();
    for (let i = 0; i < 20; i++) expect(t.step().diverged).toBeNull();
    expect(Number.isFinite(t.last.loss)).toBe(true);
  });

  it('a loss that stays above the explosion bound stops the run, before the update', () => {
    const t = trainer(backend, spiral);
    t.explosionFactor = 1e-3; // every loss counts as exploded
    for (let i = 0; i < EXPLOSION_PATIENCE - 1; i++) expect(t.step().diverged).toBeNull();
    const weights = t.net.layers[0].weight.value.data.slice();
    const result = t.step();
    expect(result.diverged?.reason).toBe('exploded');
    expect(result.diverged?.message).toMatch(/exploded/);
    expect(t.net.layers[0].weight.value.data).toEqual(weights);
  });

  it('monitor: statistics of the fixed monitoring batch, firing fractions per unit, running averages kept', () => {
    const t = trainer(backend, spiral, { batchnorm: true, depth: 3 });
    for (let i = 0; i < 30; i++) t.step();
    const running = t.net.layers[1].bn!.runningMean.data.slice();
    const a = t.monitor();
    const b = t.monitor();
    expect(b.layers).toEqual(a.layers); // the same batch every time
    expect(t.net.layers[1].bn!.runningMean.data).toEqual(running);
    expect(a.layers).toHaveLength(3);
    a.layers.forEach((stats, i) => {
      expect(a.firing[i]).toHaveLength(32);
      const silent = a.firing[i].filter((f) => f === 0).length;
      expect(stats.dead).toBeCloseTo(silent / 32, 6);
      expect(a.activationHistograms[i].low).toBe(0);
      const counted = a.gradientHistograms[i].counts.reduce((s, c) => s + c, 0);
      expect(counted + a.gradientHistograms[i].under + a.gradientHistograms[i].over).toBe(256 * 32);
    });
    expect(t.history.layers[0].dead.length).toBe(2);
    expect(t.history.layers[0].activations.snapshots.length).toBe(1); // same step: one snapshot
  });

  it('predict gives the classes evaluate scores, with probabilities', () => {
    const t = trainer(backend, spiral);
    for (let i = 0; i < 100; i++) t.step();
    const { accuracy } = t.evaluate();
    const { validation } = spiral;
    const classes = new Uint8Array(validation.count);
    const confidence = new Float32Array(validation.count);
    t.predict(validation.x, classes, confidence);
    const hits = classes.filter((c, i) => c === validation.y[i]).length;
    expect(hits / validation.count).toBeCloseTo(accuracy, 10);
    expect(confidence.every((p) => p >= 1 / 3 - 1e-6 && p <= 1)).toBe(true);
  });

  it('setTraining changes the rate at once and refuses a batch above the capacity', () => {
    const t = trainer(backend, spiral);
    t.setTraining({ ...ADAM, learningRate: 0.5, batchSize: 200 });
    expect(t.optimizer.config.learningRate).toBe(0.5);
    t.step();
    expect(t.net.rows).toBe(200);
    expect(() => t.setTraining({ ...ADAM, batchSize: 1000 })).toThrow(
      expect.objectContaining({ field: 'batchSize' }),
    );
    expect(() => t.setTraining({ ...ADAM, learningRate: -1 })).toThrow(
      expect.objectContaining({ field: 'learningRate' }),
    );
  });

  it('refuses a network that does not fit the data set', () => {
    expect(
      () => new Trainer(networkFor(spiral, { classes: 4 }), ADAM, spiral, createKernels(backend)),
    ).toThrow(expect.objectContaining({ field: 'dataset' }));
  });

  it('a training step allocates no buffers: under 1 KiB a step, where 2 KiB of garbage shows', () => {
    const t = trainer(backend, spiral, { depth: 3, batchnorm: true }, { l2: 1e-4 });
    // Warm up past the JIT's own allocations (they stop after about 1,000 steps).
    for (let i = 0; i < 1500; i++) t.step();
    // Counts bytes allocated, not kept (the histories are preallocated); its positive control
    // adds the mutation it must catch (2 KiB of garbage per step) and fails unless it sees it.
    expectStepAllocatesNoBuffers(() => t.step());
    expect(t.divergence).toBeNull();
  });
});
