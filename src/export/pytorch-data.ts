/**
 * The data a PyTorch training run learns from, resolved from the page's data set choice and
 * written as Python: the 2-D sets drawn with the page's formulas (src/engine/data/planar.ts),
 * MNIST through torchvision, or, with no data set, the probe's random rows.
 */
import { ConfigError, type NetworkConfig } from '../engine/config';
import { DATASETS, VALIDATION_FRACTION } from '../engine/data/dataset';
import { DIGITS_CLASSES } from '../engine/data/digits';
import type { Preprocessing } from '../engine/data/preprocess';
import { DEFAULT_PREPROCESSING, type DatasetSpec, isDatasetSpec } from '../engine/data/spec';
import { MIN_FEATURE_STD } from '../engine/data/normalize';
import { PLANAR_DEFAULTS, PLANAR_LIMITS, type PlanarName } from '../engine/data/planar';
import { pyFloat, pyInt } from './python';

const DIGIT_PIXELS = 28 * 28;

export type DataChoice =
  | { kind: 'random' }
  | { kind: 'digits'; normalize: boolean }
  | {
      kind: 'planar';
      name: PlanarName;
      size: number;
      noise: number;
      classes: number;
      normalize: boolean;
    };

/** The script writes per-feature normalization or none; the other preprocessings it cannot. */
function scriptNormalizes(preprocess: Preprocessing): boolean {
  if (preprocess === 'normalize' || preprocess === 'none') return preprocess === 'normalize';
  throw new ConfigError('preprocess', `the script writes normalize or none, not ${preprocess}`);
}

/** The page's data set (a name, or the full spec) as what the script draws; checked against the network. */
export function resolveData(
  network: NetworkConfig,
  dataset: string | DatasetSpec | undefined,
): DataChoice {
  if (dataset === undefined || dataset === '' || dataset === 'random') return { kind: 'random' };
  const spec: DatasetSpec<string> = typeof dataset === 'string' ? { name: dataset } : dataset;
  if (!isDatasetSpec(spec))
    throw new ConfigError(
      'dataset',
      `unknown data set "${spec.name}" (one of ${DATASETS.join(', ')}, or none for random rows)`,
    );
  const { name } = spec;
  const normalize = scriptNormalizes(spec.preprocess ?? DEFAULT_PREPROCESSING);
  const mismatch = (inputs: number, classes: number) =>
    new ConfigError(
      'dataset',
      `${name} has ${inputs} inputs and ${classes} classes, the network ${network.inputDim} and ${network.classes}`,
    );
  if (name === 'digits') {
    if (network.inputDim !== DIGIT_PIXELS || network.classes !== DIGITS_CLASSES)
      throw mismatch(DIGIT_PIXELS, DIGITS_CLASSES);
    return { kind: 'digits', normalize };
  }
  const defaults = PLANAR_DEFAULTS[name];
  const fixedTwo = name === 'circles' || name === 'xor';
  // Arms or blobs follow the network's classes unless the spec names them.
  const classes = fixedTwo ? 2 : (spec.planarClasses ?? network.classes);
  const { size: sizes, noise: noises, classes: classRange } = PLANAR_LIMITS;
  const size = spec.points ?? defaults.size;
  const noise = spec.noise ?? defaults.noise;
  if (!Number.isInteger(size) || size < sizes.min || size > sizes.max)
    throw new ConfigError(
      'size',
      `must be a whole number from ${sizes.min} to ${sizes.max}, got ${size}`,
    );
  if (!Number.isFinite(noise) || noise < noises.min || noise > noises.max)
    throw new ConfigError('noise', `must be from ${noises.min} to ${noises.max}, got ${noise}`);
  if (network.inputDim !== 2 || network.classes !== classes) throw mismatch(2, classes);
  if (!Number.isInteger(classes) || classes < classRange.min || classes > classRange.max)
    throw new ConfigError(
      'classes',
      `${name} takes ${classRange.min} to ${classRange.max} classes, got ${classes}`,
    );
  return { kind: 'planar', name, size, noise, classes, normalize };
}

export function dataSummary(data: DataChoice): string {
  if (data.kind === 'random') return "the probe's random rows (memorization only)";
  if (data.kind === 'digits') return 'MNIST digits';
  return `${data.name} (${data.size} points, noise ${data.noise}, ${data.classes} classes)`;
}

const SAMPLERS: Record<PlanarName, string> = {
  spiral: `def draw_class(label, count, generator):
    """CS231n's spiral: arm k sweeps angle [4k, 4k + 4] while the radius grows from 0 to 1."""
    t = torch.linspace(0, 1, count) if count > 1 else torch.zeros(1)
    angle = 4 * (label + t) + torch.randn(count, generator=generator) * NOISE
    return torch.stack([t * torch.sin(angle), t * torch.cos(angle)], dim=1)`,
  circles: `def draw_class(label, count, generator):
    """Inner circle (radius 0.5) is class 0, outer (radius 1) class 1."""
    radius = 0.5 if label == 0 else 1.0
    angle = 2 * math.pi * torch.rand(count, generator=generator)
    ring = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], dim=1)
    return ring + torch.randn(count, 2, generator=generator) * NOISE`,
  xor: `def draw_class(label, count, generator):
    """Quadrants with equal signs are class 0; a 0.1 gap along the axes, as in TF Playground."""
    sx = 1 - 2 * (torch.rand(count, generator=generator) < 0.5).float()
    sy = sx if label == 0 else -sx
    magnitude = 0.1 + torch.rand(count, 2, generator=generator)
    return torch.stack([sx, sy], dim=1) * magnitude + torch.randn(count, 2, generator=generator) * NOISE`,
  blobs: `def draw_class(label, count, generator):
    """Gaussian blobs centred evenly on the unit circle."""
    angle = 2 * math.pi * label / CLASSES + math.pi / 4
    centre = torch.tensor([math.cos(angle), math.sin(angle)])
    return centre + torch.randn(count, 2, generator=generator) * NOISE`,
};

const NORMALIZE_SOURCE = `def normalize(train_x, validation_x):
    """Zero-centre and scale each feature with the TRAINING split's statistics; the std is floored
    at MIN_FEATURE_STD, as on the page, so near-constant pixels are not blown up."""
    mean = train_x.mean(dim=0)
    std = (train_x - mean).pow(2).mean(dim=0).sqrt().clamp(min=MIN_FEATURE_STD)
    return (train_x - mean) / std, (validation_x - mean) / std`;

function normalizeCall(data: DataChoice): string {
  return data.kind !== 'random' && data.normalize
    ? '    train_x, validation_x = normalize(train_x, validation_x)\n'
    : '';
}

/** Python source of `load_data(generator)` → (train_x, train_y, validation_x, validation_y). */
export function dataSource(data: DataChoice): string {
  if (data.kind === 'random')
    return `def load_data(generator):
    """No data set: the probe's distribution, X ~ N(0,1) with uniformly random labels. There is
    nothing to generalize, so no validation split: the network can only memorize these rows (the
    lecture's sanity check: a network that cannot overfit a small set is broken)."""
    x = torch.randn(PROBE_BATCH, INPUT_DIM, generator=generator)
    y = torch.randint(0, CLASSES, (PROBE_BATCH,), generator=generator)
    return x, y, None, None`;
  const constants = `MIN_FEATURE_STD = ${pyFloat(MIN_FEATURE_STD)}\n`;
  if (data.kind === 'digits')
    return `${constants}

${NORMALIZE_SOURCE}


def load_data(generator):
    """MNIST digits, pixels in [0, 1]. The page uses 10,000 of them (8,000 to learn from, 2,000
    held out); here the first 8,000 of MNIST's training set and the first 2,000 of its test set,
    through torchvision (pip install torchvision; it downloads MNIST into ./data)."""
    from torchvision import datasets

    train = datasets.MNIST('data', train=True, download=True)
    test = datasets.MNIST('data', train=False, download=True)
    train_x = train.data[:8000].reshape(8000, -1).float() / 255
    validation_x = test.data[:2000].reshape(2000, -1).float() / 255
${normalizeCall(data)}    return train_x, train.targets[:8000], validation_x, test.targets[:2000]`;
  return `${constants}SIZE = ${pyInt(data.size)}
NOISE = ${pyFloat(data.noise)}
VALIDATION_FRACTION = ${pyFloat(VALIDATION_FRACTION)}


${SAMPLERS[data.name]}


${NORMALIZE_SOURCE}


def load_data(generator):
    """${data.name}, drawn as the page draws it: balanced classes, shuffled, the first
    (1 - VALIDATION_FRACTION) of the points to learn from, the rest held out."""
    points, labels = [], []
    for label in range(CLASSES):
        count = SIZE // CLASSES + (1 if label < SIZE % CLASSES else 0)
        points.append(draw_class(label, count, generator))
        labels.append(torch.full((count,), label, dtype=torch.long))
    order = torch.randperm(SIZE, generator=generator)
    x, y = torch.cat(points)[order], torch.cat(labels)[order]
    train_count = SIZE - math.floor(SIZE * VALIDATION_FRACTION + 0.5)
    train_x, validation_x = x[:train_count], x[train_count:]
${normalizeCall(data)}    return train_x, y[:train_count], validation_x, y[train_count:]`;
}
