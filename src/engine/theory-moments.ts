/**
 * Moments of an activation f(x) for a Gaussian input x ~ N(b, q): what the mean-field theory
 * (src/engine/theory.ts) needs of each layer. Expectations use Gauss–Hermite quadrature for any
 * activation and closed forms where they exist (linear, ReLU, leaky ReLU, maxout), since
 * quadrature converges slowly at a kink. The shift b is the constant bias every unit starts at
 * (src/engine/network.ts, initialize).
 */
import type { ActivationName } from './config';
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

/**
 * erfc(x) to ~1e-15 absolute (1e-11 relative near 3): the all-positive series of erf below 3
 * (no cancellation), the continued fraction above it (where it converges fast).
 */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  let fraction = x;
  for (let k = 80; k >= 1; k--) fraction = x + k / 2 / fraction;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / fraction;
}

/** Φ(t), the standard normal distribution function. */
export function normalCdf(t: number): number {
  return 0.5 * erfc(-t / Math.SQRT2);
}

export interface UnitMoments {
  /** E[f(x)], x ~ N(b, q). */
  mean: number;
  /** E[f(x)²]. */
  second: number;
  /** E[f′(x)²] (per unit of the layer's output). */
  derivativeSquared: number;
}

/** E[x·1{x>0}], E[x²·1{x>0}] and P(x > 0) for x ~ N(b, q). */
function positivePart(q: number, b: number): { first: number; second: number; p: number } {
  const s = Math.sqrt(q);
  if (s === 0) return b > 0 ? { first: b, second: b * b, p: 1 } : { first: 0, second: 0, p: 0 };
  const t = b / s;
  const p = normalCdf(t);
  const density = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  return { first: b * p + s * density, second: (b * b + q) * p + b * s * density, p };
}

/** Moments of f(x) for x ~ N(b, q); b is 0 unless the biases start shifted. */
export function unitMoments(activation: ActivationName, q: number, b = 0): UnitMoments {
  switch (activation) {
    case 'linear':
      return { mean: b, second: q + b * b, derivativeSquared: 1 };
    case 'relu': {
      const plus = positivePart(q, b);
      return { mean: plus.first, second: plus.second, derivativeSquared: plus.p };
    }
    case 'leaky-relu': {
      // f(x) = x above 0, a·x below: the parts of x and x² on either side of 0.
      const a = LEAKY_SLOPE;
      const plus = positivePart(q, b);
      return {
        mean: plus.first + a * (b - plus.first),
        second: plus.second + a * a * (q + b * b - plus.second),
        derivativeSquared: plus.p + a * a * (1 - plus.p),
      };
    }
    case 'maxout': {
      // b + the larger of two independent N(0, q) pieces (both carry the same bias); the
      // gradient reaches one of them.
      const top = Math.sqrt(q / Math.PI);
      return { mean: b + top, second: q + 2 * b * top + b * b, derivativeSquared: 1 };
    }
    default:
      return quadratureMoments(activation, Math.sqrt(q), b);
  }
}

const GAUSS_HERMITE_MAX_SCALE = 1.5;
/** Half-width around 0 where the smooth activations bend (their features have width ~1). */
const BEND_HALF_WIDTH = 50;

/**
 * The smooth activations: E[f(x)], E[f(x)²] and E[f′(x)²] for x ~ N(b, s²). Gauss–Hermite at
 * moderate scales; once s is large the integrand's features (width ~1 in x, near 0) fall between
 * the nodes (measured: 96 nodes are off by 7e-6 at s = 1.5, 10 % at s = 4 and four orders of
 * magnitude at s = 22 for E[tanh′²]), so there a composite Simpson rule in x resolves them.
 */
function quadratureMoments(
  activation: Exclude<ActivationName, 'maxout'>,
  s: number,
  b: number,
): UnitMoments {
  const points: number[] = [];
  const weights: number[] = [];
  if (s <= GAUSS_HERMITE_MAX_SCALE) {
    const { nodes, weights: w } = QUADRATURE;
    for (let i = 0; i < nodes.length; i++) {
      points.push(b + s * Math.SQRT2 * nodes[i]);
      weights.push(w[i] / Math.sqrt(Math.PI));
    }
  } else {
    // x over b ± 8s: fine steps where f bends, coarse ones where it is flat.
    const lo = b - 8 * s;
    const hi = b + 8 * s;
    const bendLo = Math.max(lo, -BEND_HALF_WIDTH);
    const bendHi = Math.min(hi, BEND_HALF_WIDTH);
    if (bendLo < bendHi) {
      simpson(bendLo, bendHi, 4000, s, b, points, weights);
      if (lo < bendLo) simpson(lo, bendLo, 2000, s, b, points, weights);
      if (bendHi < hi) simpson(bendHi, hi, 2000, s, b, points, weights);
    } else simpson(lo, hi, 4000, s, b, points, weights);
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

/** Appends Simpson's points and weights on [lo, hi] (intervals even) times the N(b, s²) density. */
function simpson(
  lo: number,
  hi: number,
  intervals: number,
  s: number,
  b: number,
  points: number[],
  weights: number[],
): void {
  const step = (hi - lo) / intervals;
  for (let i = 0; i <= intervals; i++) {
    const x = lo + i * step;
    const rule = i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2;
    const density = Math.exp(-0.5 * ((x - b) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
    points.push(x);
    weights.push(((rule * step) / 3) * density);
  }
}
