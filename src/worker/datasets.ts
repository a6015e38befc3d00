/**
 * The worker's side of the data: it fetches the digits file (digits.ts) and keeps the last data
 * set built; building is the engine's one builder (src/engine/data/spec.ts).
 */
import type { Dataset } from '../engine/data/dataset';
import { buildDataset, type DatasetSpec } from '../engine/data/spec';
import { loadDigitsBytes } from './digits';

let cached: { key: string; dataset: Dataset } | null = null;

/** The data set `spec` names, built once and kept while it is the one in use. */
export async function loadDataset(
  spec: DatasetSpec,
  seed: number,
  digitsUrl: string,
): Promise<Dataset> {
  // The digits' split is fixed: any seed gives the same data set.
  const key = JSON.stringify([spec, spec.name === 'digits' ? 0 : seed]);
  if (cached?.key === key) return cached.dataset;
  const digitsBytes = spec.name === 'digits' ? await loadDigitsBytes(digitsUrl) : undefined;
  const dataset = buildDataset(spec, seed, digitsBytes);
  cached = { key, dataset };
  return dataset;
}
