/** The field table of url-fields.ts is the one source: every entry is written and read back. */
import { describe, expect, it } from 'vitest';
import type { NetworkConfig } from '../engine/config';
import { CLAIM_IDS } from '../engine/claims/types';
import {
  type DataSettings,
  DEFAULT_STATE,
  DEFAULT_TRAINING,
  type PageState,
  parseState,
  serializeState,
  URL_FIELDS,
  URL_PARAMS,
  type UrlParam,
} from './url-state';

const withNetwork = (change: Partial<NetworkConfig>): PageState => ({
  ...DEFAULT_STATE,
  network: { ...DEFAULT_STATE.network, ...change },
});
/** Training on the spiral, where the data and training fields apply. */
const onSpiral = (
  data: Partial<DataSettings> = {},
  training: Partial<PageState['training']> = {},
): PageState => ({
  ...DEFAULT_STATE,
  data: { ...DEFAULT_STATE.data, name: 'spiral', ...data },
  training: { ...DEFAULT_TRAINING, ...training },
});

/** For each parameter, a state in which its field holds a value other than the default. */
const EXAMPLES: Record<UrlParam, PageState> = {
  act: withNetwork({ activation: 'relu' }),
  init: withNetwork({ init: 'xavier' }),
  scale: withNetwork({ init: 'custom', initScale: 2 }),
  layers: withNetwork({ depth: 3 }),
  width: withNetwork({ width: 64 }),
  input: withNetwork({ inputDim: 20 }),
  classes: withNetwork({ classes: 5 }),
  seed: withNetwork({ seed: 11 }),
  bias: withNetwork({ biasInit: 0.1 }),
  bn: withNetwork({ batchnorm: true }),
  batch: { ...DEFAULT_STATE, batch: 128 },
  data: onSpiral(),
  points: onSpiral({ points: 300 }),
  noise: onSpiral({ noise: 0.5 }),
  arms: onSpiral({ planarClasses: 5 }),
  norm: onSpiral({ preprocess: 'none' }),
  prep: onSpiral({ preprocess: 'whiten' }),
  opt: onSpiral({}, { optimizer: 'adam' }),
  lr: onSpiral({}, { learningRate: 0.5 }),
  l2: onSpiral({}, { l2: 0.001 }),
  speed: onSpiral({}, { speed: 30 }),
  grad: { ...DEFAULT_STATE, gradAxis: 'log' },
  backend: { ...DEFAULT_STATE, backend: 'wasm' },
  embed: { ...DEFAULT_STATE, embed: true },
  tour: { ...DEFAULT_STATE, tour: CLAIM_IDS[0] },
  open: { ...DEFAULT_STATE, open: ['ridgelines'] },
  a: {
    ...DEFAULT_STATE,
    pinned: {
      network: { ...DEFAULT_STATE.network, activation: 'relu', depth: 4 },
      batch: 200,
      training: { ...DEFAULT_TRAINING, optimizer: 'momentum', learningRate: 0.5 },
    },
  },
};

describe('the URL field table', () => {
  it('has one example per entry, and URL_PARAMS is its list of parameters', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...URL_PARAMS].sort());
    expect(URL_PARAMS).toEqual(URL_FIELDS.map((field) => field.param));
    expect(new Set(URL_PARAMS).size).toBe(URL_PARAMS.length);
  });

  it.each(URL_FIELDS.map((field) => [field.param, field] as const))(
    '%s: a value other than the default is written, and read back alone and in the whole link',
    (param, field) => {
      const state = EXAMPLES[param];
      const value = field.value(state);
      expect(value).not.toEqual(field.value(DEFAULT_STATE));
      expect(field.applies(state)).toBe(true);

      const link = serializeState(state);
      const text = new URLSearchParams(link).get(param);
      expect(text, `${param} in ${link}`).not.toBeNull();

      const whole = parseState(link);
      expect(whole.notices).toEqual([]);
      expect(field.value(whole.state)).toEqual(value);

      const alone = parseState(`?${new URLSearchParams({ [param]: text! })}`);
      expect(alone.notices).toEqual([]);
      expect(field.value(alone.state)).toEqual(value);
    },
  );
});
