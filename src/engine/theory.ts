/**
 * Mean-field theory of signal propagation at initialization (Poole et al. 2016; Schoenholz et
 * al. 2017): for wide layers, the pre-activation of layer l is Gaussian with variance
 *   q_l = fanIn·Var(W_l)·E_z[f(√q_{l−1}·z)²],   z ~ N(0,1), with E[x²] = 1 for the input,
 * and backward, each layer multiplies the variance of ∂L/∂h by units·Var(W)·E[f′(√q_l·z)²].
 * Expectations use Gauss–Hermite quadrature for any activation and closed forms where they
 * exist (linear, ReLU, leaky ReLU, maxout), since quadrature converges slowly at a kink.
 */
import type { ActivationName, NetworkConfig } from './config';
import { LEAKY_SLOPE } from './kernels/kernels';
import { activationBackward, activationForward } from './kernels/ts/elementwise';
import { activationCode } from './ops/activation';

const NODES = 96;

/** Nodes and weights of Gauss–Hermite quadrature (weight e^{−x²}), by Newton's method. */
function gaussHermite(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const pim4 = Math.pow(Math.PI, -0.25);
  let z = 0;
  for (let i = 0; i < (n + 1) >> 1; i++) {
    // Initial guesses for the largest roots first (Numerical Recipes' gauher).
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * Math.pow(2 * n + 1, -0.16667);
    else if (i === 1) z -= (1.14 * Math.pow(n, 0.426)) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * nodes[0];
    else if (i === 3) z = 1.91 * z - 0.91 * nodes[1];
    else z = 2 * z - nodes[i - 2];
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p1 = pim4;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / (j + 1)) * p2 - Math.sqrt(j / (j + 1)) * p3;
      }
      derivative = Math.sqrt(2 * n) * p2;
      const previous = z;
      z = previous - p1 / derivative;
      if (Math.abs(z - previous) < 1e-14) break;
    }
    nodes[i] = z;
    nodes[n - 1 - i] = -z;
    weights[i] = 2 / (derivative * derivative);
    weights[n - 1 - i] = weights[i];
  }
  return { nodes, weights };
}

const QUADRATURE = gaussHermite(NODES);

/** E[g(z)] for z ~ N(0, 1). */
export function gaussianExpectation(g: (z: number) => number): number {
  const { nodes, weights } = QUADRATURE;
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) sum += weights[i] * g(Math.SQRT2 * nodes[i]);
  return sum / Math.sqrt(Math.PI);
}

export interface UnitMoments {
  /** E[f(x)], x ~ N(0, q). */
  mean: number;
  /** E[f(x)²]. */
  second: number;
  /** E[f′(x)²] (per unit of the layer's output). */
  derivativeSquared: number;
}

/** Moments of f(x) for x ~ N(0, q). */
export function unitMoments(activation: ActivationName, q: number): UnitMoments {
  const s = Math.sqrt(q);
  const halfNormalMean = s / Math.sqrt(2 * Math.PI); // E[max(x, 0)]
  switch (activation) {
    case 'linear':
      return { mean: 0, second: q, derivativeSquared: 1 };
    case 'relu':
      return { mean: halfNormalMean, second: q / 2, derivativeSquared: 0.5 };
    case 'leaky-relu': {
      const a = LEAKY_SLOPE;
      return {
        mean: (1 - a) * halfNormalMean,
        second: (q * (1 + a * a)) / 2,
        derivativeSquared: (1 + a * a) / 2,
      };
    }
    case 'maxout':
      // The larger of two independent N(0, q) pieces; the gradient reaches one of them.
      return { mean: s / Math.sqrt(Math.PI), second: q, derivativeSquared: 1 };
    default:
      return quadratureMoments(activation, s);
  }
}

/**
 * The smooth activations: E[f(x)], E[f(x)²] and E[f′(x)²] for x ~ N(0, s²). Gauss–Hermite at
 * moderate scales; once s is large the integrand's features (width ~1 in x) fall between the
 * nodes (measured: 96 nodes are off by 7e-6 at s = 1.5, 10 % at s = 4 and four orders of magnitude at s = 22 for E[tanh′²]), so there a
 * composite Simpson rule in x resolves them.
 */
function quadratureMoments(activation: Exclude<ActivationName, 'maxout'>, s: number): UnitMoments {
  const points: number[] = [];
  const weights: number[] = [];
  if (s <= GAUSS_HERMITE_MAX_SCALE) {
    const { nodes, weights: w } = QUADRATURE;
    for (let i = 0; i < nodes.length; i++) {
      points.push(s * Math.SQRT2 * nodes[i]);
      weights.push(w[i] / Math.sqrt(Math.PI));
    }
  } else {
    // x over ±8s: an inner interval at fine steps where f bends, outer ones where it is flat.
    const inner = Math.min(8 * s, 50);
    simpson(-inner, inner, 4000, s, points, weights);
    if (8 * s > inner) {
      simpson(-8 * s, -inner, 2000, s, points, weights);
      simpson(inner, 8 * s, 2000, s, points, weights);
    }
  }
  const x = Float32Array.from(points);
  const h = new Float32Array(x.length);
  const slope = new Float32Array(x.length);
  const code = activationCode(activation);
  activationForward(code, x, h, x.length);
  activationBackward(code, x, h, new Float32Array(x.length).fill(1), slope, x.length);
  let mean = 0;
  let second = 0;
  let derivativeSquared = 0;
  for (let i = 0; i < x.length; i++) {
    mean += weights[i] * h[i];
    second += weights[i] * h[i] * h[i];
    derivativeSquared += weights[i] * slope[i] * slope[i];
  }
  return { mean, second, derivativeSquared };
}

const GAUSS_HERMITE_MAX_SCALE = 1.5;

/** Appends Simpson's points and weights on [a, b] (intervals even) times the N(0, s²) density. */
function simpson(
  a: number,
  b: number,
  intervals: number,
  s: number,
  points: number[],
  weights: number[],
): void {
  const step = (b - a) / intervals;
  for (let i = 0; i <= intervals; i++) {
    const x = a + i * step;
    const rule = i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2;
    const density = Math.exp(-0.5 * (x / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
    points.push(x);
    weights.push(((rule * step) / 3) * density);
  }
}

export interface LayerTheory {
  layer: number;
  /** Predicted std of the pre-activation (the input of the nonlinearity). */
  preactStd: number;
  /** Predicted std of the activations. */
  actStd: number;
  /** Factor by which this layer multiplies the variance of ∂L/∂h on the way down. */
  gradVarianceFactor: number;
}

/**
 * The prediction for every hidden layer, given the variance of each layer's weights (null when
 * the scheme has no fixed variance: then the measured std of W is used by the caller).
 */
export function meanFieldTheory(
  config: NetworkConfig,
  weightVariance: (layer: number, fanIn: number) => number,
): LayerTheory[] {
  const layers: LayerTheory[] = [];
  let secondMoment = 1; // E[x²] of the N(0, 1) input
  for (let l = 0; l < config.depth; l++) {
    const fanIn = l === 0 ? config.inputDim : config.width;
    const variance = weightVariance(l, fanIn);
    const linearVariance = fanIn * variance * secondMoment;
    // Batchnorm makes the pre-activation unit Gaussian and divides gradients by the linear std.
    const q = config.batchnorm ? 1 : linearVariance;
    const m = unitMoments(config.activation, q);
    // Gradient to the layer below sums over the layer's units (maxout: 2·units pieces, each
    // reached half the time, which is the same).
    let factor = config.width * variance * m.derivativeSquared;
    if (config.batchnorm) factor = linearVariance > 0 ? factor / linearVariance : Infinity;
    layers.push({
      layer: l + 1,
      preactStd: Math.sqrt(q),
      actStd: Math.sqrt(Math.max(0, m.second - m.mean * m.mean)),
      gradVarianceFactor: factor,
    });
    secondMoment = m.second;
  }
  return layers;
}

/**
 * Predicted std of ∂L/∂h per layer, anchored at the measured value of the top layer (the
 * theory says how gradients change with depth, not the softmax's scale).
 */
export function gradientStdFromTop(theory: LayerTheory[], topGradStd: number): number[] {
  const stds = new Array<number>(theory.length);
  let variance = topGradStd * topGradStd;
  for (let l = theory.length - 1; l >= 0; l--) {
    stds[l] = Math.sqrt(variance);
    // ∂L/∂h of layer l−1 = (∂L/∂h_l ⊙ f′) · W_lᵀ.
    variance *= theory[l].gradVarianceFactor;
  }
  return stds;
}
