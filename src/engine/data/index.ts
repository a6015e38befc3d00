/**
 * One entry point for the worker: a data set from its name and options, normalized or not.
 */
import { ConfigError } from '../config';
import { type Dataset, type DatasetName, DATASETS } from './dataset';
import { parseDigits } from './digits';
import { normalizeDataset } from './normalize';
import { generatePlanar, PLANAR_DEFAULTS, type PlanarName } from './planar';

export * from './dataset';
export * from './digits';
export * from './normalize';
export * from './planar';
export * from './presets';

export interface DatasetSpec {
  name: DatasetName;
  /** Zero-centre and scale each feature to unit variance (training statistics). Default on. */
  normalize?: boolean;
  /** 2-D sets only (defaults: PLANAR_DEFAULTS). */
  size?: number;
  noise?: number;
  classes?: number;
  /** Draws the 2-D points; the digits' split is fixed and ignores it. */
  seed: number;
}

/** The data set `spec` names; digits need the bytes of digits.bin. */
export function createDataset(spec: DatasetSpec, digitsBytes?: Uint8Array): Dataset {
  if (!DATASETS.includes(spec.name))
    throw new ConfigError(
      'dataset',
      `unknown data set "${spec.name}" (one of ${DATASETS.join(', ')})`,
    );
  let raw: Dataset;
  if (spec.name === 'digits') {
    if (!digitsBytes) throw new ConfigError('dataset', 'the digits have not been loaded');
    raw = parseDigits(digitsBytes);
  } else {
    const name: PlanarName = spec.name;
    const defaults = PLANAR_DEFAULTS[name];
    raw = generatePlanar(name, {
      size: spec.size ?? defaults.size,
      noise: spec.noise ?? defaults.noise,
      classes: spec.classes ?? defaults.classes,
      seed: spec.seed,
    });
  }
  return spec.normalize === false ? raw : normalizeDataset(raw);
}
