/**
 * The URL's fields, in one table: each names its query parameter, the place in PageState it
 * holds, its codec (url-codecs.ts), its label for notices, when it is written and what else it
 * must agree with. url-state.ts reads a link and writes one by walking this table, so a field
 * cannot be read without being written, or written under another name.
 */
import {
  ACTIVATIONS,
  BRANCH_SCALES,
  INITS,
  LIMITS,
  MAX_DROPOUT,
  type NetworkConfig,
  NORM_POSITIONS,
  OPTIMIZERS,
} from '../engine/config';
import { CLAIM_IDS } from '../engine/claims/types';
import { MAX_KERNEL_THREADS } from '../engine/kernels/kernels';
import { PLANAR_LIMITS } from '../engine/data/planar';
import { type Preprocessing, PREPROCESSINGS } from '../engine/data/preprocess';
import {
  type BackendParam,
  DATA_CHOICES,
  type DataSettings,
  type GradAxis,
  OPEN_PANELS,
  type PageState,
  SPEEDS,
} from './page-state';
import { preprocessFits } from './runnable';
import { FIRST_SECTION, SECTIONS } from './sections';
import {
  absentAt,
  BIT,
  bitAs,
  choice,
  choiceOrNone,
  choiceSet,
  type Codec,
  FLAG,
  type FieldReading,
  type FieldWriting,
  noticeInvalid,
  number,
  orAbsent,
  PINNED_LINK,
} from './url-codecs';

type Group = 'network' | 'data' | 'training';
/** A place in PageState: a field of its own, or one inside the network, data or training. */
export type StatePath =
  | Exclude<keyof PageState, Group>
  | `network.${keyof NetworkConfig & string}`
  | `data.${keyof DataSettings & string}`
  | `training.${keyof PageState['training'] & string}`;
type ValueAt<P extends StatePath> = P extends `${infer G extends Group}.${infer K}`
  ? PageState[G][K & keyof PageState[G]]
  : PageState[P & keyof PageState];

/** One URL field, its value's type hidden so that one table holds them all (made by `field`). */
export interface UrlField<Param extends string = string> {
  readonly param: Param;
  readonly path: StatePath;
  readonly label: string;
  value(state: PageState): unknown;
  /** Written in `state`? A field that does not apply is left out (it reads as the default). */
  applies(state: PageState): boolean;
  /** Reads the link's `text` into `draft`, a copy of the defaults the walk fills in table order. */
  read(text: string, draft: PageState, walk: Omit<FieldReading, 'label'>): void;
  write(state: PageState, writing: FieldWriting): string;
}

/** What a field must agree with besides its codec; a field without rules is always written. */
interface FieldRules<P extends StatePath> {
  /** Written only in the states where it applies (it then reads back as the default). */
  appliesWhen?: (state: PageState) => boolean;
  /**
   * Refuses a value valid alone that fields before it rule out: why, what is used instead, and
   * how a notice names it (when the value itself says nothing, e.g. undefined for "off").
   */
  refuse?: (
    value: ValueAt<P>,
    draft: PageState,
  ) => { expected: string; used: ValueAt<P>; shown?: string } | null;
}

function valueAt(state: PageState, path: StatePath): unknown {
  const [head, key] = path.split('.');
  const value: unknown = state[head as keyof PageState];
  return key === undefined ? value : (value as Record<string, unknown>)[key];
}

function setValueAt(draft: PageState, path: StatePath, value: unknown): void {
  const [head, key] = path.split('.');
  const holder = key === undefined ? draft : draft[head as Group];
  (holder as unknown as Record<string, unknown>)[key ?? head] = value;
}

function field<Param extends string, P extends StatePath>(
  param: Param,
  path: P,
  label: string,
  codec: Codec<ValueAt<P>>,
  { appliesWhen, refuse }: FieldRules<P> = {},
): UrlField<Param> {
  const get = (state: PageState) => valueAt(state, path) as ValueAt<P>;
  return {
    param,
    path,
    label,
    value: get,
    applies: (state) => appliesWhen?.(state) ?? true,
    read(text, draft, walk) {
      const reading = { ...walk, label };
      const value = codec.read(text, get(draft), reading);
      const refusal = refuse?.(value, draft);
      if (refusal)
        noticeInvalid(reading, text, refusal.expected, refusal.shown ?? String(refusal.used));
      setValueAt(draft, path, refusal ? refusal.used : value);
    },
    write: (state, writing) => codec.write(get(state), writing),
  };
}

const TOUR_STEP = choiceOrNone(
  CLAIM_IDS,
  'a claim of the lecture tour',
  'the page without the tour',
);
/** A number like any other (1e3 is 1000), then one of the Speed control's choices. */
const SPEED = number({ min: 0, max: 1000, integer: true }, { values: SPEEDS, unit: 'steps/s' });
/** Links from before `prep` say only norm=1 or 0; `prep`, read after it, wins. */
const NORM = bitAs<Preprocessing>('normalize', 'none');
const LEARNING_RATE = number({ min: 1e-8, max: 100 });
const BACKEND = choice<BackendParam>(['auto', 'ts', 'wasm'], 'ts or wasm');
const integer = (limits: { min: number; max: number }) => number({ ...limits, integer: true });
const planarOnly = {
  appliesWhen: (state: PageState) => state.data.name !== 'probe' && state.data.name !== 'digits',
};
const trainingOnly = { appliesWhen: (state: PageState) => state.data.name !== 'probe' };
/** The settings that came after the lecture: left out of links while off. */
const OPTIONAL_BIT = absentAt(BIT, false);
const DROPOUT = absentAt(number({ min: 0, max: MAX_DROPOUT }), 0);
const WEIGHT_DECAY = absentAt(number({ min: 0, max: 1 }), 0);
const BRANCH_SCALE = absentAt(choice(BRANCH_SCALES), 'one');
const NORM_PLACE = absentAt(choice(NORM_POSITIONS), 'inside');
const residualOnly = { appliesWhen: (state: PageState) => Boolean(state.network.residual) };
// Read after `bn` and `res`: a combination the engine refuses (config.ts) is refused here with a
// notice naming it, instead of the whole network falling back to the default.
const LAYERNORM_RULES: FieldRules<'network.layernorm'> = {
  appliesWhen: (state) => Boolean(state.network.layernorm),
  refuse: (on, draft) =>
    on && draft.network.batchnorm
      ? { expected: 'choose batch or layer normalization, not both', used: undefined, shown: 'off' }
      : null,
};
const NORM_PLACE_RULES: FieldRules<'network.normPosition'> = {
  appliesWhen: (state) => Boolean(state.network.normPosition),
  refuse: (place, draft) =>
    place && !draft.network.residual
      ? {
          expected: `"${place}" normalization needs residual connections`,
          used: undefined,
          shown: 'inside',
        }
      : null,
};

/**
 * Parameter, place in the state, label in notices, codec, rules. In the order links are written;
 * read in the same order, so notices follow it too.
 */
export const URL_FIELDS = [
  field('act', 'network.activation', 'activation', choice(ACTIVATIONS)),
  field('init', 'network.init', 'initialization', choice(INITS)),
  field('scale', 'network.initScale', 'init scale', number({ min: 0, max: 100 }), {
    appliesWhen: (state) => state.network.init === 'custom',
  }),
  field('layers', 'network.depth', 'Layers', integer(LIMITS.depth)),
  field('width', 'network.width', 'Units per layer', integer(LIMITS.width)),
  field('input', 'network.inputDim', 'Input dimension', integer(LIMITS.inputDim)),
  field('classes', 'network.classes', 'Classes', integer(LIMITS.classes)),
  field('seed', 'network.seed', 'Seed', integer(LIMITS.seed)),
  // Left out at 0, so the default network has no biasInit at all.
  field('bias', 'network.biasInit', 'bias init', orAbsent(number({ min: -100, max: 100 }), 0), {
    appliesWhen: (state) => Boolean(state.network.biasInit),
  }),
  field('bn', 'network.batchnorm', 'batch normalization', BIT),
  field('res', 'network.residual', 'residual connections', OPTIONAL_BIT, residualOnly),
  field('alpha', 'network.branchScale', 'branch scale', BRANCH_SCALE, {
    appliesWhen: (state) => Boolean(state.network.residual && state.network.branchScale),
  }),
  field('ln', 'network.layernorm', 'layer normalization', OPTIONAL_BIT, LAYERNORM_RULES),
  field('normat', 'network.normPosition', 'normalization place', NORM_PLACE, NORM_PLACE_RULES),
  field('drop', 'network.dropout', 'dropout', DROPOUT, {
    appliesWhen: (state) => Boolean(state.network.dropout),
  }),
  field('dropprobe', 'network.dropoutInProbe', 'dropout in the probe', OPTIONAL_BIT, {
    appliesWhen: (state) => Boolean(state.network.dropoutInProbe),
  }),
  field('batch', 'batch', 'batch size', integer(LIMITS.batch)),
  field('data', 'data.name', 'data set', choice(DATA_CHOICES)),
  field('points', 'data.points', 'points', integer(PLANAR_LIMITS.size), planarOnly),
  field('noise', 'data.noise', 'noise', number(PLANAR_LIMITS.noise), planarOnly),
  field('arms', 'data.planarClasses', 'arms', integer(PLANAR_LIMITS.classes), planarOnly),
  field('norm', 'data.preprocess', 'normalization', NORM, trainingOnly),
  field('prep', 'data.preprocess', 'preprocessing', choice(PREPROCESSINGS), {
    ...trainingOnly,
    // The digits have 784 features: refused here, not as an error from the worker.
    refuse: (preprocess, draft) =>
      preprocessFits({ ...draft.data, preprocess })
        ? null
        : { expected: 'PCA and whitening need a 2-D data set, not the digits', used: 'normalize' },
  }),
  field('opt', 'training.optimizer', 'optimizer', choice(OPTIMIZERS), trainingOnly),
  field('lr', 'training.learningRate', 'learning rate', LEARNING_RATE, trainingOnly),
  field('l2', 'training.l2', 'L2 strength', number({ min: 0, max: 100 }), trainingOnly),
  field('wd', 'training.weightDecay', 'weight decay', WEIGHT_DECAY, {
    appliesWhen: (state) => state.data.name !== 'probe' && Boolean(state.training.weightDecay),
    refuse: (decay, draft) =>
      decay && draft.training.optimizer !== 'adam'
        ? { expected: 'decoupled weight decay is for Adam (AdamW)', used: undefined, shown: '0' }
        : null,
  }),
  field('speed', 'training.speed', 'speed', SPEED, trainingOnly),
  field('grad', 'gradAxis', 'gradient axis', choice<GradAxis>(['linear', 'log'])),
  field('backend', 'backend', 'backend', BACKEND, {
    appliesWhen: (state) => state.backend !== 'auto',
  }),
  field('threads', 'threads', 'threads', integer({ min: 1, max: MAX_KERNEL_THREADS }), {
    appliesWhen: (state) => state.threads !== null,
  }),
  field('embed', 'embed', 'embed', FLAG, { appliesWhen: (state) => state.embed }),
  field('tour', 'tour', 'tour step', TOUR_STEP, { appliesWhen: (state) => Boolean(state.tour) }),
  field('open', 'open', 'open panel', choiceSet(OPEN_PANELS), {
    appliesWhen: (state) => state.open.length > 0,
  }),
  field('present', 'present', 'projector mode', FLAG, { appliesWhen: (state) => state.present }),
  // After `tour`: the tour's section needs a step open.
  field('section', 'section', 'projector section', choice(SECTIONS), {
    appliesWhen: (state) => state.present,
    refuse: (section, draft) =>
      section === 'tour' && draft.tour === null
        ? { expected: 'the tour section needs a tour step (tour=…)', used: FIRST_SECTION }
        : null,
  }),
  field('a', 'pinned', 'pinned configuration', PINNED_LINK, {
    appliesWhen: (state) => state.pinned !== null,
  }),
] as const;

export type UrlParam = (typeof URL_FIELDS)[number]['param'];
/** Every parameter the URL can hold. */
export const URL_PARAMS: readonly UrlParam[] = URL_FIELDS.map((entry) => entry.param);
