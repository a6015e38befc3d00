/**
 * The latest results from the worker, as the panels draw them: per-layer statistics and
 * histograms (filled in as they stream), the theory curve, the diagnosis and the page status.
 */
import { create } from 'zustand';
import type { NetworkConfig } from '../engine/config';
import type { Diagnosis } from '../engine/diagnosis';
import type { NonFinite } from '../engine/network';
import type { Histogram, LayerStats } from '../engine/stats';
import type { LayerTheory } from '../engine/theory';
import type { TrialOutcome } from '../engine/claims/hyperparameters';
import type { BabysitStep } from '../engine/babysitting';
import type { ClaimResult, ClaimVariant } from '../engine/claims/types';
import type { Divergence } from '../engine/trainer';
import type {
  PreprocessViewsMessage,
  RegionsFrame,
  SamplesFrame,
  TrainFrame,
  TrainSeries,
  WorkerMessage,
} from '../worker/protocol';

export type Status = 'computing' | 'ready' | 'training' | 'error';

export interface LayerView {
  /** Forward statistics; gradient fields are filled when the backward pass reaches the layer. */
  stats: LayerStats | null;
  hasGradients: boolean;
  actHistogram: Histogram | null;
  gradHistogram: Histogram | null;
  gradLogHistogram: Histogram | null;
}

/** The training run as the training view draws it. */
export interface TrainingView {
  running: boolean;
  step: number;
  stepsPerSecond: number;
  dataTitle: string;
  inputDim: number;
  classes: number;
  trainCount: number;
  loss: number;
  accuracy: number;
  validation: { loss: number; accuracy: number } | null;
  firing: Float32Array[];
  series: TrainSeries | null;
  regions: RegionsFrame | null;
  samples: SamplesFrame | null;
  diverged: Divergence | null;
}

/** The configuration pinned as A for comparison, and its probe's results. */
export interface PinnedView {
  requestId: number;
  config: NetworkConfig;
  batch: number;
  layers: LayerView[];
  done: boolean;
}

/** Where a claim's verdict is kept: its id, or "control:" and its id for its control's. */
export function verdictKey(claim: string, variant: ClaimVariant = 'claim'): string {
  return variant === 'control' ? `control:${claim}` : claim;
}

/** A lecture claim's verdict as the tour shows it. */
export interface ClaimVerdict {
  running: boolean;
  result: ClaimResult | null;
  error: string | null;
}

/** The hyperparameter search's trials as they arrive. */
export interface SearchView {
  id: number;
  running: boolean;
  done: number;
  total: number;
  trials: (TrialOutcome & { method: 'grid' | 'random' })[];
  error: string | null;
  /** Workers still running their share of the trials. */
  shardsLeft: number;
}

/** The babysitting checklist's steps as they complete. */
export interface BabysitView {
  id: number;
  running: boolean;
  steps: BabysitStep[];
  error: string | null;
}

export interface ResultsState {
  status: Status;
  /** The preprocessing pictures (requested by the panel that shows them). */
  preprocessViews: { id: number; views: PreprocessViewsMessage | null } | null;
  preprocessStarted: (id: number) => void;
  babysit: BabysitView | null;
  babysitStarted: (id: number) => void;
  search: SearchView | null;
  searchStarted: (id: number, shards: number) => void;
  claims: Record<string, ClaimVerdict>;
  claimStarted: (claim: string) => void;
  pinned: PinnedView | null;
  /** Which view the layer panels show: the probe, or the training run's monitoring batch. */
  mode: 'probe' | 'train';
  training: TrainingView | null;
  /** Train was pressed and the worker has not yet sent a running frame (it may still be building). */
  playPending: boolean;
  /** Says "training" at once on Train, unless there is no run that could start. */
  trainRequested: () => void;
  /** Pause, Step or Reset: the frames that follow say what the run is doing. */
  trainSettled: () => void;
  backend: string | null;
  requestId: number;
  /** The configuration the current results belong to. */
  config: NetworkConfig | null;
  batch: number;
  /** The mean-field prediction per layer ([] while none has arrived or none applies). */
  theory: LayerTheory[];
  /** Why no theory is drawn (shown in words), or null. */
  noTheory: string | null;
  gradTheory: (number | null)[];
  actRange: [number, number];
  layers: LayerView[];
  loss: number | null;
  elapsedMs: number | null;
  nonFinite: NonFinite | null;
  diagnosis: Diagnosis | null;
  error: string | null;
  /** Things the user should know that are not errors (e.g. the engine restarted). */
  notices: string[];
  begin: (id: number, config: NetworkConfig, batch: number, mode?: 'probe' | 'train') => void;
  beginPinned: (id: number, config: NetworkConfig, batch: number) => void;
  /** The pinned configuration's training run (A), or null. */
  trainingA: (TrainingView & { requestId: number }) | null;
  beginPinnedTraining: (id: number | null) => void;
  unpin: () => void;
  applyMessages: (messages: WorkerMessage[]) => void;
  addNotice: (notice: string) => void;
  dismissNotices: () => void;
}

/** The depth chart's words for the training view, which it draws without a theory curve. */
const NO_THEORY_WHILE_TRAINING =
  'No theory curve while training: the mean-field theory describes the network as initialized, before any step.';

const emptyLayer = (): LayerView => ({
  stats: null,
  hasGradients: false,
  actHistogram: null,
  gradHistogram: null,
  gradLogHistogram: null,
});

export const useResults = create<ResultsState>()((set, get) => ({
  status: 'computing',
  claims: {},
  search: null,
  preprocessViews: null,
  preprocessStarted: (id) => set({ preprocessViews: { id, views: null } }),
  babysit: null,
  babysitStarted: (id) => set({ babysit: { id, running: true, steps: [], error: null } }),
  searchStarted: (id, shards) =>
    set({
      search: { id, running: true, done: 0, total: 0, trials: [], error: null, shardsLeft: shards },
    }),
  claimStarted: (claim) =>
    set({
      claims: {
        ...get().claims,
        [claim]: { running: true, result: get().claims[claim]?.result ?? null, error: null },
      },
    }),
  pinned: null,
  mode: 'probe',
  training: null,
  playPending: false,
  trainRequested() {
    const { mode, status, training } = get();
    if (mode !== 'train' || status === 'error' || training?.diverged) return;
    set({ status: 'training', playPending: true });
  },
  trainSettled: () => set({ playPending: false }),
  backend: null,
  requestId: 0,
  config: null,
  batch: 0,
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
  notices: [],
  begin(id, config, batch, mode = 'probe') {
    // Keep the previous drawing until the new pass replaces it layer by layer (no flash).
    const sameDepth = get().layers.length === config.depth && get().mode === mode;
    set({
      status: 'computing',
      mode,
      training: mode === 'train' ? get().training : null,
      requestId: id,
      config,
      batch,
      error: null,
      playPending: false,
      layers: sameDepth ? get().layers : Array.from({ length: config.depth }, emptyLayer),
    });
  },
  beginPinned(id, config, batch) {
    set({
      pinned: {
        requestId: id,
        config,
        batch,
        layers: Array.from({ length: config.depth }, emptyLayer),
        done: false,
      },
    });
  },
  unpin: () => set({ pinned: null }),
  trainingA: null,
  beginPinnedTraining: (id) =>
    set({ trainingA: id === null ? null : { ...EMPTY_TRAINING, requestId: id } }),
  applyMessages(messages) {
    const pinnedMessages = messages.filter((m) => 'slot' in m && m.slot === 'a');
    const pinnedFrames = pinnedMessages.filter((m) => m.type === 'train-frame');
    const trainingA = get().trainingA;
    for (const frame of pinnedFrames) {
      if (frame.type !== 'train-frame' || !trainingA || frame.id !== trainingA.requestId) continue;
      set({ trainingA: { ...trainingView(frame, get().trainingA), requestId: frame.id } });
    }
    if (pinnedMessages.length > pinnedFrames.length)
      applyPinned(pinnedMessages.filter((m) => m.type !== 'train-frame'));
    messages = messages.filter((m) => !('slot' in m && m.slot === 'a'));
    for (const m of messages) {
      const current = get().preprocessViews;
      if (m.type === 'preprocess-views' && current && m.id === current.id)
        set({ preprocessViews: { id: m.id, views: m } });
    }
    messages = messages.filter((m) => m.type !== 'preprocess-views');
    const babysitMessages = messages.filter(
      (m) => m.type === 'babysit-step' || m.type === 'babysit-done',
    );
    if (babysitMessages.length > 0) {
      let babysit = get().babysit;
      for (const m of babysitMessages) {
        if (!babysit || m.id !== babysit.id) continue;
        if (m.type === 'babysit-step') babysit = { ...babysit, steps: [...babysit.steps, m.step] };
        else babysit = { ...babysit, running: false, error: m.error };
      }
      set({ babysit });
      messages = messages.filter((m) => m.type !== 'babysit-step' && m.type !== 'babysit-done');
    }
    const searchMessages = messages.filter(
      (m) => m.type === 'search-progress' || m.type === 'search-done',
    );
    if (searchMessages.length > 0) {
      let search = get().search;
      for (const m of searchMessages) {
        if (!search || m.id !== search.id) continue;
        if (m.type === 'search-progress')
          search = {
            ...search,
            done: search.done + 1,
            total: m.total,
            trials: [...search.trials, { ...m.outcome, method: m.method }],
          };
        else {
          const shardsLeft = search.shardsLeft - 1;
          search = {
            ...search,
            shardsLeft,
            running: shardsLeft > 0,
            error: m.error ?? search.error,
          };
        }
      }
      set({ search });
      messages = messages.filter((m) => m.type !== 'search-progress' && m.type !== 'search-done');
    }
    const verdicts = messages.filter((m) => m.type === 'claim-result');
    if (verdicts.length > 0) {
      const claims = { ...get().claims };
      for (const m of verdicts)
        if (m.type === 'claim-result')
          claims[verdictKey(m.claim, m.variant)] = {
            running: false,
            result: m.result,
            error: m.error,
          };
      set({ claims });
      messages = messages.filter((m) => m.type !== 'claim-result');
    }
    const state = get();
    let layers: LayerView[] | null = null;
    const patch: Partial<ResultsState> = {};
    const editLayer = (index: number, change: Partial<LayerView>) => {
      layers ??= [...(patch.layers ?? state.layers)];
      if (index >= 0 && index < layers.length) layers[index] = { ...layers[index], ...change };
    };
    for (const message of messages) {
      if (message.type === 'hello') {
        patch.backend = `${message.backend} (${message.variant})`;
        continue;
      }
      if (message.id !== state.requestId) continue; // stale: a newer request owns the panels
      switch (message.type) {
        case 'start':
          Object.assign(patch, {
            theory: message.theory ?? [],
            noTheory: message.noTheory,
            actRange: message.actRange,
          });
          break;
        case 'forward':
          editLayer(message.layer - 1, {
            stats: message.stats,
            hasGradients: false,
            actHistogram: message.actHistogram,
          });
          break;
        case 'backward':
          editLayer(message.layer - 1, {
            stats: message.stats,
            hasGradients: true,
            gradHistogram: message.gradHistogram,
            gradLogHistogram: message.gradLogHistogram,
          });
          break;
        case 'done':
          Object.assign(patch, {
            status: 'ready',
            loss: message.loss,
            elapsedMs: message.elapsedMs,
            nonFinite: message.nonFinite,
            gradTheory: message.gradTheory ?? [],
            diagnosis: message.diagnosis,
          });
          break;
        case 'error':
          Object.assign(patch, { status: 'error', error: message.message, playPending: false });
          break;
        case 'train-frame': {
          const previous = patch.training ?? state.training;
          layers = message.layers.map((stats, i) => ({
            stats,
            hasGradients: true,
            actHistogram: message.actHistograms[i],
            gradHistogram: message.gradHistograms[i],
            gradLogHistogram: message.gradLogHistograms[i],
          }));
          // Until the worker starts the run Train asked for, its frames (the setup's) keep "training".
          const pending = (patch.playPending ?? state.playPending) && !message.running;
          const waiting = pending && !message.diverged;
          Object.assign(patch, {
            playPending: waiting,
            status: message.running || waiting ? 'training' : 'ready',
            actRange: message.actRange,
            theory: [],
            noTheory: NO_THEORY_WHILE_TRAINING,
            gradTheory: [],
            loss: message.loss,
            diagnosis: message.diagnosis,
            nonFinite: null,
            training: trainingView(message, previous),
          });
          break;
        }
      }
    }
    if (layers) patch.layers = layers;
    set(patch);
  },
  addNotice: (notice) => set({ notices: [...get().notices, notice] }),
  dismissNotices: () => set({ notices: [] }),
}));

/** The pinned probe's messages update `pinned` only. */
function applyPinned(messages: WorkerMessage[]): void {
  const pinned = useResults.getState().pinned;
  if (!pinned) return;
  const layers = [...pinned.layers];
  let done = pinned.done;
  for (const message of messages) {
    if (!('id' in message) || message.id !== pinned.requestId) continue;
    if (message.type === 'forward') {
      layers[message.layer - 1] = {
        ...layers[message.layer - 1],
        stats: message.stats,
        actHistogram: message.actHistogram,
      };
    } else if (message.type === 'backward') {
      layers[message.layer - 1] = {
        ...layers[message.layer - 1],
        stats: message.stats,
        hasGradients: true,
        gradHistogram: message.gradHistogram,
        gradLogHistogram: message.gradLogHistogram,
      };
    } else if (message.type === 'done') done = true;
  }
  useResults.setState({ pinned: { ...pinned, layers, done } });
}

const EMPTY_TRAINING: TrainingView = {
  running: false,
  step: 0,
  stepsPerSecond: 0,
  dataTitle: '',
  inputDim: 0,
  classes: 0,
  trainCount: 0,
  loss: NaN,
  accuracy: NaN,
  validation: null,
  firing: [],
  series: null,
  regions: null,
  samples: null,
  diverged: null,
};

/** A training frame as the view keeps it; series, regions and samples come with some frames only. */
function trainingView(message: TrainFrame, previous: TrainingView | null): TrainingView {
  return {
    running: message.running,
    step: message.step,
    stepsPerSecond: message.stepsPerSecond,
    dataTitle: message.dataTitle,
    inputDim: message.inputDim,
    classes: message.classes,
    trainCount: message.trainCount,
    loss: message.loss,
    accuracy: message.accuracy,
    validation: message.validation,
    firing: message.firing,
    series: message.series ?? (message.step === 0 ? null : (previous?.series ?? null)),
    regions: message.regions ?? previous?.regions ?? null,
    samples: message.samples ?? previous?.samples ?? null,
    diverged: message.diverged,
  };
}
