/**
 * Input normalization: zero-centre and scale to unit variance, per feature, with statistics of
 * the TRAINING split only (validation is transformed with them, as unseen data would be).
 */
import type { DataSplit, Dataset, FeatureNormalization } from './dataset';

/**
 * Floor of the std a feature is divided by. Our features are on a unit scale (pixels in [0, 1],
 * planar coordinates near ±1); MNIST's almost-blank border pixels have a std near 0, and dividing
 * by it would turn one stray stroke in a validation image into a value in the hundreds. With the
 * floor such pixels are centred and scaled by at most 10.
 */
export const MIN_FEATURE_STD = 0.1;

/** Mean and std of each feature over the rows of `split` (float64 sums). */
export function featureStatistics(split: DataSplit, dim: number): FeatureNormalization {
  const sum = new Float64Array(dim);
  const sumSquares = new Float64Array(dim);
  const { x, count } = split;
  for (let r = 0; r < count; r++) {
    const base = r * dim;
    for (let f = 0; f < dim; f++) {
      const v = x[base + f];
      sum[f] += v;
      sumSquares[f] += v * v;
    }
  }
  const mean = new Float32Array(dim);
  const std = new Float32Array(dim);
  for (let f = 0; f < dim; f++) {
    const m = count > 0 ? sum[f] / count : 0;
    const variance = count > 0 ? Math.max(0, sumSquares[f] / count - m * m) : 0;
    mean[f] = m;
    std[f] = Math.max(Math.sqrt(variance), MIN_FEATURE_STD);
  }
  return { mean, std };
}

/** out[r, f] = (x[r, f] − mean[f]) / std[f] for `count` rows (out may be x). */
export function applyNormalization(
  normalization: FeatureNormalization,
  x: Float32Array,
  count: number,
  out: Float32Array = x,
): void {
  const { mean, std } = normalization;
  const dim = mean.length;
  for (let r = 0; r < count; r++) {
    const base = r * dim;
    for (let f = 0; f < dim; f++) out[base + f] = (x[base + f] - mean[f]) / std[f];
  }
}

/** x = x'·std + mean: back to raw coordinates (e.g. to plot 2-D points). */
export function invertNormalization(
  normalization: FeatureNormalization,
  x: Float32Array,
  count: number,
  out: Float32Array = x,
): void {
  const { mean, std } = normalization;
  const dim = mean.length;
  for (let r = 0; r < count; r++) {
    const base = r * dim;
    for (let f = 0; f < dim; f++) out[base + f] = x[base + f] * std[f] + mean[f];
  }
}

function normalizedSplit(split: DataSplit, normalization: FeatureNormalization): DataSplit {
  const x = new Float32Array(split.x.length);
  applyNormalization(normalization, split.x, split.count, x);
  return { x, y: split.y, count: split.count };
}

/**
 * A copy of `dataset` with normalized features (labels and images are shared, not copied).
 * A dataset that is already normalized is returned as it is.
 */
export function normalizeDataset(dataset: Dataset): Dataset {
  if (dataset.normalization) return dataset;
  const normalization = featureStatistics(dataset.train, dataset.inputDim);
  return {
    ...dataset,
    train: normalizedSplit(dataset.train, normalization),
    validation: normalizedSplit(dataset.validation, normalization),
    normalization,
  };
}
