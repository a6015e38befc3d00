/**
 * Test support (not part of the page): fast-check arbitraries of links built from the page's real
 * parameter names (URL_PARAMS, from the field table of url-fields.ts), with valid, invalid,
 * repeated, nested and huge values. Used by url-fuzz.test.ts on parseState and by
 * e2e/url-fuzz.spec.ts on the built page.
 */
import fc from 'fast-check';
import {
  ACTIVATIONS,
  BRANCH_SCALES,
  INITS,
  LIMITS,
  NORM_POSITIONS,
  OPTIMIZERS,
} from '../engine/config';
import { CLAIM_IDS } from '../engine/claims/types';
import { PREPROCESSINGS } from '../engine/data/preprocess';
import { DATA_CHOICES, OPEN_PANELS, SPEEDS } from './page-state';
import { URL_PARAMS, type UrlParam } from './url-fields';
import { SECTIONS } from './sections';

/** Whole numbers as a person or a script might write them (1e2 is a whole number too). */
const int = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom('plain', 'plus', 'exp', 'spaced'))
    .map(([n, style]) =>
      style === 'plus' && n >= 0
        ? `+${n}`
        : style === 'exp' && n % 10 === 0 && n !== 0
          ? `${n / 10}e1`
          : style === 'spaced'
            ? ` ${n} `
            : String(n),
    );

const decimal = (min: number, max: number) =>
  fc
    .tuple(
      fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom('plain', 'exp', 'fixed'),
    )
    .map(([x, style]) =>
      style === 'exp' ? x.toExponential(3) : style === 'fixed' ? x.toFixed(4) : String(x),
    );

/**
 * Values the page accepts, kept small where they size the network, so that each generated page
 * computes in well under a second.
 */
const VALID: Record<Exclude<UrlParam, 'a'>, fc.Arbitrary<string>> = {
  act: fc.constantFrom(...ACTIVATIONS),
  init: fc.constantFrom(...INITS),
  scale: decimal(0, 100),
  layers: int(1, 8),
  width: int(1, 200),
  input: int(1, 200),
  classes: int(2, 20),
  seed: int(0, LIMITS.seed.max),
  bias: decimal(-1, 1),
  bn: fc.constantFrom('0', '1'),
  res: fc.constantFrom('0', '1'),
  alpha: fc.constantFrom(...BRANCH_SCALES),
  ln: fc.constantFrom('0', '1'),
  normat: fc.constantFrom(...NORM_POSITIONS),
  drop: decimal(0, 0.9),
  dropprobe: fc.constantFrom('0', '1'),
  batch: int(1, 256),
  grad: fc.constantFrom('linear', 'log'),
  backend: fc.constantFrom('auto', 'ts', 'wasm'),
  data: fc.constantFrom(...DATA_CHOICES),
  points: int(50, 600),
  noise: decimal(0, 1),
  arms: int(2, 6),
  norm: fc.constantFrom('0', '1'),
  prep: fc.constantFrom(...PREPROCESSINGS),
  opt: fc.constantFrom(...OPTIMIZERS),
  lr: fc.constantFrom('1e-3', '0.01', '0.5', '1E-2', '.1'),
  l2: decimal(0, 0.1),
  wd: decimal(0, 0.1),
  speed: fc.constantFrom(...SPEEDS.map(String)),
  threads: fc.constantFrom('1', '2', '8', '64', '0', '65', '2.5', 'x'),
  embed: fc.constantFrom('0', '1'),
  open: fc.subarray([...OPEN_PANELS]).map((panels) => panels.join(',')),
  tour: fc.constantFrom(...CLAIM_IDS),
  present: fc.constantFrom('0', '1'),
  section: fc.constantFrom(...SECTIONS),
};

/** Text no field accepts, or that `Number()` would wrongly accept. */
const INVALID = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0x10',
    '0b11',
    '0o7',
    'Infinity',
    '-Infinity',
    'NaN',
    '1e999',
    '-1',
    '2.5',
    '1,000',
    '１２',
    'abc',
    '%',
    '%E0%A4%A',
    '"><script>alert(1)</script>',
    'null',
    'undefined',
    '[object Object]',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
);

/** Long enough to matter: a notice must cut it, and the page must not choke on it. */
const HUGE = fc.constantFrom(
  'x'.repeat(10_000),
  '9'.repeat(400),
  `1${'0'.repeat(400)}`,
  '1e308',
  ','.repeat(3000),
  'table,'.repeat(2000),
);

/** The pinned configuration A: an inner link, or `a=` nested hundreds of times. */
const nestedA = (inner: fc.Arbitrary<string>) =>
  fc.oneof(
    inner,
    fc.integer({ min: 1, max: 5000 }).map((n) => 'a='.repeat(n)),
    inner.map((text) => `a=${encodeURIComponent(text)}`),
  );

function pairArbitrary(
  inner: fc.Arbitrary<string>,
  valid: typeof VALID,
): fc.Arbitrary<[string, string]> {
  const name = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...URL_PARAMS) },
    { weight: 1, arbitrary: fc.constantFrom('foo', 'LAYERS', '', 'a[]', 'layers ') },
  );
  return name.chain((param) => {
    const good = param === 'a' ? nestedA(inner) : (valid[param as keyof typeof VALID] ?? INVALID);
    const value = fc.oneof(
      { weight: 6, arbitrary: good },
      { weight: 3, arbitrary: INVALID },
      { weight: 1, arbitrary: HUGE },
    );
    return value.map((v): [string, string] => [param, v]);
  });
}

/** name=value pairs, encoded (or, sometimes, raw: broken escapes and stray '=' included). */
function queryFrom(pairs: fc.Arbitrary<[string, string]>, maxPairs: number) {
  return fc
    .array(fc.tuple(pairs, fc.boolean()), { minLength: 0, maxLength: maxPairs })
    .map((entries) =>
      entries
        .map(([[name, value], raw]) =>
          raw && !/[&#]/.test(value)
            ? `${name}=${value}`
            : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
        )
        .join('&'),
    );
}

/**
 * A query string (without '?') of up to `maxPairs` parameters, A nested up to three deep.
 * `withSlowBackend: false` leaves out backend=ts (the plain-TypeScript reference: the lecture's
 * default network takes it seconds, too long for a page load per run).
 */
export function linkArbitrary(maxPairs = 10, withSlowBackend = true): fc.Arbitrary<string> {
  const backends = withSlowBackend ? ['auto', 'ts', 'wasm'] : ['auto', 'wasm'];
  const valid = { ...VALID, backend: fc.constantFrom(...backends) };
  const { link } = fc.letrec<{ link: string }>((tie) => ({
    link: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      queryFrom(pairArbitrary(fc.constant(''), valid), maxPairs),
      queryFrom(pairArbitrary(tie('link'), valid), maxPairs),
    ),
  }));
  return link;
}

/** Links every run must also meet: each once broke the page (e2e/qa-sweep.spec.ts). */
export const QA_LINKS = [
  'a='.repeat(1500),
  // Deeper than an unbounded recursion survives in Chromium or Node (10 KB: a host still serves it).
  'a='.repeat(5000),
  'data=digits&prep=whiten',
  'data=digits&prep=pca&layers=3&width=50',
  'seed=0x10&scale=0x10&init=custom',
  `layers=${'9'.repeat(10_000)}`,
];

/** Shows a generated link in a failure report cut to its start (some are 10,000 characters). */
export function shownLink(query: string): string {
  return query.length > 300 ? `${query.slice(0, 300)}… (${query.length} characters)` : query;
}
