/**
 * What the trainer learns from: feature rows and class labels, split once into a training and a
 * validation part, with the names the UI shows.
 */

export const DATASETS = ['spiral', 'circles', 'xor', 'blobs', 'digits'] as const;
export type DatasetName = (typeof DATASETS)[number];

/** One split: `count` rows of `inputDim` features, row-major, and a class index per row. */
export interface DataSplit {
  x: Float32Array;
  /** Class index per row (every data set here has at most 256 classes). */
  y: Uint8Array;
  count: number;
}

/** Per-feature statistics of the training split; x' = (x − mean) / std. */
export interface FeatureNormalization {
  mean: Float32Array;
  std: Float32Array;
}

/** The raw pixels of an image data set, for showing samples (x may be normalized). */
export interface ImageSamples {
  width: number;
  height: number;
  /** count × width·height bytes (0 = background, 255 = ink), same row order as the split. */
  train: Uint8Array;
  validation: Uint8Array;
}

export interface Dataset {
  name: DatasetName;
  /** Human title, e.g. "Spiral (3 arms)". */
  title: string;
  inputDim: number;
  classes: number;
  /** One label per class for legends, e.g. "0".."9" or "class 1". */
  classNames: string[];
  train: DataSplit;
  validation: DataSplit;
  /** The transform applied to x, or null when x is raw. */
  normalization: FeatureNormalization | null;
  images: ImageSamples | null;
}

/**
 * Shared by the 2-D sets: a fifth of the points is held out for validation. Enough validation
 * points (≥ 40 at the smallest size) for a stable accuracy, most of them left to learn from.
 */
export const VALIDATION_FRACTION = 0.2;

/** Copies rows `order[from..to)` of (x, y) into a new split. */
export function takeRows(
  x: Float32Array,
  y: Uint8Array,
  dim: number,
  order: ArrayLike<number>,
  from: number,
  to: number,
): DataSplit {
  const count = to - from;
  const split: DataSplit = { x: new Float32Array(count * dim), y: new Uint8Array(count), count };
  for (let r = 0; r < count; r++) {
    const source = order[from + r];
    split.x.set(x.subarray(source * dim, (source + 1) * dim), r * dim);
    split.y[r] = y[source];
  }
  return split;
}

/** Human names "class 1".."class n" for data sets without natural ones. */
export function numberedClassNames(classes: number): string[] {
  return Array.from({ length: classes }, (_, c) => `class ${c + 1}`);
}
