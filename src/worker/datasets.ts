/** The data set a request names, built once and kept while it is the one in use. */
import type { Dataset } from '../engine/data/dataset';
import { parseDigits } from '../engine/data/digits';
import { normalizeDataset } from '../engine/data/normalize';
import { preprocessDataset } from '../engine/data/preprocess';
import { generatePlanar, type PlanarName } from '../engine/data/planar';
import { loadDigitsBytes } from './digits';
import type { DataSpec } from './protocol';

let cached: { key: string; dataset: Dataset } | null = null;

/** 2-D sets are drawn from the network's seed; the digits' split is fixed. */
export async function buildDataset(
  spec: DataSpec,
  seed: number,
  digitsUrl: string,
): Promise<Dataset> {
  const key = JSON.stringify([spec, spec.name === 'digits' ? 0 : seed]);
  if (cached?.key === key) return cached.dataset;
  let dataset =
    spec.name === 'digits'
      ? parseDigits(await loadDigitsBytes(digitsUrl))
      : generatePlanar(spec.name as PlanarName, {
          size: spec.points,
          noise: spec.noise,
          classes: spec.planarClasses,
          seed,
        });
  const mode =
    spec.preprocess === 'normalize' || spec.preprocess === 'none'
      ? spec.normalize
        ? 'normalize'
        : 'none'
      : spec.preprocess;
  dataset = mode === 'normalize' ? normalizeDataset(dataset) : preprocessDataset(dataset, mode);
  cached = { key, dataset };
  return dataset;
}
