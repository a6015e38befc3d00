/** The mean-field theory against closed forms, and against the measured probe. */
import { describe, expect, it } from 'vitest';
import { LECTURE_NETWORK, type NetworkConfig } from './config';
import { createKernels } from './kernels';
import { runProbe } from './probe';
import { gaussianExpectation, gradientStdFromTop, meanFieldTheory, unitMoments } from './theory';

describe('Gauss–Hermite quadrature', () => {
  it('integrates Gaussian moments exactly', () => {
    expect(gaussianExpectation(() => 1)).toBeCloseTo(1, 12);
    expect(gaussianExpectation((z) => z * z)).toBeCloseTo(1, 12);
    expect(gaussianExpectation((z) => z ** 4)).toBeCloseTo(3, 10);
    expect(gaussianExpectation((z) => Math.cos(z))).toBeCloseTo(Math.exp(-0.5), 12);
  });
  it('agrees with the closed forms of ReLU and linear', () => {
    const relu = gaussianExpectation((z) => Math.max(0, 2 * z) ** 2);
    expect(relu).toBeCloseTo(unitMoments('relu', 4).second, 3);
    expect(unitMoments('linear', 3).second).toBe(3);
    expect(unitMoments('relu', 3).second).toBe(1.5);
    expect(unitMoments('relu', 1).mean).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 12);
  });
  it('resolves tanh at large scales: E[tanh′(x)²] ≈ (4/3)·φ(0)/s for x ~ N(0, s²)', () => {
    const s = 22.36;
    const expected = ((4 / 3) * (1 / Math.sqrt(2 * Math.PI))) / s;
    expect(unitMoments('tanh', s * s).derivativeSquared / expected).toBeCloseTo(1, 2);
    // The two rules agree where both apply.
    expect(unitMoments('tanh', 2.2501).derivativeSquared).toBeCloseTo(
      unitMoments('tanh', 2.2499).derivativeSquared,
      4,
    );
  });
  it('knows tanh: E[tanh(z)²] ≈ 0.3943 for z ~ N(0, 1)', () => {
    expect(unitMoments('tanh', 1).second).toBeCloseTo(0.39429, 4);
    expect(unitMoments('tanh', 1).mean).toBeCloseTo(0, 12);
  });
});

describe('mean-field recursion', () => {
  const xavier = (_: number, fanIn: number) => 1 / fanIn;
  const he = (_: number, fanIn: number) => 2 / fanIn;

  it('linear with Xavier keeps unit variance; ReLU with Xavier halves it each layer', () => {
    const linear = meanFieldTheory({ ...LECTURE_NETWORK, activation: 'linear' }, xavier);
    for (const layer of linear) expect(layer.preactStd).toBeCloseTo(1, 10);
    const relu = meanFieldTheory({ ...LECTURE_NETWORK, activation: 'relu' }, xavier);
    for (let l = 1; l < relu.length; l++)
      expect(relu[l].preactStd ** 2).toBeCloseTo(relu[l - 1].preactStd ** 2 / 2, 10);
    const reluHe = meanFieldTheory({ ...LECTURE_NETWORK, activation: 'relu' }, he);
    // He: Var(W) = 2/fanIn doubles the unit input's variance once, then ReLU halves and He doubles.
    for (const layer of reluHe) expect(layer.preactStd).toBeCloseTo(Math.SQRT2, 10);
  });

  it('batchnorm pins every pre-activation at std 1', () => {
    const layers = meanFieldTheory({ ...LECTURE_NETWORK, batchnorm: true }, () => 1e-4);
    for (const layer of layers) expect(layer.preactStd).toBe(1);
  });

  it('anchors gradients at the top and multiplies down', () => {
    const theory = meanFieldTheory({ ...LECTURE_NETWORK, activation: 'linear' }, xavier);
    const stds = gradientStdFromTop(theory, 2);
    expect(stds[9]).toBe(2);
    expect(stds[0]).toBeCloseTo(2, 10);
  });

  it('predicts the measured probe of tanh + Xavier within 10 % at every layer', () => {
    const config: NetworkConfig = { ...LECTURE_NETWORK, width: 250, inputDim: 250, init: 'xavier' };
    const measured = runProbe(config, 250, createKernels('ts'));
    const theory = meanFieldTheory(config, xavier);
    const grads = gradientStdFromTop(theory, measured.layers[9].grad_act_std);
    for (let l = 0; l < 10; l++) {
      expect(measured.layers[l].act.std / theory[l].actStd).toBeGreaterThan(0.9);
      expect(measured.layers[l].act.std / theory[l].actStd).toBeLessThan(1.1);
      expect(measured.layers[l].grad_act_std / grads[l]).toBeGreaterThan(0.8);
      expect(measured.layers[l].grad_act_std / grads[l]).toBeLessThan(1.25);
    }
  });
});
