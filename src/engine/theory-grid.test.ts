/**
 * The mean-field theory (theory.ts) held against the measured probe for every activation ×
 * batchnorm on/off × bias 0 / 0.5, activations and gradients, on every backend.
 *
 * Mutations this catches (each tried once in src/engine/theory.ts; both backends went red):
 *  - batchnorm's gradient divisor back to fanIn·Var(W)·E[h²] instead of the unit's variance
 *    fanIn·Var(W)·Var(h): layer-1 ∂L/∂h of sigmoid + batchnorm +1600 %, ReLU +78 %;
 *  - the bias dropped (moments over N(0, q) rather than N(b, q)): layer-1 act std of tanh +
 *    bias 0.5 −5.6 % (tolerance ±1.6 %), ReLU +20 %; linear +29 to +33 % at layer 4.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, LECTURE_NETWORK, type NetworkConfig } from './config';
import { createKernels } from './kernels';
import { runProbe } from './probe';
import { testBackends } from './testing';
import { type LayerTheory, meanFieldTheory } from './theory';
import { gaussianExpectation, unitMoments } from './theory-moments';

/**
 * Wide enough that the expected error is a few percent, small enough for 36 probes in seconds
 * (the plain TypeScript kernels are ~7× slower than wasm, so they get narrower layers and the
 * wider tolerance that follows from them).
 */
const SIZES = { wasm: { width: 512, batch: 100 }, ts: { width: 256, batch: 64 } } as const;
const DEPTH = 4;
/**
 * Tolerances are this many standard deviations of the expected error (below): one seed's 288
 * comparisons per backend reach ~3.2σ by chance; 8 seeds tried reached at most 3.8σ.
 */
const Z = 4.5;

/**
 * Relative dispersion Var(Y)/E[Y]² across units of a per-unit statistic Y. Without batchnorm a
 * unit's sum Σ_i x_i·W_ij carries a fixed offset from the mean of its input, so the unit's
 * pre-activation is N(c, (1 − ρ)q) with c ~ N(b, ρq), ρ = E[x]²/E[x²]; the layer's pooled
 * statistics average Y over only `width` such units, whatever the batch.
 */
function unitDispersion(
  activation: NetworkConfig['activation'],
  q: number,
  b: number,
  rho: number,
  statistic: (m: ReturnType<typeof unitMoments>) => number,
): number {
  const value = (z: number) =>
    statistic(unitMoments(activation, (1 - rho) * q, b + Math.sqrt(rho * q) * z));
  const mean = gaussianExpectation(value);
  const second = gaussianExpectation((z) => value(z) ** 2);
  return mean !== 0 ? Math.max(0, second / (mean * mean) - 1) : 0;
}

interface Tolerances {
  act: number[];
  grad: number[];
}

/**
 * The expected relative error of each measured std against the theory, as a tolerance:
 *  - sampling: a variance estimated from n = N·width values has relative error √(2/n);
 *  - finite width: each layer adds the dispersion of its units over `width` units (above) to the
 *    variance it passes on (q) and to the one it shows (Var h); gradients add the dispersion of
 *    E[f′²], and of the top layer's ∂L/∂h, which has rank ≤ classes; these add up layer by layer
 *    (taking each one's gain through a layer as 1: it is about 1 or less for these activations);
 *  - a std's relative error is half its variance's; Z standard deviations of that, plus 1/width
 *    a layer for the O(1/width) terms the mean-field limit leaves out.
 */
function tolerances(config: NetworkConfig, batch: number, theory: LayerTheory[]): Tolerances {
  const { width, classes, activation, batchnorm } = config;
  const sampling = 2 / (batch * width);
  let inputMean = 0;
  let inputSecond = 1;
  let qError = 0;
  const varError: number[] = [];
  const factorError: number[] = [];
  for (const t of theory) {
    const rho = batchnorm ? 0 : (inputMean * inputMean) / inputSecond;
    const q = t.preactStd ** 2;
    const b = t.preactMean;
    const mean = t.actMean;
    const disperse = (s: (m: ReturnType<typeof unitMoments>) => number) =>
      unitDispersion(activation, q, b, rho, s) / width;
    varError.push(
      qError + sampling + disperse((m) => m.second - m.mean ** 2 + (m.mean - mean) ** 2),
    );
    const divisorError = batchnorm ? (varError[varError.length - 2] ?? 0) : qError;
    const topRank = 2 / (width * classes);
    factorError.push(disperse((m) => m.derivativeSquared) + topRank + sampling + divisorError);
    qError = batchnorm ? 0 : qError + sampling + disperse((m) => m.second);
    inputMean = mean;
    inputSecond = t.actStd! ** 2 + mean * mean;
  }
  const depth = theory.length;
  return {
    act: varError.map((e, l) => (Z / 2) * Math.sqrt(e) + (l + 1) / width),
    grad: factorError.map((_, l) => {
      const above = factorError.slice(l + 1).reduce((sum, e) => sum + e, 0);
      return (Z / 2) * Math.sqrt(above + 2 * sampling) + (depth - 1 - l) / width;
    }),
  };
}

const GRID = ACTIVATIONS.flatMap((activation) =>
  [false, true].flatMap((batchnorm) => [0, 0.5].map((bias) => ({ activation, batchnorm, bias }))),
);

describe.each(testBackends())('mean-field theory against the probe (%s)', (backend) => {
  const kernels = createKernels(backend);
  const { width, batch } = SIZES[backend];

  it('predicts every activation × batchnorm × bias, activations and gradients', () => {
    const failures: string[] = [];
    for (const { activation, batchnorm, bias } of GRID) {
      const config: NetworkConfig = {
        ...LECTURE_NETWORK,
        activation,
        // The scheme each family is meant for, so no case sits in a vanishing regime.
        init: activation === 'relu' || activation === 'leaky-relu' ? 'he' : 'xavier',
        batchnorm,
        biasInit: bias,
        width,
        inputDim: width,
        depth: DEPTH,
      };
      // The theory the probe reports beside each layer is what is held against it.
      const measured = runProbe(config, batch, kernels);
      const variances = measured.layers.map((l) => l.w_std ** 2);
      const tol = tolerances(
        config,
        batch,
        meanFieldTheory(config, (l) => variances[l], batch),
      );
      const name = `${activation}${batchnorm ? ' + batchnorm' : ''}, bias ${bias}`;
      measured.layers.forEach((layer, l) => {
        const act = layer.act.std / measured.theory[l]!.act_std! - 1;
        const grad = layer.grad_act_std / measured.theory[l]!.grad_act_std! - 1;
        if (!(Math.abs(act) <= tol.act[l]))
          failures.push(`${name}, layer ${l + 1} act std ${pct(act)} (±${pct(tol.act[l])})`);
        if (!(Math.abs(grad) <= tol.grad[l]))
          failures.push(`${name}, layer ${l + 1} ∂L/∂h std ${pct(grad)} (±${pct(tol.grad[l])})`);
      });
    }
    expect(failures).toEqual([]);
  });
});

function pct(x: number): string {
  return `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} %`;
}
