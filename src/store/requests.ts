/**
 * The one mapping from the page's settings to what the worker runs (src/worker/protocol.ts).
 * Engine sync, the search, babysitting and preprocessing actions and the exports all read the
 * settings through requestsOf. 'probe' is the page's random input, not a data set: it selects
 * the probe, and never reaches a request's `data`.
 */
import type { NetworkConfig, TrainingConfig } from '../engine/config';
import type { TrainSetupRequest } from '../worker/protocol';
import type { PageState } from './page-state';

/** The data set a training run, search, checklist or preprocessing view runs on. */
export type RequestData = TrainSetupRequest['data'];

/** One pass on the lecture's random N(0,1) input. */
export interface ProbeRun {
  kind: 'probe';
  config: NetworkConfig;
  batch: number;
}

/** A training run on a data set; speed caps its steps per second (0: as fast as possible). */
export interface TrainingRun {
  kind: 'train';
  network: NetworkConfig;
  training: TrainingConfig;
  data: RequestData;
  speed: number;
}

export type EngineRun = ProbeRun | TrainingRun;

/** What the settings ask of the engine: the current configuration, and A when one is pinned. */
export interface EngineRequests {
  current: EngineRun;
  pinned: EngineRun | null;
}

export type RequestSettings = Pick<PageState, 'network' | 'batch' | 'data' | 'training' | 'pinned'>;

/** The data set the settings name, or null for the probe's random input. */
export function requestDataOf(data: PageState['data']): RequestData | null {
  const { name, ...options } = data;
  return name === 'probe' ? null : { ...options, name };
}

function runOf(
  network: NetworkConfig,
  batch: number,
  training: PageState['training'],
  data: RequestData | null,
): EngineRun {
  if (!data) return { kind: 'probe', config: network, batch };
  const { speed, ...rest } = training;
  return { kind: 'train', network, training: { ...rest, batchSize: batch }, data, speed };
}

/** The current run and A's: A runs on the same data (the probe's input, or the same data set). */
export function requestsOf(state: RequestSettings): EngineRequests {
  const data = requestDataOf(state.data);
  const { pinned } = state;
  return {
    current: runOf(state.network, state.batch, state.training, data),
    pinned: pinned && runOf(pinned.network, pinned.batch, pinned.training, data),
  };
}
