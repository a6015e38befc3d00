/** Initialization statistics: each scheme's weights have the spread its formula says. */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type InitName } from './config';
import { fillOrthogonal, gaussianStd, initWeights, orthogonalGain } from './init';
import { createKernels } from './kernels';
import { createProbeNetwork } from './probe';
import { Rng } from './rng';

function std(values: Float32Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return Math.sqrt(squares / values.length);
}

describe('initializations', () => {
  const fanIn = 300;
  const fanOut = 200;
  const expected: [InitName, number][] = [
    ['small', 0.01],
    ['large', 1],
    ['custom', 0.37],
    ['xavier', 1 / Math.sqrt(fanIn)],
    ['glorot', Math.sqrt(2 / (fanIn + fanOut))],
    ['he', Math.sqrt(2 / fanIn)],
    ['torch-default', 1 / Math.sqrt(fanIn) / Math.sqrt(3)],
    ['orthogonal', 1 / Math.sqrt(fanIn)],
  ];
  it.each(expected)('%s has std %f', (init, target) => {
    const w = new Float32Array(fanIn * fanOut);
    initWeights(w, fanIn, fanOut, fanOut, init, 0.37, 1, new Rng(1));
    // 60,000 draws: the sample std is within 1 % of the truth with overwhelming probability.
    expect(std(w) / target).toBeGreaterThan(0.99);
    expect(std(w) / target).toBeLessThan(1.01);
  });

  it('zeros is all zeros', () => {
    const w = new Float32Array(50).fill(3);
    initWeights(w, 10, 5, 5, 'zeros', 1, 1, new Rng(1));
    expect(w.every((v) => v === 0)).toBe(true);
  });

  it('torch-default is uniform on ±1/√fan_in', () => {
    const w = new Float32Array(fanIn * fanOut);
    initWeights(w, fanIn, fanOut, fanOut, 'torch-default', 1, 1, new Rng(2));
    const bound = 1 / Math.sqrt(fanIn);
    expect(Math.max(...w)).toBeLessThanOrEqual(bound);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(-bound);
    expect(Math.max(...w)).toBeGreaterThan(bound * 0.99);
  });

  it.each([
    [40, 30],
    [30, 40],
  ])('orthogonal %i×%i has orthonormal columns or rows times the gain', (rows, cols) => {
    const w = new Float32Array(rows * cols);
    const gain = 5 / 3;
    fillOrthogonal(w, rows, cols, gain, new Rng(3));
    const count = Math.min(rows, cols);
    const length = Math.max(rows, cols);
    const at = (v: number, i: number) => (rows >= cols ? w[i * cols + v] : w[v * cols + i]);
    for (let a = 0; a < count; a++) {
      for (let b = 0; b < count; b++) {
        let dot = 0;
        for (let i = 0; i < length; i++) dot += at(a, i) * at(b, i);
        expect(dot).toBeCloseTo(a === b ? gain * gain : 0, 4);
      }
    }
  });

  it('orthogonal gains follow PyTorch: tanh 5/3, ReLU √2, linear 1', () => {
    expect(orthogonalGain('tanh')).toBeCloseTo(5 / 3);
    expect(orthogonalGain('relu')).toBeCloseTo(Math.SQRT2);
    expect(orthogonalGain('linear')).toBe(1);
    for (const activation of ACTIVATIONS) expect(orthogonalGain(activation)).toBeGreaterThan(0);
  });

  it('gaussianStd is null for the schemes that are not a fixed Gaussian', () => {
    for (const init of ['zeros', 'torch-default', 'orthogonal', 'lsuv'] as const)
      expect(gaussianStd(init, 10, 10, 1)).toBeNull();
  });

  it('LSUV leaves every layer with a linear output of variance about 1', () => {
    for (const activation of ['tanh', 'relu'] as const) {
      const net = createProbeNetwork(
        {
          inputDim: 64,
          depth: 6,
          width: 64,
          activation,
          init: 'lsuv',
          initScale: 1,
          batchnorm: false,
          classes: 10,
          seed: 5,
        },
        256,
        createKernels('ts'),
      );
      net.forward(true);
      for (const layer of net.layers) {
        const z = layer.z.data.subarray(0, net.rows * layer.cols);
        expect(Math.abs(std(z) ** 2 - 1)).toBeLessThan(0.06);
      }
    }
  });
});
