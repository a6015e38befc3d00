/** The mean-field theory against closed forms, its scope, and the probe's theory field. */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, LECTURE_NETWORK, type NetworkConfig } from './config';
import { createKernels } from './kernels';
import { runProbe } from './probe';
import { gradientStdFromTop, meanFieldTheory, representable } from './theory';
import { erfc, gaussianExpectation, normalCdf, unitMoments } from './theory-moments';
import { MIN_THEORY_BATCHNORM_BATCH, MIN_THEORY_WIDTH, noTheoryReason } from './theory-probe';

describe('Gaussian expectations', () => {
  it('integrates Gaussian moments exactly', () => {
    expect(gaussianExpectation(() => 1)).toBeCloseTo(1, 12);
    expect(gaussianExpectation((z) => z * z)).toBeCloseTo(1, 12);
    expect(gaussianExpectation((z) => z ** 4)).toBeCloseTo(3, 10);
    expect(gaussianExpectation((z) => Math.cos(z))).toBeCloseTo(Math.exp(-0.5), 12);
  });
  it('knows erfc and Φ (reference values from Abramowitz & Stegun, table 7.1)', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 14);
    expect(erfc(2.5) / 4.06952017444959e-4).toBeCloseTo(1, 10);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 10);
    expect(erfc(5) / 1.537459794428035e-12).toBeCloseTo(1, 12);
    expect(erfc(-1)).toBeCloseTo(2 - 0.157299207050285, 14);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
  });
  it('agrees with the closed forms of ReLU and linear', () => {
    const relu = gaussianExpectation((z) => Math.max(0, 2 * z) ** 2);
    expect(relu).toBeCloseTo(unitMoments('relu', 4).second, 3);
    expect(unitMoments('linear', 3).second).toBe(3);
    expect(unitMoments('relu', 3).second).toBeCloseTo(1.5, 14);
    expect(unitMoments('relu', 1).mean).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 12);
  });
  it('resolves tanh at large scales: E[tanh′(x)²] ≈ (4/3)·φ(0)/s for x ~ N(0, s²)', () => {
    const s = 22.36;
    const expected = ((4 / 3) * (1 / Math.sqrt(2 * Math.PI))) / s;
    expect(unitMoments('tanh', s * s).derivativeSquared / expected).toBeCloseTo(1, 2);
    // The two rules agree where both apply, shifted or not.
    for (const b of [0, 0.5, -3]) {
      expect(unitMoments('tanh', 2.2501, b).derivativeSquared).toBeCloseTo(
        unitMoments('tanh', 2.2499, b).derivativeSquared,
        4,
      );
    }
  });
  it('knows tanh: E[tanh(z)²] ≈ 0.3943 for z ~ N(0, 1)', () => {
    expect(unitMoments('tanh', 1).second).toBeCloseTo(0.39429, 4);
    expect(unitMoments('tanh', 1).mean).toBeCloseTo(0, 12);
  });
});

describe('moments over a shifted Gaussian N(b, q)', () => {
  // A brute-force reference: Simpson on a fine grid over b ± 10√q, for every activation.
  function reference(activation: (typeof ACTIVATIONS)[number], q: number, b: number) {
    const f = (x: number) => {
      if (activation === 'relu') return [Math.max(0, x), x > 0 ? 1 : 0];
      if (activation === 'leaky-relu') return [x > 0 ? x : 0.01 * x, x > 0 ? 1 : 0.01];
      if (activation === 'linear') return [x, 1];
      return [Math.tanh(x), 1 - Math.tanh(x) ** 2];
    };
    const s = Math.sqrt(q);
    const n = 200000;
    const step = (20 * s) / n;
    let mean = 0;
    let second = 0;
    let slope = 0;
    for (let i = 0; i <= n; i++) {
      const x = b - 10 * s + i * step;
      const w = ((i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * step) / 3;
      const density = Math.exp(-0.5 * ((x - b) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
      const [h, d] = f(x);
      mean += w * density * h;
      second += w * density * h * h;
      slope += w * density * d * d;
    }
    return { mean, second, derivativeSquared: slope };
  }

  it.each([
    ['relu', 2, 0.5],
    ['relu', 0.3, -1.2],
    ['leaky-relu', 1.7, 0.8],
    ['linear', 1.3, -0.5],
    ['tanh', 1, 0.5],
    ['tanh', 9, -2],
  ] as const)('%s over N(%s, q = %s)', (activation, q, b) => {
    const got = unitMoments(activation, q, b);
    const want = reference(activation, q, b);
    expect(got.mean).toBeCloseTo(want.mean, 4);
    expect(got.second).toBeCloseTo(want.second, 4);
    expect(got.derivativeSquared).toBeCloseTo(want.derivativeSquared, 3);
  });

  it('maxout: b plus the larger of two N(0, q) pieces', () => {
    const q = 2;
    const b = 0.7;
    const top = gaussianExpectation((z1) =>
      gaussianExpectation((z2) => Math.max(z1, z2) * Math.sqrt(q) + b),
    );
    const second = gaussianExpectation((z1) =>
      gaussianExpectation((z2) => (Math.max(z1, z2) * Math.sqrt(q) + b) ** 2),
    );
    expect(unitMoments('maxout', q, b).mean).toBeCloseTo(top, 2);
    expect(unitMoments('maxout', q, b).second).toBeCloseTo(second, 2);
  });
});

describe('mean-field recursion', () => {
  const xavier = (_: number, fanIn: number) => 1 / fanIn;
  const he = (_: number, fanIn: number) => 2 / fanIn;
  const BATCH = 1000;

  it('linear with Xavier keeps unit variance; ReLU with Xavier halves it each layer', () => {
    const linear = meanFieldTheory({ ...LECTURE_NETWORK, activation: 'linear' }, xavier, BATCH);
    for (const layer of linear) expect(layer.preactStd).toBeCloseTo(1, 10);
    const relu = meanFieldTheory({ ...LECTURE_NETWORK, activation: 'relu' }, xavier, BATCH);
    for (let l = 1; l < relu.length; l++)
      expect(relu[l].preactStd ** 2).toBeCloseTo(relu[l - 1].preactStd ** 2 / 2, 10);
    const reluHe = meanFieldTheory({ ...LECTURE_NETWORK, activation: 'relu' }, he, BATCH);
    // He: Var(W) = 2/fanIn doubles the unit input's variance once, then ReLU halves and He doubles.
    for (const layer of reluHe) expect(layer.preactStd).toBeCloseTo(Math.SQRT2, 10);
  });

  it('a constant bias b adds b² to the second moment a linear layer passes on', () => {
    const config = { ...LECTURE_NETWORK, activation: 'linear' as const, biasInit: 0.5 };
    const layers = meanFieldTheory(config, xavier, BATCH);
    // q_l = E[x²] of the layer below = q_{l−1} + b²; the std of h is √q, its mean b.
    layers.forEach((layer, l) => {
      expect(layer.preactStd ** 2).toBeCloseTo(1 + 0.25 * l, 10);
      expect(layer.actMean).toBeCloseTo(0.5, 12);
    });
  });

  it('batchnorm pins every pre-activation at std 1 and ignores the bias', () => {
    const config = { ...LECTURE_NETWORK, batchnorm: true, biasInit: 2 };
    const layers = meanFieldTheory(config, () => 1e-2, BATCH);
    for (const layer of layers) {
      expect(layer.preactStd).toBeCloseTo(1, 5); // σ²/(σ² + ε), ε = 1e-5
      expect(layer.preactMean).toBe(0);
    }
  });

  it("batchnorm divides the gradient by the unit's variance fanIn·Var(W)·Var(h), not E[h²]", () => {
    const config = { ...LECTURE_NETWORK, activation: 'sigmoid' as const, batchnorm: true };
    const layers = meanFieldTheory(config, xavier, BATCH);
    // Layer 2's E[f′²] over the unit variance of layer 1's output (fan-in = width: Var(W) cancels).
    const below = unitMoments('sigmoid', layers[0].preactStd ** 2);
    const variance = below.second - below.mean ** 2;
    const slope = unitMoments('sigmoid', layers[1].preactStd ** 2).derivativeSquared;
    const finiteBatch = (BATCH - 2) / (BATCH - 3);
    expect(layers[1].gradVarianceFactor).toBeCloseTo((slope / (variance + 1e-5)) * finiteBatch, 8);
    // E[h²] instead would be ~7× smaller for sigmoid, whose mean is 1/2.
    expect(below.second / variance).toBeGreaterThan(6);
  });

  it('anchors gradients at the top and multiplies down', () => {
    const theory = meanFieldTheory({ ...LECTURE_NETWORK, activation: 'linear' }, xavier, BATCH);
    const stds = gradientStdFromTop(theory, 2);
    expect(stds[9]).toBe(2);
    expect(stds[0]).toBeCloseTo(2, 10);
    expect(gradientStdFromTop(theory, 0)).toEqual(new Array(10).fill(null));
  });

  it('gives no value float32 cannot hold', () => {
    expect(representable(1e39)).toBeNull();
    expect(representable(1e-40)).toBeNull();
    expect(representable(Infinity)).toBeNull();
    expect(representable(0)).toBe(0);
    expect(representable(3e38)).toBe(3e38);
    // ReLU with N(0, 1) weights multiplies the variance by 250 a layer: beyond float32 by 33.
    const config = { ...LECTURE_NETWORK, activation: 'relu' as const, depth: 40 };
    const layers = meanFieldTheory(config, () => 1, BATCH);
    expect(layers[9].actStd).not.toBeNull();
    expect(layers[39].actStd).toBeNull();
  });
});

describe('where the theory applies', () => {
  const config: NetworkConfig = { ...LECTURE_NETWORK, init: 'xavier' };
  const variances = new Array(10).fill(1 / 500);

  it('applies to the lecture network, orthogonal and LSUV included', () => {
    expect(noTheoryReason(config, 1000, variances)).toBeNull();
    for (const init of ['orthogonal', 'lsuv'] as const) {
      const result = runProbe(
        { ...config, init, width: 128, inputDim: 128 },
        200,
        createKernels('ts'),
      );
      expect(result.no_theory).toBeUndefined();
      const ratio = result.layers[9].act.std / result.theory[9]!.act_std!;
      expect(ratio).toBeGreaterThan(0.9);
      expect(ratio).toBeLessThan(1.1);
    }
  });

  it('says why not for zero weights, narrow layers and small batchnorm batches', () => {
    const zeros = variances.map((v, i) => (i === 3 ? 0 : v));
    expect(noTheoryReason(config, 1000, zeros)).toMatch(/weights start at zero/);
    const narrow = { ...config, width: MIN_THEORY_WIDTH - 1 };
    expect(noTheoryReason(narrow, 1000, variances)).toMatch(/wide layers/);
    const small = { ...config, batchnorm: true };
    expect(noTheoryReason(small, MIN_THEORY_BATCHNORM_BATCH - 1, variances)).toMatch(/batchnorm/);
    expect(noTheoryReason(small, MIN_THEORY_BATCHNORM_BATCH, variances)).toBeNull();
  });

  it('the probe carries the reason and a null theory on every layer where none applies', () => {
    const result = runProbe(
      { ...config, init: 'zeros', width: 64, inputDim: 64 },
      32,
      createKernels('ts'),
    );
    expect(result.no_theory).toMatch(/weights start at zero/);
    expect(result.theory).toEqual(new Array(10).fill(null));
  });

  it('gives no gradient theory once NaN or Inf appeared, and no act std float32 cannot hold', () => {
    // ReLU with N(0, 100²) weights over 64 inputs multiplies the variance by 3.2e5 a layer.
    const exploding = { ...config, activation: 'relu' as const, init: 'custom' as const };
    const result = runProbe(
      { ...exploding, initScale: 100, width: 64, inputDim: 64, depth: 20 },
      32,
      createKernels('ts'),
    );
    expect(result.non_finite).toBeDefined();
    for (const point of result.theory) expect(point!.grad_act_std).toBeNull();
    expect(result.theory[0]!.act_std).not.toBeNull();
    expect(result.theory[19]!.act_std).toBeNull();
  });

  it('predicts the measured probe of tanh + Xavier within 10 % at every layer', () => {
    const wide: NetworkConfig = { ...config, width: 250, inputDim: 250 };
    const measured = runProbe(wide, 250, createKernels('ts'));
    measured.layers.forEach((layer, l) => {
      const theory = measured.theory[l]!;
      expect(layer.act.std / theory.act_std!).toBeGreaterThan(0.9);
      expect(layer.act.std / theory.act_std!).toBeLessThan(1.1);
      expect(layer.grad_act_std / theory.grad_act_std!).toBeGreaterThan(0.8);
      expect(layer.grad_act_std / theory.grad_act_std!).toBeLessThan(1.25);
    });
  });
});
