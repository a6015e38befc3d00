/**
 * The page's scenes for a claim's settings (a probe, or a training setup) and the runs they
 * describe. Plain data: the checks build their networks from the same runs.
 */
import type { NetworkConfig, TrainingConfig } from '../../config';
import type { DatasetSpec } from '../../data/spec';
import type { ClaimScene } from '../types';

export interface RunSpec {
  network: NetworkConfig;
  training: TrainingConfig;
}

/** The page's scene for a training setup (the data set's controls as the page names them). */
export function trainingScene(
  spec: RunSpec,
  data: DatasetSpec,
  extra: { speed?: number; train?: boolean; panel?: ClaimScene['panel'] } = {},
): ClaimScene {
  const { optimizer, learningRate, l2, batchSize } = spec.training;
  const { name, ...dataOptions } = data;
  return {
    network: { biasInit: 0, ...spec.network },
    batch: batchSize,
    data: name,
    // Named in full (the default of src/engine/data/spec.ts spelled out: a value import of it
    // would bring the data builders onto the page), so the scene sets the whole state.
    dataOptions: { ...dataOptions, preprocess: data.preprocess ?? 'normalize' },
    training: {
      optimizer,
      learningRate,
      l2,
      ...(extra.speed === undefined ? {} : { speed: extra.speed }),
    },
    train: extra.train ?? true,
    ...(extra.panel ? { panel: extra.panel } : {}),
  };
}

export function probeScene(network: NetworkConfig, batch: number): ClaimScene {
  return { network: { biasInit: 0, ...network }, batch, data: 'probe', train: false };
}
