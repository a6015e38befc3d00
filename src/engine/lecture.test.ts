/**
 * The lecture's facts, measured on the probe: 10 hidden layers, input ~ N(0,1), random labels.
 * The fast backend runs the lecture's own sizes (500 units, batch 1000); the reference backend
 * a half-size version (250 units, batch 250) that keeps every property, to keep the suite quick.
 */
import { describe, expect, it } from 'vitest';
import { LECTURE_BATCH, LECTURE_NETWORK, type NetworkConfig } from './config';
import { createKernels } from './kernels';
import { runProbe } from './probe';
import { testBackends } from './testing';

describe.each(testBackends())('lecture 6 on the %s backend', (backend) => {
  const full = backend !== 'ts';
  const base: NetworkConfig = full
    ? LECTURE_NETWORK
    : { ...LECTURE_NETWORK, width: 250, inputDim: 250 };
  const batch = full ? LECTURE_BATCH : 250;
  const probe = (change: Partial<NetworkConfig>) =>
    runProbe({ ...base, ...change }, batch, createKernels(backend));

  it('tanh with small (0.01) weights: activations collapse to zero', () => {
    const { layers } = probe({ activation: 'tanh', init: 'small' });
    expect(layers[4].act.std).toBeLessThan(1e-3);
    expect(layers[9].act.std).toBeLessThan(1e-5);
    for (let i = 1; i < 10; i++)
      expect(layers[i].act.std).toBeLessThan(layers[i - 1].act.std * 0.5);
  });

  it('tanh with large (1.0) weights: every layer saturates and local gradients vanish', () => {
    const { layers } = probe({ activation: 'tanh', init: 'large' });
    for (const layer of layers) {
      expect(layer.saturated).toBeGreaterThan(0.85);
      // tanh' = 1 − h², so the mean local gradient is 1 − E[h²] = 1 − (std² + mean²).
      const meanLocalGradient = 1 - (layer.act.std ** 2 + layer.act.mean ** 2);
      expect(meanLocalGradient).toBeLessThan(0.1);
    }
  });

  it('tanh with Xavier: activations stay alive (layer 1 about 0.6, layer 10 about 0.2)', () => {
    const { layers } = probe({ activation: 'tanh', init: 'xavier' });
    expect(layers[0].act.std).toBeGreaterThan(0.55);
    expect(layers[0].act.std).toBeLessThan(0.7);
    expect(layers[9].act.std).toBeGreaterThan(0.18);
    expect(layers[9].act.std).toBeLessThan(0.3);
    for (const layer of layers) expect(layer.saturated).toBeLessThan(0.1);
  });

  it('ReLU with Xavier collapses with depth; He keeps the scale', () => {
    const xavier = probe({ activation: 'relu', init: 'xavier' }).layers;
    const he = probe({ activation: 'relu', init: 'he' }).layers;
    // Each ReLU layer halves the variance under Xavier: std × 1/√2 per layer, ≈ 0.04 after 9.
    expect(xavier[9].act.std / xavier[0].act.std).toBeLessThan(0.1);
    expect(he[9].act.std / he[0].act.std).toBeGreaterThan(0.6);
    expect(he[9].act.std / he[0].act.std).toBeLessThan(1.5);
  });

  it('batchnorm brings every pre-activation to unit std whatever the init', () => {
    for (const init of ['small', 'large', 'xavier', 'he'] as const) {
      for (const activation of ['tanh', 'relu'] as const) {
        const { layers } = probe({ activation, init, batchnorm: true, depth: 6 });
        for (const layer of layers) {
          expect(layer.preact.std).toBeGreaterThan(0.99);
          expect(layer.preact.std).toBeLessThan(1.01);
          expect(Math.abs(layer.preact.mean)).toBeLessThan(1e-3);
        }
      }
    }
  });

  it('initial loss is about ln C with small weights', () => {
    expect(probe({ activation: 'tanh', init: 'small', depth: 3 }).loss).toBeCloseTo(
      Math.log(10),
      3,
    );
  });
});
