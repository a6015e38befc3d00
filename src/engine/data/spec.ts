/**
 * The one description of a data set and the one builder from it. The engine's tests and claims,
 * the command line (through the claims), the worker (src/worker/datasets.ts fetches and caches
 * the digits' bytes, then calls buildDataset), the worker protocol, the page's settings
 * (src/store/page-state.ts) and the tour's scenes (src/engine/claims/types.ts) all use them.
 */
import { ConfigError } from '../config';
import { type Dataset, type DatasetName, DATASETS } from './dataset';
import { parseDigits } from './digits';
import { normalizeDataset } from './normalize';
import { generatePlanar, PLANAR_DEFAULTS, type PlanarName } from './planar';
import { type Preprocessing, preprocessDataset } from './preprocess';

/** What the page trains on when no preprocessing is named: per-feature unit variance. */
export const DEFAULT_PREPROCESSING: Preprocessing = 'normalize';

/**
 * A data set to build: its name, the 2-D sets' shape and the preprocessing of its features.
 * `Name` widens only for the page's choice (src/store/page-state.ts: 'probe' or a data set).
 * Shared by the worker bridge, the page's store and the claims: keep this name and its export
 * from src/engine/data/index.ts.
 */
export interface DatasetSpec<Name extends string = DatasetName> {
  name: Name;
  /** 2-D sets only (defaults: PLANAR_DEFAULTS): number of points, noise, and arms or blobs. */
  points?: number;
  noise?: number;
  planarClasses?: number;
  /** Fitted on the training split (src/engine/data/preprocess.ts); default DEFAULT_PREPROCESSING. */
  preprocess?: Preprocessing;
}

/** The spec as the builder reads it: `name` is a data set, not the page's 'probe'. */
export function isDatasetSpec(spec: DatasetSpec<string>): spec is DatasetSpec {
  return (DATASETS as readonly string[]).includes(spec.name);
}

/** The raw features: the 2-D points drawn from `seed`, or the digits (a fixed split) parsed. */
function rawDataset(spec: DatasetSpec, seed: number, digitsBytes: Uint8Array | undefined): Dataset {
  if (spec.name === 'digits') {
    if (!digitsBytes) throw new ConfigError('dataset', 'the digits have not been loaded');
    return parseDigits(digitsBytes);
  }
  const name: PlanarName = spec.name;
  const defaults = PLANAR_DEFAULTS[name];
  return generatePlanar(name, {
    size: spec.points ?? defaults.size,
    noise: spec.noise ?? defaults.noise,
    classes: spec.planarClasses ?? defaults.classes,
    seed,
  });
}

/**
 * The data set `spec` names, preprocessed. 2-D points are drawn from `seed` (the page passes
 * the network's); the digits need the bytes of public/digits.bin and ignore the seed.
 * 'normalize' goes through normalizeDataset, which keeps its statistics on the data set
 * (`normalization`, to map points back: src/engine/data/normalize.ts).
 */
export function buildDataset(spec: DatasetSpec, seed: number, digitsBytes?: Uint8Array): Dataset {
  const name: string = spec.name;
  if (!isDatasetSpec(spec))
    throw new ConfigError('dataset', `unknown data set "${name}" (one of ${DATASETS.join(', ')})`);
  const raw = rawDataset(spec, seed, digitsBytes);
  const preprocess = spec.preprocess ?? DEFAULT_PREPROCESSING;
  return preprocess === 'normalize' ? normalizeDataset(raw) : preprocessDataset(raw, preprocess);
}
