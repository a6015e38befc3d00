/**
 * The page's whole state as the URL holds it: its types, the defaults (the lecture's experiment)
 * and how it is written; url-state.ts reads it back.
 */
import {
  LECTURE_BATCH,
  LECTURE_NETWORK,
  LIMITS,
  type NetworkConfig,
  type TrainingConfig,
} from '../engine/config';
import { DATASETS, type DatasetName } from '../engine/data/dataset';
import { DEFAULT_PREPROCESSING, type DatasetSpec } from '../engine/data/spec';

export type GradAxis = 'linear' | 'log';
export type BackendParam = 'auto' | 'ts' | 'wasm';
/** 'probe': the lecture's random N(0,1) input; otherwise a data set to train on. */
export type DataChoice = 'probe' | DatasetName;
export const DATA_CHOICES: readonly DataChoice[] = ['probe', ...DATASETS];

/**
 * The data set controls: the engine's one spec (src/engine/data/spec.ts) with every control's
 * value set, its name possibly 'probe' (isDatasetSpec narrows it to a data set to build).
 */
export type DataSettings = Required<DatasetSpec<DataChoice>>;

export interface PageState {
  network: NetworkConfig;
  /** Rows per pass: the probe's batch, or the training minibatch. */
  batch: number;
  data: DataSettings;
  /** Training settings; speed caps steps per second (0: as fast as the engine goes). */
  training: Omit<TrainingConfig, 'batchSize'> & { speed: number };
  gradAxis: GradAxis;
  backend: BackendParam;
  /** The configuration pinned as A, compared with the current one (B). */
  pinned: { network: NetworkConfig; batch: number; training: PageState['training'] } | null;
  /** Only the panels and a minimal control strip, for an iframe in course pages. */
  embed: boolean;
  /** The open step of the Lecture tour (a claim id), or null when the tour is closed. */
  tour: string | null;
  /** Which folding panels are open (a view option, kept with the link). */
  open: OpenPanel[];
}

export const OPEN_PANELS = ['table', 'ridgelines'] as const;
export type OpenPanel = (typeof OPEN_PANELS)[number];

export const DEFAULT_DATA: DataSettings = {
  name: 'probe',
  points: 600,
  noise: 0.2,
  planarClasses: 3,
  preprocess: DEFAULT_PREPROCESSING,
};
export const DEFAULT_TRAINING: PageState['training'] = {
  optimizer: 'sgd',
  learningRate: 0.01,
  l2: 0,
  speed: 0,
};
/** Speeds the Speed control offers (0: as fast as possible). */
export const SPEEDS = [0, 1000, 300, 100, 30, 10] as const;

export const DEFAULT_STATE: PageState = {
  network: LECTURE_NETWORK,
  batch: LECTURE_BATCH,
  data: DEFAULT_DATA,
  training: DEFAULT_TRAINING,
  gradAxis: 'linear',
  backend: 'auto',
  pinned: null,
  embed: false,
  tour: null,
  open: [],
};

/** Every parameter the URL can hold (url-state.ts reads them; url-state.test.ts checks the list). */
export const URL_PARAMS = [
  'act',
  'init',
  'scale',
  'layers',
  'width',
  'input',
  'classes',
  'seed',
  'bias',
  'bn',
  'batch',
  'grad',
  'backend',
  'data',
  'points',
  'noise',
  'arms',
  'norm',
  'prep',
  'opt',
  'lr',
  'l2',
  'speed',
  'embed',
  'open',
  'tour',
  'a',
] as const;
export type UrlParam = (typeof URL_PARAMS)[number];

/** How each whole-number field of the network is written in the URL and what it accepts. */
export const INTEGER_FIELDS = [
  { param: 'layers', key: 'depth', label: 'Layers', ...LIMITS.depth },
  { param: 'width', key: 'width', label: 'Units per layer', ...LIMITS.width },
  { param: 'input', key: 'inputDim', label: 'Input dimension', ...LIMITS.inputDim },
  { param: 'classes', key: 'classes', label: 'Classes', ...LIMITS.classes },
  { param: 'seed', key: 'seed', label: 'Seed', ...LIMITS.seed },
] as const;

export function serializeState(state: PageState): string {
  const { network } = state;
  const params = new URLSearchParams();
  params.set('act', network.activation);
  params.set('init', network.init);
  if (network.init === 'custom') params.set('scale', String(network.initScale));
  for (const field of INTEGER_FIELDS) params.set(field.param, String(network[field.key]));
  if (network.biasInit) params.set('bias', String(network.biasInit));
  params.set('bn', network.batchnorm ? '1' : '0');
  params.set('batch', String(state.batch));
  params.set('data', state.data.name);
  if (state.data.name !== 'probe' && state.data.name !== 'digits') {
    params.set('points', String(state.data.points));
    params.set('noise', String(state.data.noise));
    params.set('arms', String(state.data.planarClasses));
  }
  if (state.data.name !== 'probe') {
    // Derived from `prep`, for pages from before it (they read only `norm`).
    params.set('norm', state.data.preprocess === 'normalize' ? '1' : '0');
    params.set('prep', state.data.preprocess);
    params.set('opt', state.training.optimizer);
    params.set('lr', String(state.training.learningRate));
    params.set('l2', String(state.training.l2));
    params.set('speed', String(state.training.speed));
  }
  params.set('grad', state.gradAxis);
  if (state.backend !== 'auto') params.set('backend', state.backend);
  if (state.embed) params.set('embed', '1');
  if (state.tour) params.set('tour', state.tour);
  // In one order whatever order the panels were opened in: the page opening them from a link
  // must not rewrite the link (e2e/url-fuzz.spec.ts found it did, with a history entry).
  const open = OPEN_PANELS.filter((panel) => state.open.includes(panel));
  if (open.length > 0) params.set('open', open.join(','));
  if (state.pinned) {
    // A's training settings go in even when the probe is shown, so A trains as it was pinned.
    const { network: pinnedNetwork, batch: pinnedBatch, training: pinnedTraining } = state.pinned;
    const inner = new URLSearchParams(
      serializeState({ ...DEFAULT_STATE, network: pinnedNetwork, batch: pinnedBatch }),
    );
    inner.set('opt', pinnedTraining.optimizer);
    inner.set('lr', String(pinnedTraining.learningRate));
    inner.set('l2', String(pinnedTraining.l2));
    inner.set('speed', String(pinnedTraining.speed));
    params.set('a', inner.toString());
  }
  return `?${params.toString()}`;
}
