/**
 * The page's whole state as the URL holds it: its types and the defaults (the lecture's
 * experiment); url-fields.ts says how each field is read and written.
 */
import {
  LECTURE_BATCH,
  LECTURE_NETWORK,
  type NetworkConfig,
  type TrainingConfig,
} from '../engine/config';
import { DATASETS, type DatasetName } from '../engine/data/dataset';
import { DEFAULT_PREPROCESSING, type DatasetSpec } from '../engine/data/spec';
import { FIRST_SECTION, type Section } from './sections';

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
  /** Threads the wasm kernels run on; null: the machine's cores (where the page can use threads). */
  threads: number | null;
  /** The configuration pinned as A, compared with the current one (B). */
  pinned: { network: NetworkConfig; batch: number; training: PageState['training'] } | null;
  /** Only the panels and a minimal control strip, for an iframe in course pages. */
  embed: boolean;
  /** The open step of the Lecture tour (a claim id), or null when the tour is closed. */
  tour: string | null;
  /** Which folding panels are open (a view option, kept with the link). */
  open: OpenPanel[];
  /** Projector mode: large type, high contrast, one section at a time (sections.ts). */
  present: boolean;
  /** The section projector mode shows (kept while it is off, written only while it is on). */
  section: Section;
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
  threads: null,
  pinned: null,
  embed: false,
  tour: null,
  open: [],
  present: false,
  section: FIRST_SECTION,
};
