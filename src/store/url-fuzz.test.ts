/** parseState over generated links (url-testing.ts): it never throws and never lets a bad one in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRunnable } from './runnable';
import { QA_LINKS, linkArbitrary } from './url-testing';
import {
  DEFAULT_STATE,
  parseState,
  serializeState,
  UNREADABLE_LINK,
  URL_PARAMS,
} from './url-state';

/** What every parse must give: a state that runs, and short notices. */
function expectSound(search: string) {
  const { state, notices } = parseState(search);
  expect(notices.filter((n) => n.startsWith(UNREADABLE_LINK))).toEqual([]);
  expect(() => checkRunnable(state.network, state.batch, state.data)).not.toThrow();
  if (state.pinned)
    expect(() =>
      checkRunnable(state.pinned!.network, state.pinned!.batch, state.data),
    ).not.toThrow();
  // Every notice quotes at most a short excerpt of what the link held.
  for (const notice of notices) expect(notice.length).toBeLessThan(600);
  expect(notices.length).toBeLessThanOrEqual(2 * URL_PARAMS.length + 4);
  return { state, notices };
}

describe('parseState over generated links', () => {
  it('never throws, always gives a runnable state, and serialize∘parse is idempotent', () => {
    fc.assert(
      fc.property(linkArbitrary(), fc.boolean(), (query, withMark) => {
        const { state } = expectSound(withMark ? `?${query}` : query);
        const written = serializeState(state);
        const again = parseState(written);
        expect(again.notices).toEqual([]);
        expect(serializeState(again.state)).toBe(written);
      }),
      { numRuns: 400, examples: QA_LINKS.map((link) => [link, true]) },
    );
  });

  it('reads every parameter name it is given (URL_PARAMS is the whole list)', () => {
    // A state with every optional part set writes only names from the list.
    const state = {
      ...DEFAULT_STATE,
      network: {
        ...DEFAULT_STATE.network,
        init: 'custom' as const,
        initScale: 2,
        biasInit: 0.1,
        residual: true,
        branchScale: 'rezero' as const,
        layernorm: true,
        normPosition: 'pre' as const,
        dropout: 0.1,
        dropoutInProbe: true,
      },
      data: { ...DEFAULT_STATE.data, name: 'spiral' as const },
      training: { ...DEFAULT_STATE.training, optimizer: 'adam' as const, weightDecay: 0.01 },
      backend: 'ts' as const,
      threads: 2,
      embed: true,
      tour: 'small-init-collapses',
      open: ['table' as const],
      present: true,
      section: 'tour' as const,
      pinned: { network: DEFAULT_STATE.network, batch: 10, training: DEFAULT_STATE.training },
    };
    const names = [...new URLSearchParams(serializeState(state)).keys()];
    expect(new Set(names)).toEqual(new Set(URL_PARAMS));
  });
});

describe('links that once broke the page', () => {
  it('`a=` nested 1,500 (and 20,000) times loads, refusing the nesting with a notice', () => {
    for (const n of [1500, 20_000]) {
      const { state, notices } = expectSound(`?${'a='.repeat(n)}`);
      expect(state.pinned).not.toBeNull();
      expect(notices).toEqual([expect.stringMatching(/^Pinned A: .*only one level is read/)]);
    }
  });

  it('a preprocessing the digits cannot use is refused up front', () => {
    for (const prep of ['whiten', 'pca']) {
      const { state, notices } = expectSound(`?data=digits&prep=${prep}`);
      expect(state.data).toMatchObject({
        name: 'digits',
        preprocess: 'normalize',
      });
      expect(notices).toEqual([expect.stringMatching(new RegExp(`preprocessing "${prep}".*2-D`))]);
    }
    // The 2-D sets keep it.
    expect(parseState('?data=spiral&prep=whiten').state.data.preprocess).toBe('whiten');
  });

  it('numbers follow one grammar: hex, binary, empty, blank and Infinity are refused everywhere', () => {
    for (const [param, label] of [
      ['seed', 'Seed'],
      ['scale', 'init scale'],
      ['layers', 'Layers'],
      ['lr', 'learning rate'],
      ['noise', 'noise'],
    ]) {
      for (const text of ['0x10', '0b11', '', '%20', 'Infinity']) {
        const { state, notices } = parseState(`?init=custom&data=spiral&${param}=${text}`);
        expect(notices, `${param}=${text}`).toHaveLength(1);
        expect(notices[0]).toContain(label);
        expect(serializeState(state)).toBe(
          serializeState(parseState('?init=custom&data=spiral').state),
        );
      }
    }
    expect(parseState('?data=spiral&lr=1e-3').state.training.learningRate).toBe(0.001);
    expect(parseState('?layers=1e1').state.network.depth).toBe(10);
  });

  it('a network too big for its data set is refused before the worker sees it', () => {
    // Fits as a probe (batch 1), not as a training run (the trainer holds 256 monitoring rows).
    const query = 'act=maxout&bn=1&layers=50&width=900&batch=1&input=2&classes=2';
    expect(parseState(`?${query}`).notices).toEqual([]);
    const { state, notices } = expectSound(`?${query}&data=spiral`);
    expect(notices[0]).toMatch(/cannot run.*too big/);
    expect(state.network).toEqual(DEFAULT_STATE.network);
    expect(state.data.name).toBe('spiral');
  });

  it('a link naming thousands of unknown panels says so in a few notices', () => {
    const { notices } = expectSound(`?open=${'x,'.repeat(5000)}table`);
    expect(notices).toHaveLength(4);
    expect(notices[3]).toMatch(/4997 more/);
  });
});

describe('the settings after the lecture, combined at random', () => {
  it('a link never holds a combination the engine refuses: pre/post without residual, bn with ln, wd without Adam', () => {
    fc.assert(
      fc.property(linkArbitrary(14), (query) => {
        const { state } = expectSound(`?${query}`);
        const { network, training } = state;
        if ((network.normPosition ?? 'inside') !== 'inside') expect(network.residual).toBe(true);
        expect(network.batchnorm && network.layernorm).toBeFalsy();
        if (training.weightDecay) expect(training.optimizer).toBe('adam');
        expect(network.dropout ?? 0).toBeLessThanOrEqual(0.9);
      }),
      {
        numRuns: 300,
        examples: [['normat=post&ln=1'], ['bn=1&ln=1&res=1&normat=pre'], ['opt=momentum&wd=0.5']],
      },
    );
  });
});

describe('speed', () => {
  it('is a number in the one grammar, then one of the Speed control’s choices', () => {
    expect(parseState('?data=spiral&speed=1e2').state.training.speed).toBe(100);
    const { state, notices } = parseState('?data=spiral&speed=7');
    expect(state.training.speed).toBe(0);
    expect(notices[0]).toMatch(/speed "7".*one of 0, 1000/);
    expect(parseState('?data=spiral&speed=0x10').notices[0]).toMatch(/hexadecimal/);
  });
});
