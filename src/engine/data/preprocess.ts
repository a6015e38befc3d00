/**
 * The lecture's data preprocessing, fitted on the training split and applied to both splits:
 * zero-centring, normalization (per-feature unit variance), PCA decorrelation (rotation onto
 * the principal axes) and whitening (then unit variance along each axis). PCA and whitening are
 * for the 2-D sets, whose 2×2 covariance has a closed-form eigendecomposition; the digits take
 * centring and normalization (the lecture: for images, subtract the mean image).
 */
import { ConfigError } from '../config';
import type { DataSplit, Dataset } from './dataset';
import { featureStatistics } from './normalize';

export const PREPROCESSINGS = ['none', 'centre', 'normalize', 'pca', 'whiten'] as const;
export type Preprocessing = (typeof PREPROCESSINGS)[number];

/** Keeps whitening finite along a direction with (almost) no variance. */
const WHITEN_EPS = 1e-5;

/** Eigenvectors (columns of a rotation) and eigenvalues of a 2×2 covariance [[a, b], [b, c]]. */
function eigen2(a: number, b: number, c: number): { rotation: number[]; values: [number, number] } {
  const angle = 0.5 * Math.atan2(2 * b, a - c);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const first = a * cos * cos + 2 * b * cos * sin + c * sin * sin;
  const second = a * sin * sin - 2 * b * cos * sin + c * cos * cos;
  // Columns: the principal axis, then the one at right angles.
  return { rotation: [cos, -sin, sin, cos], values: [first, second] };
}

/** The feature transform x ↦ (x − mean)·M, fitted on the training split. */
interface Transform {
  mean: Float64Array;
  /** dim × dim, row-major; null for a diagonal scale `scale`. */
  matrix: number[] | null;
  scale: Float64Array;
}

function fit(split: DataSplit, dim: number, mode: Preprocessing): Transform {
  const stats = featureStatistics(split, dim);
  const mean = Float64Array.from(stats.mean);
  const ones = new Float64Array(dim).fill(1);
  if (mode === 'centre') return { mean, matrix: null, scale: ones };
  if (mode === 'normalize')
    return { mean, matrix: null, scale: Float64Array.from(stats.std, (s) => 1 / s) };
  if (dim !== 2)
    throw new ConfigError(
      'preprocess',
      `${mode} needs a 2-D data set (this one has ${dim} features)`,
    );
  let a = 0;
  let b = 0;
  let c = 0;
  for (let r = 0; r < split.count; r++) {
    const u = split.x[2 * r] - mean[0];
    const v = split.x[2 * r + 1] - mean[1];
    a += u * u;
    b += u * v;
    c += v * v;
  }
  const n = Math.max(1, split.count);
  const { rotation, values } = eigen2(a / n, b / n, c / n);
  if (mode === 'pca') return { mean, matrix: rotation, scale: ones };
  const whiten = values.map((value) => 1 / Math.sqrt(Math.max(value, 0) + WHITEN_EPS));
  return { mean, matrix: rotation, scale: Float64Array.from(whiten) };
}

function apply(split: DataSplit, dim: number, t: Transform): DataSplit {
  const x = new Float32Array(split.x.length);
  const centred = new Float64Array(dim);
  for (let r = 0; r < split.count; r++) {
    for (let f = 0; f < dim; f++) centred[f] = split.x[r * dim + f] - t.mean[f];
    for (let f = 0; f < dim; f++) {
      let value = centred[f];
      if (t.matrix) {
        value = 0;
        for (let g = 0; g < dim; g++) value += centred[g] * t.matrix[g * dim + f];
      }
      x[r * dim + f] = value * t.scale[f];
    }
  }
  return { x, y: split.y, count: split.count };
}

/** The data set with its features preprocessed (labels and images shared). 'none' returns it. */
export function preprocessDataset(dataset: Dataset, mode: Preprocessing): Dataset {
  if (mode === 'none') return dataset;
  const transform = fit(dataset.train, dataset.inputDim, mode);
  return {
    ...dataset,
    train: apply(dataset.train, dataset.inputDim, transform),
    validation: apply(dataset.validation, dataset.inputDim, transform),
    normalization: null,
  };
}

/** The mean training image (0–255 scale), for the lecture's mean-image picture. */
export function meanImage(dataset: Dataset): Float32Array | null {
  const images = dataset.images;
  if (!images) return null;
  const size = images.width * images.height;
  const mean = new Float32Array(size);
  const count = dataset.train.count;
  for (let r = 0; r < count; r++)
    for (let p = 0; p < size; p++) mean[p] += images.train[r * size + p];
  for (let p = 0; p < size; p++) mean[p] /= Math.max(1, count);
  return mean;
}

/**
 * The share of training examples whose features all have one sign. For such an example every
 * first-layer weight gradient column is x·δ_j: all of a unit's weights move the same way (the
 * lecture's zig-zag). Zero-centred data makes it rare; raw pixels (all ≥ 0) make it universal.
 */
export function singleSignedShare(split: DataSplit, dim: number): number {
  let count = 0;
  for (let r = 0; r < split.count; r++) {
    let positive = 0;
    let negative = 0;
    for (let f = 0; f < dim; f++) {
      const v = split.x[r * dim + f];
      if (v > 0) positive++;
      else if (v < 0) negative++;
    }
    if (positive === 0 || negative === 0) count++;
  }
  return split.count > 0 ? count / split.count : 0;
}
