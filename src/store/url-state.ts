/**
 * The page's state in the query string, typed and validated. Every field has a default (the
 * lecture's experiment); a missing value takes it silently, an invalid one takes it with a
 * notice naming the field, so a garbled link never breaks the page.
 */
import {
  ACTIVATIONS,
  type ActivationName,
  ConfigError,
  INITS,
  type InitName,
  LECTURE_BATCH,
  LECTURE_NETWORK,
  LIMITS,
  type NetworkConfig,
  OPTIMIZERS,
  type OptimizerName,
  type TrainingConfig,
  validateNetworkConfig,
} from '../engine/config';
import { CLAIM_IDS } from '../engine/claims/types';
import { DATASETS, type DatasetName } from '../engine/data/dataset';
import { PLANAR_LIMITS } from '../engine/data/planar';
import { PREPROCESSINGS, type Preprocessing } from '../engine/data/preprocess';

export type GradAxis = 'linear' | 'log';
export type BackendParam = 'auto' | 'ts' | 'wasm';
/** 'probe': the lecture's random N(0,1) input; otherwise a data set to train on. */
export type DataChoice = 'probe' | DatasetName;
export const DATA_CHOICES: readonly DataChoice[] = ['probe', ...DATASETS];

export interface DataSettings {
  name: DataChoice;
  points: number;
  noise: number;
  /** Spiral arms or blobs. */
  planarClasses: number;
  normalize: boolean;
  /**
   * Zero-centring, PCA or whitening instead (fitted on the training split); 'normalize' and
   * 'none' follow `normalize`.
   */
  preprocess: Preprocessing;
}

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
  normalize: true,
  preprocess: 'normalize',
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

/** How each number field is written in the URL and what it accepts. */
const INTEGER_FIELDS = [
  { param: 'layers', key: 'depth', label: 'Layers', ...LIMITS.depth },
  { param: 'width', key: 'width', label: 'Units per layer', ...LIMITS.width },
  { param: 'input', key: 'inputDim', label: 'Input dimension', ...LIMITS.inputDim },
  { param: 'classes', key: 'classes', label: 'Classes', ...LIMITS.classes },
  { param: 'seed', key: 'seed', label: 'Seed', ...LIMITS.seed },
] as const;

export interface ParsedState {
  state: PageState;
  /** One sentence per field that fell back to its default. */
  notices: string[];
}

function parseInteger(text: string, min: number, max: number): number | null {
  if (!/^\s*-?\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : null;
}

/** A plain decimal or exponent number (1e-3, 0.001) within [min, max]. */
function parseNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

function pick<T extends string>(text: string, choices: readonly T[]): T | null {
  return (choices as readonly string[]).includes(text) ? (text as T) : null;
}

const shown = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

export function parseState(search: string): ParsedState {
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return {
      state: DEFAULT_STATE,
      notices: ['The link could not be read; showing the default experiment.'],
    };
  }
  const fallback = (label: string, text: string, expected: string, used: string | number) =>
    notices.push(`The link's ${label} "${shown(text)}" is not valid (${expected}); using ${used}.`);

  const network: NetworkConfig = { ...DEFAULT_STATE.network };
  const act = params.get('act');
  if (act !== null) {
    const value = pick<ActivationName>(act, ACTIVATIONS);
    if (value) network.activation = value;
    else fallback('activation', act, `one of ${ACTIVATIONS.join(', ')}`, network.activation);
  }
  const init = params.get('init');
  if (init !== null) {
    const value = pick<InitName>(init, INITS);
    if (value) network.init = value;
    else fallback('initialization', init, `one of ${INITS.join(', ')}`, network.init);
  }
  const scale = params.get('scale');
  if (scale !== null) {
    const value = Number(scale);
    if (scale.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100)
      network.initScale = value;
    else fallback('init scale', scale, 'a number from 0 to 100', network.initScale);
  }
  for (const field of INTEGER_FIELDS) {
    const text = params.get(field.param);
    if (text === null) continue;
    const value = parseInteger(text, field.min, field.max);
    if (value !== null) network[field.key] = value;
    else
      fallback(
        field.label,
        text,
        `a whole number from ${field.min} to ${field.max}`,
        network[field.key],
      );
  }
  const biasText = params.get('bias');
  if (biasText !== null) {
    const value = parseNumber(biasText, -100, 100);
    if (value !== null) network.biasInit = value;
    else fallback('bias init', biasText, 'a number from -100 to 100', 0);
  }
  const bn = params.get('bn');
  if (bn !== null) {
    if (bn === '1' || bn === '0') network.batchnorm = bn === '1';
    else fallback('batch normalization', bn, '1 or 0', network.batchnorm ? 1 : 0);
  }
  let batch = DEFAULT_STATE.batch;
  const batchText = params.get('batch');
  if (batchText !== null) {
    const value = parseInteger(batchText, LIMITS.batch.min, LIMITS.batch.max);
    if (value !== null) batch = value;
    else
      fallback(
        'batch size',
        batchText,
        `a whole number from ${LIMITS.batch.min} to ${LIMITS.batch.max}`,
        batch,
      );
  }
  let gradAxis = DEFAULT_STATE.gradAxis;
  const grad = params.get('grad');
  if (grad !== null) {
    const value = pick<GradAxis>(grad, ['linear', 'log']);
    if (value) gradAxis = value;
    else fallback('gradient axis', grad, 'linear or log', gradAxis);
  }
  let backend = DEFAULT_STATE.backend;
  const backendText = params.get('backend');
  if (backendText !== null) {
    const value = pick<BackendParam>(backendText, ['auto', 'ts', 'wasm']);
    if (value) backend = value;
    else fallback('backend', backendText, 'ts or wasm', backend);
  }
  const data: DataSettings = { ...DEFAULT_DATA };
  const dataText = params.get('data');
  if (dataText !== null) {
    const value = pick<DataChoice>(dataText, DATA_CHOICES);
    if (value) data.name = value;
    else fallback('data set', dataText, `one of ${DATA_CHOICES.join(', ')}`, data.name);
  }
  const pointsText = params.get('points');
  if (pointsText !== null) {
    const value = parseInteger(pointsText, PLANAR_LIMITS.size.min, PLANAR_LIMITS.size.max);
    if (value !== null) data.points = value;
    else
      fallback(
        'points',
        pointsText,
        `a whole number from ${PLANAR_LIMITS.size.min} to ${PLANAR_LIMITS.size.max}`,
        data.points,
      );
  }
  const noiseText = params.get('noise');
  if (noiseText !== null) {
    const value = parseNumber(noiseText, PLANAR_LIMITS.noise.min, PLANAR_LIMITS.noise.max);
    if (value !== null) data.noise = value;
    else
      fallback(
        'noise',
        noiseText,
        `a number from ${PLANAR_LIMITS.noise.min} to ${PLANAR_LIMITS.noise.max}`,
        data.noise,
      );
  }
  const armsText = params.get('arms');
  if (armsText !== null) {
    const value = parseInteger(armsText, PLANAR_LIMITS.classes.min, PLANAR_LIMITS.classes.max);
    if (value !== null) data.planarClasses = value;
    else
      fallback(
        'arms',
        armsText,
        `a whole number from ${PLANAR_LIMITS.classes.min} to ${PLANAR_LIMITS.classes.max}`,
        data.planarClasses,
      );
  }
  const normText = params.get('norm');
  if (normText !== null) {
    if (normText === '1' || normText === '0') {
      data.normalize = normText === '1';
      data.preprocess = data.normalize ? 'normalize' : 'none';
    } else fallback('normalization', normText, '1 or 0', data.normalize ? 1 : 0);
  }
  const prepText = params.get('prep');
  if (prepText !== null) {
    const value = pick<Preprocessing>(prepText, PREPROCESSINGS);
    if (value) {
      data.preprocess = value;
      data.normalize = value === 'normalize';
    } else
      fallback('preprocessing', prepText, `one of ${PREPROCESSINGS.join(', ')}`, data.preprocess);
  }
  const training = { ...DEFAULT_TRAINING };
  const optText = params.get('opt');
  if (optText !== null) {
    const value = pick<OptimizerName>(optText, OPTIMIZERS);
    if (value) training.optimizer = value;
    else fallback('optimizer', optText, `one of ${OPTIMIZERS.join(', ')}`, training.optimizer);
  }
  const lrText = params.get('lr');
  if (lrText !== null) {
    const value = parseNumber(lrText, 1e-8, 100);
    if (value !== null && value > 0) training.learningRate = value;
    else
      fallback('learning rate', lrText, 'a number above 0 and at most 100', training.learningRate);
  }
  const l2Text = params.get('l2');
  if (l2Text !== null) {
    const value = parseNumber(l2Text, 0, 100);
    if (value !== null) training.l2 = value;
    else fallback('L2 strength', l2Text, 'a number from 0 to 100', training.l2);
  }
  const speedText = params.get('speed');
  if (speedText !== null) {
    const value = parseInteger(speedText, 0, 1000);
    if (value !== null && (SPEEDS as readonly number[]).includes(value)) training.speed = value;
    else fallback('speed', speedText, `one of ${SPEEDS.join(', ')} steps/s`, training.speed);
  }
  const embed = params.get('embed') === '1';
  const open: OpenPanel[] = [];
  for (const name of (params.get('open') ?? '').split(',').filter(Boolean)) {
    const panel = pick<OpenPanel>(name, OPEN_PANELS);
    if (panel && !open.includes(panel)) open.push(panel);
    else if (!panel) fallback('open panel', name, `one of ${OPEN_PANELS.join(', ')}`, 'closed');
  }
  let tour: string | null = null;
  const tourText = params.get('tour');
  if (tourText !== null) {
    if ((CLAIM_IDS as readonly string[]).includes(tourText)) tour = tourText;
    else
      fallback('tour step', tourText, 'a claim of the lecture tour', 'the page without the tour');
  }
  // A is written as a query string of its own inside `a`.
  let pinned: PageState['pinned'] = null;
  const pinnedText = params.get('a');
  if (pinnedText !== null) {
    const inner = parseState(pinnedText.startsWith('?') ? pinnedText : `?${pinnedText}`);
    pinned = {
      network: inner.state.network,
      batch: inner.state.batch,
      training: inner.state.training,
    };
    notices.push(...inner.notices.map((notice) => `Pinned A: ${notice}`));
  }
  // Each field may be fine alone and the whole still too big to run.
  try {
    validateNetworkConfig(network, batch);
  } catch (error) {
    const reason = error instanceof ConfigError ? error.message : String(error);
    notices.push(`The link's network cannot run (${reason}); showing the default experiment.`);
    return {
      state: { ...DEFAULT_STATE, data, training, gradAxis, backend, pinned, embed, tour, open },
      notices,
    };
  }
  return {
    state: { network, batch, data, training, gradAxis, backend, pinned, embed, tour, open },
    notices,
  };
}

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
    params.set('norm', state.data.normalize ? '1' : '0');
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
  if (state.open.length > 0) params.set('open', state.open.join(','));
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
