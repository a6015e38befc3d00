/**
 * A batch of worker messages folded into the results, each message by its slice's reducer:
 * A's probe and run, the jobs, then the current request's probe or run (older requests'
 * messages are dropped: a newer request owns the panels). Pure: state in, state out.
 */
import type { NetworkConfig } from '../../engine/config';
import type { HelloMessage, WorkerMessage } from '../../worker/protocol';
import {
  type BabysitView,
  type ClaimVerdict,
  type PreprocessView,
  reduceBabysit,
  reduceClaims,
  reducePreprocess,
  reduceSearch,
  type SearchView,
} from './jobs';
import { type PinnedView, reduceError, reducePinned, reduceProbe } from './probe';
import { reduceRecordings, type RecordingsView } from './recording';
import {
  type PinnedTrainingView,
  reducePinnedFrame,
  reduceTrainFrame,
  type TrainingSlice,
} from './training';

export interface ResultsData extends TrainingSlice {
  /** Which view the layer panels show: the probe, or the training run's monitoring batch. */
  mode: 'probe' | 'train';
  /** The engine as the status line names it, e.g. "wasm (relaxed-simd, 4 threads)". */
  backend: string | null;
  /** Why the kernels run on one thread where more were asked for, or null. */
  engineNote: string | null;
  /** The request the current results belong to, its configuration and batch. */
  requestId: number;
  config: NetworkConfig | null;
  batch: number;
  pinned: PinnedView | null;
  /** The pinned configuration's training run (A), or null. */
  trainingA: PinnedTrainingView | null;
  search: SearchView | null;
  babysit: BabysitView | null;
  claims: Record<string, ClaimVerdict>;
  preprocessViews: PreprocessView | null;
  recordings: RecordingsView;
  /** Things the user should know that are not errors (e.g. the engine restarted). */
  notices: string[];
}

/** "wasm (relaxed-simd, 4 threads)", "ts (scalar)". */
export function engineLine(hello: HelloMessage): string {
  if (hello.backend === 'ts') return `ts (${hello.variant})`;
  return `${hello.backend} (${hello.variant}, ${hello.threads} thread${hello.threads === 1 ? '' : 's'})`;
}

export function applyMessage<State extends ResultsData>(
  state: State,
  message: WorkerMessage,
): State {
  if ('slot' in message && message.slot === 'a')
    return message.type === 'train-frame'
      ? { ...state, trainingA: reducePinnedFrame(state.trainingA, message) }
      : { ...state, pinned: reducePinned(state.pinned, message) };
  switch (message.type) {
    case 'hello':
      return { ...state, backend: engineLine(message), engineNote: message.singleThreadReason };
    case 'preprocess-views':
      return { ...state, preprocessViews: reducePreprocess(state.preprocessViews, message) };
    case 'babysit-step':
    case 'babysit-done':
      return { ...state, babysit: reduceBabysit(state.babysit, message) };
    case 'search-progress':
    case 'search-done':
      return { ...state, search: reduceSearch(state.search, message) };
    case 'claim-result':
      return { ...state, claims: reduceClaims(state.claims, message) };
    case 'recording-progress':
    case 'recording-opened':
    case 'recording-error':
      return { ...state, recordings: reduceRecordings(state.recordings, message) };
  }
  if (message.id !== state.requestId) return state;
  switch (message.type) {
    case 'error':
      return reduceError(state, message);
    case 'train-frame':
      return reduceTrainFrame(state, message);
    default:
      return reduceProbe(state, message);
  }
}

export function applyBatch<State extends ResultsData>(state: State, batch: WorkerMessage[]): State {
  return batch.reduce(applyMessage, state);
}
