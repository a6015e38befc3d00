/**
 * Two-dimensional toy data sets, drawn from the seed: CS231n's spiral, two concentric circles,
 * XOR and Gaussian blobs. Classes are balanced (sizes differ by at most one point), the points are
 * shuffled and the first 80 % form the training split.
 */
import { ConfigError } from '../config';
import { Rng, Streams } from '../rng';
import { type Dataset, numberedClassNames, takeRows, VALIDATION_FRACTION } from './dataset';

export const PLANAR_DATASETS = ['spiral', 'circles', 'xor', 'blobs'] as const;
export type PlanarName = (typeof PLANAR_DATASETS)[number];

export interface PlanarOptions {
  /** Number of points, training and validation together. */
  size: number;
  /** Standard deviation of the Gaussian noise (radians of angle for the spiral, else units). */
  noise: number;
  /** Spiral arms or blobs; circles and XOR always have 2. */
  classes: number;
  seed: number;
}

export const PLANAR_LIMITS = {
  // At least 10 points per split; 10,000 points is far more than a 2-D boundary needs.
  size: { min: 50, max: 10_000 },
  noise: { min: 0, max: 1 },
  // Beyond 6 arms or blobs the classes overlap whatever the noise.
  classes: { min: 2, max: 6 },
} as const;

/** Defaults per set: the spiral is the lecture notes' (3 arms, angle noise 0.2). */
export const PLANAR_DEFAULTS: Record<PlanarName, Omit<PlanarOptions, 'seed'>> = {
  spiral: { size: 600, noise: 0.2, classes: 3 },
  circles: { size: 600, noise: 0.1, classes: 2 },
  xor: { size: 600, noise: 0.1, classes: 2 },
  blobs: { size: 600, noise: 0.3, classes: 3 },
};

/** Writes class `label`'s point number `index` of `perClass` into x[0], x[1]. */
type PointSampler = (
  rng: Rng,
  label: number,
  index: number,
  perClass: number,
  options: PlanarOptions,
  out: Float32Array,
) => void;

/** CS231n's spiral: arm k sweeps angle [4k, 4k+4] while the radius grows from 0 to 1. */
const spiral: PointSampler = (rng, label, index, perClass, { noise }, out) => {
  const t = perClass > 1 ? index / (perClass - 1) : 0;
  const angle = 4 * (label + t) + rng.normal() * noise;
  out[0] = t * Math.sin(angle);
  out[1] = t * Math.cos(angle);
};

/** Inner circle (radius 0.5) is class 0, outer (radius 1) class 1 (scikit-learn's factor 0.5). */
const circles: PointSampler = (rng, label, _index, _perClass, { noise }, out) => {
  const radius = label === 0 ? 0.5 : 1;
  const angle = 2 * Math.PI * rng.uniform();
  out[0] = radius * Math.cos(angle) + rng.normal() * noise;
  out[1] = radius * Math.sin(angle) + rng.normal() * noise;
};

/** Quadrants with equal signs are class 0; a 0.1 gap along the axes, as in TF Playground. */
const XOR_GAP = 0.1;
const xor: PointSampler = (rng, label, _index, _perClass, { noise }, out) => {
  const sx = rng.uniform() < 0.5 ? -1 : 1;
  const sy = label === 0 ? sx : -sx;
  out[0] = sx * (XOR_GAP + rng.uniform()) + rng.normal() * noise;
  out[1] = sy * (XOR_GAP + rng.uniform()) + rng.normal() * noise;
};

/** Blob centres evenly spaced on the unit circle: no seed puts two of them on top of each other. */
const blobs: PointSampler = (rng, label, _index, _perClass, { noise, classes }, out) => {
  const angle = (2 * Math.PI * label) / classes + Math.PI / 4;
  out[0] = Math.cos(angle) + rng.normal() * noise;
  out[1] = Math.sin(angle) + rng.normal() * noise;
};

const SAMPLERS: Record<PlanarName, PointSampler> = { spiral, circles, xor, blobs };

const TITLES: Record<PlanarName, (classes: number) => string> = {
  spiral: (k) => `Spiral (${k} arms)`,
  circles: () => 'Circles',
  xor: () => 'XOR',
  blobs: (k) => `Gaussian blobs (${k})`,
};

function check(field: string, value: number, min: number, max: number, integer: boolean): void {
  if (
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    value < min ||
    value > max
  )
    throw new ConfigError(
      field,
      `must be ${integer ? 'a whole number ' : ''}between ${min} and ${max}, got ${value}`,
    );
}

export function generatePlanar(name: PlanarName, options: PlanarOptions): Dataset {
  const sampler = SAMPLERS[name];
  if (!sampler) throw new ConfigError('dataset', `unknown data set "${name}"`);
  const fixedTwo = name === 'circles' || name === 'xor';
  const resolved = { ...options, classes: fixedTwo ? 2 : options.classes };
  const { size, classes } = resolved;
  check('size', size, PLANAR_LIMITS.size.min, PLANAR_LIMITS.size.max, true);
  check('noise', resolved.noise, PLANAR_LIMITS.noise.min, PLANAR_LIMITS.noise.max, false);
  check('classes', classes, PLANAR_LIMITS.classes.min, PLANAR_LIMITS.classes.max, true);
  check('seed', resolved.seed, 0, 4294967295, true);

  const rng = new Rng(resolved.seed, Streams.Dataset);
  const x = new Float32Array(size * 2);
  const y = new Uint8Array(size);
  const point = new Float32Array(2);
  let row = 0;
  for (let label = 0; label < classes; label++) {
    const perClass = Math.floor(size / classes) + (label < size % classes ? 1 : 0);
    for (let i = 0; i < perClass; i++, row++) {
      sampler(rng, label, i, perClass, resolved, point);
      x[2 * row] = point[0];
      x[2 * row + 1] = point[1];
      y[row] = label;
    }
  }
  const order = new Int32Array(size).map((_, i) => i);
  rng.shuffle(order);
  const trainCount = size - Math.round(size * VALIDATION_FRACTION);
  return {
    name,
    title: TITLES[name](classes),
    inputDim: 2,
    classes,
    classNames: numberedClassNames(classes),
    train: takeRows(x, y, 2, order, 0, trainCount),
    validation: takeRows(x, y, 2, order, trainCount, size),
    normalization: null,
    images: null,
  };
}
