import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, BRANCH_SCALES, INITS, LIMITS, NORM_POSITIONS } from '../engine/config';
import {
  DATA_CHOICES,
  DEFAULT_DATA,
  DEFAULT_STATE,
  DEFAULT_TRAINING,
  SPEEDS,
  type PageState,
  parseState,
  serializeState,
} from './url-state';
import { FIRST_SECTION, SECTIONS } from './sections';

const stateArbitrary: fc.Arbitrary<PageState> = fc.record({
  network: fc
    .record(
      {
        activation: fc.constantFrom(...ACTIVATIONS),
        init: fc.constantFrom(...INITS),
        initScale: fc.double({ min: 0, max: 100, noNaN: true }),
        depth: fc.integer({ min: 1, max: 12 }),
        width: fc.integer({ min: 1, max: 600 }),
        inputDim: fc.integer({ min: 1, max: 600 }),
        classes: fc.integer({ min: 2, max: 20 }),
        seed: fc.integer({ min: 0, max: LIMITS.seed.max }),
        batchnorm: fc.boolean(),
        // The settings after the lecture: absent, or on (off reads back as absent).
        residual: fc.constant(true),
        branchScale: fc.constantFrom(...BRANCH_SCALES.filter((scale) => scale !== 'one')),
        normPosition: fc.constantFrom(...NORM_POSITIONS.filter((place) => place !== 'inside')),
        dropout: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        dropoutInProbe: fc.constant(true),
        layernorm: fc.constant(true),
      },
      {
        requiredKeys: [
          'activation',
          'init',
          'initScale',
          'depth',
          'width',
          'inputDim',
          'classes',
          'seed',
          'batchnorm',
        ],
      },
    )
    .map(({ ...network }) => {
      // Only valid states: pre/post and α with residual connections, one normalization.
      if (network.normPosition) network.residual = true;
      if (!network.residual) delete network.branchScale;
      if (network.batchnorm) delete network.layernorm;
      return network;
    }),
  batch: fc.integer({ min: 1, max: 1000 }),
  data: fc.record({
    name: fc.constantFrom(...DATA_CHOICES),
    points: fc.integer({ min: 50, max: 10_000 }),
    noise: fc.double({ min: 0, max: 1, noNaN: true }),
    planarClasses: fc.integer({ min: 2, max: 6 }),
    preprocess: fc.constantFrom('normalize' as const, 'none' as const),
  }),
  training: fc
    .record({
      optimizer: fc.constantFrom('sgd' as const, 'momentum' as const, 'adam' as const),
      learningRate: fc.double({ min: 1e-8, max: 100, noNaN: true }),
      l2: fc.double({ min: 0, max: 100, noNaN: true }),
      speed: fc.constantFrom(...SPEEDS),
    })
    .chain((training) =>
      training.optimizer === 'adam'
        ? fc
            .option(fc.double({ min: 1e-6, max: 1, noNaN: true }), { nil: undefined })
            .map((weightDecay) => (weightDecay ? { ...training, weightDecay } : training))
        : fc.constant(training),
    ),
  gradAxis: fc.constantFrom('linear' as const, 'log' as const),
  pinned: fc.constant(null),
  embed: fc.boolean(),
  tour: fc.constantFrom(null, 'small-init-collapses', 'random-beats-grid'),
  open: fc.subarray(['table' as const, 'ridgelines' as const]),
  backend: fc.constantFrom('auto' as const, 'ts' as const, 'wasm' as const),
  threads: fc.option(fc.integer({ min: 1, max: 64 }), { nil: null }),
  present: fc.boolean(),
  section: fc.constantFrom(...SECTIONS.filter((section) => section !== 'tour')),
});

describe('URL state', () => {
  it('an empty query is the lecture default, without notices', () => {
    expect(parseState('')).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('round-trips every valid state', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const parsed = parseState(serializeState(state));
        expect(parsed.notices).toEqual([]);
        // Fields that do not apply are not written, so they come back as defaults.
        const planar = state.data.name !== 'probe' && state.data.name !== 'digits';
        const training = state.data.name !== 'probe';
        const expected: PageState = {
          ...state,
          network:
            state.network.init === 'custom'
              ? state.network
              : { ...state.network, initScale: DEFAULT_STATE.network.initScale },
          data: {
            name: state.data.name,
            points: planar ? state.data.points : DEFAULT_DATA.points,
            noise: planar ? state.data.noise : DEFAULT_DATA.noise,
            planarClasses: planar ? state.data.planarClasses : DEFAULT_DATA.planarClasses,
            preprocess: training ? state.data.preprocess : DEFAULT_DATA.preprocess,
          },
          training: training ? state.training : DEFAULT_TRAINING,
          // Projector mode's section is written only while it is on.
          section: state.present ? state.section : FIRST_SECTION,
        };
        expect(parsed.state).toEqual(expected);
      }),
    );
  });

  it('never throws and always yields a runnable state, whatever the query', () => {
    fc.assert(
      fc.property(fc.string(), fc.webQueryParameters(), (junk, query) => {
        for (const search of [junk, `?${query}`, `?layers=${junk}&act=${junk}`]) {
          const { state } = parseState(search);
          expect(state.network.depth).toBeGreaterThanOrEqual(1);
          expect(ACTIVATIONS).toContain(state.network.activation);
        }
      }),
    );
  });

  it.each([
    ['layers=abc', 'Layers', 'depth', 10],
    ['layers=-3', 'Layers', 'depth', 10],
    ['layers=2.5', 'Layers', 'depth', 10],
    ['width=NaN', 'Units per layer', 'width', 500],
    ['width=1e99', 'Units per layer', 'width', 500],
    ['seed=99999999999999999999', 'Seed', 'seed', 7],
  ] as const)('%s falls back with a notice naming %s', (search, label, key, value) => {
    const { state, notices } = parseState(`?${search}`);
    expect(state.network[key]).toBe(value);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(label);
  });

  it('unknown names and broken percent-encoding fall back too', () => {
    const { state, notices } = parseState('?act=swish&init=%E0%A4%A&bn=maybe&grad=%');
    expect(state.network.activation).toBe('tanh');
    expect(state.network.init).toBe('small');
    expect(notices).toHaveLength(4);
  });

  it('round-trips a pinned configuration A inside the link', () => {
    const pinned = {
      network: { ...DEFAULT_STATE.network, activation: 'relu' as const, init: 'xavier' as const },
      batch: 500,
      training: { ...DEFAULT_TRAINING, learningRate: 0.5 },
    };
    const state: PageState = {
      ...DEFAULT_STATE,
      network: { ...DEFAULT_STATE.network, activation: 'relu', init: 'he' },
      pinned,
    };
    const parsed = parseState(serializeState(state));
    expect(parsed.notices).toEqual([]);
    expect(parsed.state.pinned).toEqual(pinned);
    expect(parsed.state.network.init).toBe('he');
  });

  it('reads learning rates written as 1e-3 or 0.001', () => {
    expect(parseState('?data=spiral&lr=1e-3').state.training.learningRate).toBe(0.001);
    expect(parseState('?data=spiral&lr=0.001').state.training.learningRate).toBe(0.001);
    const { notices } = parseState('?data=spiral&lr=fast');
    expect(notices[0]).toContain('learning rate');
  });

  it('reads links from before `prep`: norm=1 normalizes, norm=0 does not, `prep` wins', () => {
    const preprocess = (search: string) => parseState(search).state.data.preprocess;
    expect(preprocess('?data=spiral&norm=1')).toBe('normalize');
    expect(preprocess('?data=spiral&norm=0')).toBe('none');
    expect(preprocess('?data=digits&norm=0&prep=centre')).toBe('centre');
    expect(preprocess('?data=spiral&norm=1&prep=none')).toBe('none');
    expect(serializeState(parseState('?data=spiral&norm=0').state)).toContain('prep=none');
  });

  it('a combination too big to run falls back to the default network', () => {
    const { state, notices } = parseState('?layers=50&width=4096&batch=4096');
    expect(state.network).toEqual(DEFAULT_STATE.network);
    expect(notices[0]).toMatch(/cannot run/);
  });
});
