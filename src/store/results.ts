/**
 * The latest results from the worker, as the panels draw them: per-layer statistics and
 * histograms (filled in as they stream), the theory curve, the diagnosis, the jobs and the page
 * status. The engine bridge (engine-bridge.ts) says which request the results now belong to and
 * hands over each batch of messages; the slices' pure reducers (result-slices/) fold a batch
 * into one `set`.
 */
import { create } from 'zustand';
import type { NetworkConfig } from '../engine/config';
import type { WorkerMessage } from '../worker/protocol';
import { applyBatch, type ResultsData } from './result-slices/apply';
import { emptyLayer } from './result-slices/probe';
import { NO_RECORDINGS, type OpenedRecording, withStep } from './result-slices/recording';
import { EMPTY_TRAINING } from './result-slices/training';

export type { BabysitView, ClaimVerdict, SearchView } from './result-slices/jobs';
export { verdictKey } from './result-slices/jobs';
export type { LayerView, PinnedView, Status } from './result-slices/probe';
export type { TrainingView } from './result-slices/training';
export type { OpenedRecording, RecordingsView } from './result-slices/recording';

export interface ResultsState extends ResultsData {
  /** A new request for the current configuration: its results replace the last ones. */
  begin: (id: number, config: NetworkConfig, batch: number, mode?: 'probe' | 'train') => void;
  beginPinned: (id: number, config: NetworkConfig, batch: number) => void;
  beginPinnedTraining: (id: number | null) => void;
  unpin: () => void;
  babysitStarted: (id: number) => void;
  searchStarted: (id: number, shards: number) => void;
  claimStarted: (claim: string) => void;
  preprocessStarted: (id: number) => void;
  /** Says "training" at once on Train, unless there is no run that could start. */
  trainRequested: () => void;
  /** Pause, Step or Reset: the frames that follow say what the run is doing. */
  trainSettled: () => void;
  /** One batch of worker messages (one animation frame's), applied in one `set`. */
  applyMessages: (messages: WorkerMessage[]) => void;
  /** A recording starts to open (a file's name or a URL); its messages carry `id`. */
  recordingOpening: (id: number, name: string, url: string | null) => void;
  setRecordingStep: (index: number) => void;
  /** Pins the shown recording as A (null: unpin). */
  pinRecording: (recording: OpenedRecording | null) => void;
  /** Shows a recording made on the page (the lab's own pass) as B. */
  showRecording: (recording: OpenedRecording) => void;
  closeRecordings: () => void;
  dismissRecordingError: () => void;
  addNotice: (notice: string) => void;
  dismissNotices: () => void;
}

const INITIAL: ResultsData = {
  status: 'computing',
  playPending: false,
  theory: [],
  noTheory: null,
  gradTheory: [],
  actRange: [-1, 1],
  layers: [],
  loss: null,
  elapsedMs: null,
  nonFinite: null,
  diagnosis: null,
  error: null,
  training: null,
  mode: 'probe',
  backend: null,
  engineNote: null,
  requestId: 0,
  config: null,
  batch: 0,
  pinned: null,
  trainingA: null,
  search: null,
  babysit: null,
  claims: {},
  preprocessViews: null,
  recordings: NO_RECORDINGS,
  notices: [],
};

export const useResults = create<ResultsState>()((set, get) => ({
  ...INITIAL,
  begin(id, config, batch, mode = 'probe') {
    // Keep the previous drawing until the new pass replaces it layer by layer (no flash).
    const { layers, training } = get();
    const sameDepth = layers.length === config.depth && get().mode === mode;
    set({
      status: 'computing',
      mode,
      training: mode === 'train' ? training : null,
      requestId: id,
      config,
      batch,
      error: null,
      playPending: false,
      layers: sameDepth ? layers : Array.from({ length: config.depth }, emptyLayer),
    });
  },
  beginPinned: (id, config, batch) =>
    set({
      pinned: {
        requestId: id,
        config,
        batch,
        layers: Array.from({ length: config.depth }, emptyLayer),
        done: false,
      },
    }),
  beginPinnedTraining: (id) =>
    set({ trainingA: id === null ? null : { ...EMPTY_TRAINING, requestId: id } }),
  unpin: () => set({ pinned: null }),
  babysitStarted: (id) => set({ babysit: { id, running: true, steps: [], error: null } }),
  searchStarted: (id, shards) =>
    set({
      search: { id, running: true, done: 0, total: 0, trials: [], error: null, shardsLeft: shards },
    }),
  claimStarted(claim) {
    const { claims } = get();
    const result = claims[claim]?.result ?? null;
    set({ claims: { ...claims, [claim]: { running: true, result, error: null } } });
  },
  preprocessStarted: (id) => set({ preprocessViews: { id, views: null } }),
  trainRequested() {
    const { mode, status, training } = get();
    if (mode !== 'train' || status === 'error' || training?.diverged) return;
    set({ status: 'training', playPending: true });
  },
  trainSettled: () => set({ playPending: false }),
  applyMessages: (messages) => set(applyBatch(get(), messages)),
  recordingOpening: (id, name, url) =>
    set({
      recordings: {
        ...get().recordings,
        opening: { id, name, url, phase: 'reading', fraction: 0 },
        error: null,
      },
    }),
  setRecordingStep: (index) => set({ recordings: withStep(get().recordings, index) }),
  pinRecording: (pinned) => set({ recordings: { ...get().recordings, pinned } }),
  showRecording: (shown) =>
    set({
      recordings: { ...get().recordings, shown, stepIndex: shown.recording.stepCount - 1 },
    }),
  closeRecordings: () => set({ recordings: NO_RECORDINGS }),
  dismissRecordingError: () => set({ recordings: { ...get().recordings, error: null } }),
  addNotice: (notice) => set({ notices: [...get().notices, notice] }),
  dismissNotices: () => set({ notices: [] }),
}));
