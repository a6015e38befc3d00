/**
 * The page's state read from the query string, typed and validated. Every field has a default
 * (the lecture's experiment, page-state.ts); a missing value takes it silently, an invalid one
 * takes it with a notice naming the field, and a combination that cannot run is refused up front,
 * so no link, however long, nested or garbled, breaks the page.
 */
import {
  ACTIVATIONS,
  type ActivationName,
  ConfigError,
  INITS,
  type InitName,
  LIMITS,
  type NetworkConfig,
  OPTIMIZERS,
  type OptimizerName,
} from '../engine/config';
import { CLAIM_IDS } from '../engine/claims/types';
import { PLANAR_LIMITS } from '../engine/data/planar';
import { PREPROCESSINGS, type Preprocessing } from '../engine/data/preprocess';
import { excerpt } from '../engine/number-grammar';
import {
  type BackendParam,
  DATA_CHOICES,
  type DataChoice,
  type DataSettings,
  DEFAULT_DATA,
  DEFAULT_STATE,
  DEFAULT_TRAINING,
  type GradAxis,
  INTEGER_FIELDS,
  OPEN_PANELS,
  type PageState,
  SPEEDS,
} from './page-state';
import { checkRunnable, preprocessFits } from './runnable';
import { QueryReader } from './url-reader';

export * from './page-state';

export interface ParsedState {
  state: PageState;
  /** One sentence per field that fell back to its default. */
  notices: string[];
}

/** Starts the notice of the last-resort fallback (a test asserts it never happens). */
export const UNREADABLE_LINK = 'The link could not be read';

/**
 * Never throws: a link is read field by field (see the header), and should reading still fail,
 * the page opens on the default experiment with a notice rather than blank.
 */
export function parseState(search: string): ParsedState {
  try {
    return parseQuery(search, true);
  } catch (error) {
    return {
      state: DEFAULT_STATE,
      notices: [
        `${UNREADABLE_LINK} (${excerpt(String(error), 80)}); showing the default experiment.`,
      ],
    };
  }
}

function parseQuery(search: string, allowPinned: boolean): ParsedState {
  const read = new QueryReader(new URLSearchParams(search));
  let network = readNetwork(read);
  let batch = read.number(
    'batch',
    'batch size',
    { ...LIMITS.batch, integer: true },
    DEFAULT_STATE.batch,
  );
  const gradAxis = read.choice<GradAxis>(
    'grad',
    'gradient axis',
    ['linear', 'log'],
    DEFAULT_STATE.gradAxis,
  );
  const backend = read.choice<BackendParam>(
    'backend',
    'backend',
    ['auto', 'ts', 'wasm'],
    DEFAULT_STATE.backend,
    'ts or wasm',
  );
  let data = readData(read);
  const training = readTraining(read);
  const embed = read.get('embed') === '1';
  const open = read.list('open', 'open panel', OPEN_PANELS);
  const tourText = read.get('tour');
  let tour: string | null = null;
  if (tourText !== null && (CLAIM_IDS as readonly string[]).includes(tourText)) tour = tourText;
  else if (tourText !== null)
    read.fallback(
      'tour step',
      tourText,
      'a claim of the lecture tour',
      'the page without the tour',
    );
  // Each field may be fine alone and the whole still unable to run (too big, or for the data).
  try {
    checkRunnable(network, batch, data);
  } catch (error) {
    const reason = error instanceof ConfigError ? error.message : String(error);
    read.notices.push(`The link's network cannot run (${reason}); showing the default experiment.`);
    network = DEFAULT_STATE.network;
    batch = DEFAULT_STATE.batch;
    data = runs(network, batch, data) ? data : DEFAULT_DATA;
  }
  const pinned = readPinned(read, allowPinned, data);
  return {
    state: { network, batch, data, training, gradAxis, backend, pinned, embed, tour, open },
    notices: read.notices,
  };
}

function runs(network: NetworkConfig, batch: number, data: DataSettings): boolean {
  try {
    checkRunnable(network, batch, data);
    return true;
  } catch {
    return false;
  }
}

function readNetwork(read: QueryReader): NetworkConfig {
  const network: NetworkConfig = { ...DEFAULT_STATE.network };
  network.activation = read.choice<ActivationName>(
    'act',
    'activation',
    ACTIVATIONS,
    network.activation,
  );
  network.init = read.choice<InitName>('init', 'initialization', INITS, network.init);
  network.initScale = read.number('scale', 'init scale', { min: 0, max: 100 }, network.initScale);
  for (const { param, key, label, min, max } of INTEGER_FIELDS)
    network[key] = read.number(param, label, { min, max, integer: true }, network[key]);
  // Written only when not 0, so the default network has no biasInit at all.
  if (read.get('bias') !== null)
    network.biasInit = read.number('bias', 'bias init', { min: -100, max: 100 }, 0);
  network.batchnorm = read.bit('bn', 'batch normalization', network.batchnorm);
  return network;
}

function readData(read: QueryReader): DataSettings {
  const data: DataSettings = { ...DEFAULT_DATA };
  data.name = read.choice<DataChoice>('data', 'data set', DATA_CHOICES, data.name);
  const { size, noise, classes } = PLANAR_LIMITS;
  data.points = read.number('points', 'points', { ...size, integer: true }, data.points);
  data.noise = read.number('noise', 'noise', noise, data.noise);
  data.planarClasses = read.number(
    'arms',
    'arms',
    { ...classes, integer: true },
    data.planarClasses,
  );
  // Links from before `prep` hold `norm` (1: normalize, 0: none); `prep`, when present, wins.
  const normalize = read.bit('norm', 'normalization', data.preprocess === 'normalize');
  if (read.get('norm') !== null) data.preprocess = normalize ? 'normalize' : 'none';
  data.preprocess = read.choice<Preprocessing>(
    'prep',
    'preprocessing',
    PREPROCESSINGS,
    data.preprocess,
  );
  // The digits have 784 features: refused here, not as an error from the worker.
  if (!preprocessFits(data)) {
    read.fallback(
      'preprocessing',
      data.preprocess,
      'PCA and whitening need a 2-D data set, not the digits',
      'normalize',
    );
    data.preprocess = 'normalize';
  }
  return data;
}

function readTraining(read: QueryReader): PageState['training'] {
  const training = { ...DEFAULT_TRAINING };
  training.optimizer = read.choice<OptimizerName>(
    'opt',
    'optimizer',
    OPTIMIZERS,
    training.optimizer,
  );
  training.learningRate = read.number(
    'lr',
    'learning rate',
    { min: 1e-8, max: 100 },
    training.learningRate,
  );
  training.l2 = read.number('l2', 'L2 strength', { min: 0, max: 100 }, training.l2);
  // A number like any other (1e3 is 1000), then one of the Speed control's choices.
  const speed = read.number('speed', 'speed', { min: 0, max: 1000, integer: true }, training.speed);
  if ((SPEEDS as readonly number[]).includes(speed)) training.speed = speed;
  else
    read.fallback(
      'speed',
      read.get('speed') ?? '',
      `one of ${SPEEDS.join(', ')} steps/s`,
      training.speed,
    );
  return training;
}

/**
 * A is written as a query string of its own inside `a`, one level deep: an `a` inside A (a
 * hand-made or fuzzed link) is refused with a notice, so no link can nest the reading deeper.
 */
function readPinned(
  read: QueryReader,
  allowPinned: boolean,
  data: DataSettings,
): PageState['pinned'] {
  const text = read.get('a');
  if (text === null) return null;
  if (!allowPinned) {
    read.notices.push(
      'The pinned configuration holds another one inside it; only one level is read, the inner one was ignored.',
    );
    return null;
  }
  const inner = parseQuery(text.startsWith('?') ? text : `?${text}`, false);
  read.notices.push(...inner.notices.map((notice) => `Pinned A: ${notice}`));
  const { network, batch, training } = inner.state;
  // A trains on the current data set: it must fit that as B does.
  if (!runs(network, batch, data)) {
    read.notices.push('Pinned A cannot run on this data set (too big); A was not pinned.');
    return null;
  }
  return { network, batch, training };
}
