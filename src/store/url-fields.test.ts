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

/** What a field needs beside it to be read alone: the pre/post place needs residual connections. */
const NEEDS: Partial<Record<UrlParam, Record<string, string>>> = {
  normat: { res: '1' },
  wd: { data: 'spiral', opt: 'adam' },
  section: { present: '1' },
};

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
  res: withNetwork({ residual: true }),
  alpha: withNetwork({ residual: true, branchScale: 'rezero' }),
  ln: withNetwork({ layernorm: true }),
  normat: withNetwork({ residual: true, layernorm: true, normPosition: 'pre' }),
  drop: withNetwork({ dropout: 0.25 }),
  dropprobe: withNetwork({ dropout: 0.5, dropoutInProbe: true }),
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
  wd: onSpiral({}, { optimizer: 'adam', weightDecay: 0.01 }),
  speed: onSpiral({}, { speed: 30 }),
  grad: { ...DEFAULT_STATE, gradAxis: 'log' },
  backend: { ...DEFAULT_STATE, backend: 'wasm' },
  threads: { ...DEFAULT_STATE, threads: 3 },
  embed: { ...DEFAULT_STATE, embed: true },
  tour: { ...DEFAULT_STATE, tour: CLAIM_IDS[0] },
  open: { ...DEFAULT_STATE, open: ['ridgelines'] },
  present: { ...DEFAULT_STATE, present: true },
  section: { ...DEFAULT_STATE, present: true, section: 'layers' },
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

      const alone = parseState(`?${new URLSearchParams({ ...NEEDS[param], [param]: text! })}`);
      expect(alone.notices).toEqual([]);
      expect(field.value(alone.state)).toEqual(value);
    },
  );
});

describe('the settings after the lecture', () => {
  it('are left out of links while off, and `off` in a link reads as the default', () => {
    expect(serializeState(DEFAULT_STATE)).not.toMatch(/res=|alpha=|ln=|normat=|drop=|wd=/);
    const { state, notices } = parseState('?res=0&alpha=one&ln=0&normat=inside&drop=0&dropprobe=0');
    expect(notices).toEqual([]);
    expect(state).toEqual(DEFAULT_STATE);
  });

  it('a whole residual, layer-normalized, dropout network with AdamW round-trips', () => {
    const state: PageState = {
      ...onSpiral({}, { optimizer: 'adam', weightDecay: 0.05 }),
      network: {
        ...DEFAULT_STATE.network,
        residual: true,
        branchScale: 'inv-sqrt-depth',
        layernorm: true,
        normPosition: 'post',
        dropout: 0.3,
        dropoutInProbe: true,
      },
    };
    const link = serializeState(state);
    expect(link).toMatch(/res=1&alpha=inv-sqrt-depth&ln=1&normat=post&drop=0.3&dropprobe=1/);
    expect(link).toContain('wd=0.05');
    expect(parseState(link)).toEqual({ state, notices: [] });
  });

  it.each([
    ['normat=pre', 'normalization place "pre"', /needs residual connections.*using inside/],
    ['normat=post&ln=1', 'normalization place "post"', /needs residual.*using inside/],
    ['bn=1&ln=1', 'layer normalization "1"', /not both.*using off/],
    ['drop=0.95', 'dropout "0.95"', /from 0 to 0.9.*using 0\./],
    ['drop=-0.1', 'dropout "-0.1"', /from 0 to 0.9.*using 0\./],
    ['alpha=half', 'branch scale "half"', /one of one, inv-sqrt-depth, rezero/],
    ['data=spiral&opt=sgd&wd=0.1', 'weight decay "0.1"', /for Adam \(AdamW\)\); using 0\./],
    ['data=spiral&opt=adam&wd=2', 'weight decay "2"', /from 0 to 1;.*using 0\./],
  ])(
    '%s is refused with a notice naming the field, the rest of the link kept',
    (query, named, why) => {
      const { state, notices } = parseState(`?act=relu&${query}`);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(named);
      expect(notices[0]).toMatch(why);
      expect(state.network.activation).toBe('relu');
      const { normPosition, dropout, branchScale, layernorm } = state.network;
      expect([normPosition, dropout, branchScale, state.training.weightDecay]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      if (query.startsWith('bn=1')) expect(layernorm).toBeUndefined();
    },
  );

  it('the pinned A keeps its residual network and its weight decay', () => {
    const pinned = {
      network: { ...DEFAULT_STATE.network, residual: true, branchScale: 'rezero' as const },
      batch: 200,
      training: { ...DEFAULT_TRAINING, optimizer: 'adam' as const, weightDecay: 0.01 },
    };
    const parsed = parseState(serializeState({ ...DEFAULT_STATE, pinned }));
    expect(parsed.notices).toEqual([]);
    expect(parsed.state.pinned).toEqual(pinned);
    // An A without weight decay writes no `wd` (links of A from before it stay the same).
    const plain = serializeState({
      ...DEFAULT_STATE,
      pinned: { ...pinned, training: DEFAULT_TRAINING },
    });
    expect(decodeURIComponent(plain)).not.toContain('wd=');
  });
});
