/**
 * Weight initializations. Each fills a fanIn×cols matrix (row-major, x·W convention) from the
 * seeded generator. LSUV's data-driven rescaling lives in the network, which can run a batch.
 */
import type { ActivationName, InitName } from './config';
import type { Rng } from './rng';

/** The standard deviation of each weight for the Gaussian schemes, or null for the others. */
export function gaussianStd(
  init: InitName,
  fanIn: number,
  fanOut: number,
  customScale: number,
): number | null {
  switch (init) {
    case 'small':
      return 0.01;
    case 'large':
      return 1;
    case 'custom':
      return customScale;
    case 'xavier':
      return 1 / Math.sqrt(fanIn); // the lecture's form: N(0,1)/sqrt(fan_in)
    case 'glorot':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'he':
      return Math.sqrt(2 / fanIn);
    default:
      return null;
  }
}

/** The gain orthogonal initialization multiplies by, as PyTorch's calculate_gain gives it. */
export function orthogonalGain(activation: ActivationName): number {
  switch (activation) {
    case 'tanh':
      return 5 / 3;
    case 'relu':
    case 'elu':
    case 'gelu':
    case 'silu':
      return Math.SQRT2;
    case 'leaky-relu':
      return Math.sqrt(2 / (1 + 0.01 * 0.01));
    default:
      return 1;
  }
}

/**
 * Fills w (fanIn×cols). fanOut is the layer's unit count (for maxout, cols = 2·fanOut).
 * `gain` applies to orthogonal only; LSUV starts from orthogonal with gain 1.
 */
export function initWeights(
  w: Float32Array,
  fanIn: number,
  cols: number,
  fanOut: number,
  init: InitName,
  customScale: number,
  gain: number,
  rng: Rng,
): void {
  const std = gaussianStd(init, fanIn, fanOut, customScale);
  if (std !== null) {
    rng.fillNormal(w, std);
    return;
  }
  switch (init) {
    case 'zeros':
      w.fill(0);
      return;
    case 'torch-default': {
      const bound = 1 / Math.sqrt(fanIn);
      rng.fillUniform(w, -bound, bound);
      return;
    }
    case 'orthogonal':
      fillOrthogonal(w, fanIn, cols, gain, rng);
      return;
    case 'lsuv':
      fillOrthogonal(w, fanIn, cols, 1, rng);
      return;
  }
}

/**
 * A random matrix with orthonormal columns (fanIn ≥ cols) or rows (fanIn < cols), times gain:
 * modified Gram–Schmidt on a Gaussian matrix (Saxe et al. 2014). Runs once per build, so it
 * may allocate.
 */
export function fillOrthogonal(
  w: Float32Array,
  rows: number,
  cols: number,
  gain: number,
  rng: Rng,
): void {
  // Orthonormalize the short side's vectors, each of the long side's length.
  const count = Math.min(rows, cols);
  const length = Math.max(rows, cols);
  const vectors: Float64Array[] = [];
  for (let v = 0; v < count; v++) {
    const vec = new Float64Array(length);
    for (let i = 0; i < length; i++) vec[i] = rng.normal();
    for (const earlier of vectors) {
      let dot = 0;
      for (let i = 0; i < length; i++) dot += vec[i] * earlier[i];
      for (let i = 0; i < length; i++) vec[i] -= dot * earlier[i];
    }
    let norm = 0;
    for (let i = 0; i < length; i++) norm += vec[i] * vec[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < length; i++) vec[i] /= norm;
    vectors.push(vec);
  }
  const columnsAreVectors = rows >= cols;
  for (let v = 0; v < count; v++) {
    for (let i = 0; i < length; i++) {
      const index = columnsAreVectors ? i * cols + v : v * cols + i;
      w[index] = gain * vectors[v][i];
    }
  }
}
