/**
 * What the user chose: the network, the batch size and view options. Changes are validated
 * here; a bad one is refused with a message and the last good settings stay in effect.
 */
import { create } from 'zustand';
import { ConfigError, type NetworkConfig, validateTrainingConfig } from '../engine/config';
import { errorMessage } from '../engine/format';
import {
  type DataSettings,
  DEFAULT_STATE,
  type GradAxis,
  type OpenPanel,
  type PageState,
  parseState,
} from './url-state';
import { checkRunnable } from './runnable';
import { type Section, sectionAfterTour, stepSection, stepTour } from './sections';

export interface InputError {
  /** The engine's field name, e.g. 'width'. */
  field: string;
  message: string;
}

export interface SettingsState extends PageState {
  inputError: InputError | null;
  /** Notices about the URL the page was opened with (fields that fell back to defaults). */
  urlNotices: string[];
  /** Applies a change if the result can run; returns whether it did. */
  update: (change: Partial<NetworkConfig>, batch?: number) => boolean;
  setData: (change: Partial<DataSettings>) => void;
  /** Applies a learning-rate, optimizer or L2 change if valid; returns whether it did. */
  setTraining: (change: Partial<PageState['training']>) => boolean;
  /** Applies a whole preset (e.g. the Dead ReLUs demonstration) at once. */
  applyPreset: (preset: Partial<PageState>) => void;
  setGradAxis: (axis: GradAxis) => void;
  /** Freezes the current network as A (or unpins it). */
  pin: () => void;
  /** Opens the Lecture tour at a step (claim id), or closes it (null). */
  setTour: (step: string | null) => void;
  /** Enters or leaves projector mode (?present=1), keeping the section it shows. */
  setPresent: (present: boolean) => void;
  setSection: (section: Section) => void;
  /** Projector mode's ←/→: the section `delta` steps on. */
  moveSection: (delta: number) => void;
  /** Projector mode's Shift+←/→: the tour step `delta` steps on, shown in the tour's section. */
  moveTourStep: (delta: number) => void;
  /** Opens or closes a folding panel (kept in the URL). */
  setOpen: (panel: OpenPanel, open: boolean) => void;
  unpin: () => void;
  /** Replaces everything (from the URL), e.g. on back/forward. */
  replace: (state: PageState, notices: string[]) => void;
  reportInputError: (error: InputError | null) => void;
  dismissUrlNotices: () => void;
}

/** The label a control shows for each engine field, so messages speak the page's language. */
const FIELD_LABELS: Record<string, string> = {
  activation: 'Activation',
  init: 'Initialization',
  batchnorm: 'Batch normalization',
  layernorm: 'Normalization',
  normPosition: 'Normalization place',
  residual: 'Residual connections',
  branchScale: 'Branch scale',
  dropout: 'Dropout',
  dropoutInProbe: 'Dropout in the probe',
  depth: 'Layers',
  width: 'Units per layer',
  batch: 'Batch size',
  batchSize: 'Batch size',
  inputDim: 'Input dimension',
  classes: 'Classes',
  seed: 'Seed',
  initScale: 'Init scale',
  biasInit: 'Bias init',
  size: 'Network',
  learningRate: 'Learning rate',
  l2: 'L2 strength',
  optimizer: 'Optimizer',
  weightDecay: 'Weight decay (AdamW)',
};

/** "width: must be …" → "Units per layer: must be …". */
export function describeConfigError(error: unknown): InputError {
  if (error instanceof ConfigError) {
    const detail = error.message.startsWith(`${error.field}: `)
      ? error.message.slice(error.field.length + 2)
      : error.message;
    return {
      field: error.field,
      message: `${FIELD_LABELS[error.field] ?? error.field}: ${detail}`,
    };
  }
  return { field: 'settings', message: errorMessage(error) };
}

const initial =
  typeof location === 'undefined'
    ? { state: DEFAULT_STATE, notices: [] }
    : parseState(location.search);

export const useSettings = create<SettingsState>()((set, get) => ({
  ...initial.state,
  inputError: null,
  urlNotices: initial.notices,
  update(change, batch) {
    const network = { ...get().network, ...change };
    const nextBatch = batch ?? get().batch;
    try {
      // As the worker will build it: a data set's run is larger than the probe (runnable.ts).
      checkRunnable(network, nextBatch, get().data);
    } catch (error) {
      set({ inputError: describeConfigError(error) });
      return false;
    }
    set({ network, batch: nextBatch, inputError: null });
    return true;
  },
  setData(change) {
    const previous = get().data;
    const data = { ...previous, ...change };
    // PCA and whitening are for the 2-D sets: the digits fall back to normalization.
    if (data.name === 'digits' && (data.preprocess === 'pca' || data.preprocess === 'whiten')) {
      data.preprocess = 'normalize';
    }
    // A probe-sized batch is far too large for a minibatch: start training at 128 rows.
    const batch =
      previous.name === 'probe' && data.name !== 'probe' && get().batch > 512 ? 128 : get().batch;
    try {
      checkRunnable(get().network, batch, data);
    } catch (error) {
      set({ inputError: describeConfigError(error) });
      return;
    }
    set({ data, batch, inputError: null });
  },
  setTraining(change) {
    const training = { ...get().training, ...change };
    // Weight decay is AdamW's (its field shows for Adam only): leaving Adam leaves it behind.
    if (change.optimizer && change.optimizer !== 'adam' && change.weightDecay === undefined)
      training.weightDecay = 0;
    try {
      validateTrainingConfig({ ...training, batchSize: get().batch });
    } catch (error) {
      set({ inputError: describeConfigError(error) });
      return false;
    }
    set({ training, inputError: null });
    return true;
  },
  applyPreset: (preset) => set({ ...preset, inputError: null }),
  setGradAxis: (gradAxis) => set({ gradAxis }),
  pin: () =>
    set({ pinned: { network: get().network, batch: get().batch, training: get().training } }),
  unpin: () => set({ pinned: null }),
  setTour: (tour) => {
    // Projector mode follows the tour to its section and back; a closed tour leaves no 'tour'.
    const follow = get().present || tour === null;
    set({ tour, section: follow ? sectionAfterTour(get().section, tour !== null) : get().section });
  },
  setPresent: (present) =>
    set({ present, section: sectionAfterTour(get().section, get().tour !== null) }),
  setSection: (section) => set({ section }),
  moveSection: (delta) => set({ section: stepSection(get().section, delta, get().tour !== null) }),
  moveTourStep: (delta) => {
    const tour = stepTour(get().tour, delta);
    if (tour !== null) set({ tour, section: 'tour' });
  },
  setOpen: (panel, isOpen) => {
    const others = get().open.filter((p) => p !== panel);
    set({ open: isOpen ? [...others, panel] : others });
  },
  replace: (state, notices) => set({ ...state, inputError: null, urlNotices: notices }),
  reportInputError: (inputError) => set({ inputError }),
  dismissUrlNotices: () => set({ urlNotices: [] }),
}));
