/**
 * How one URL field's text becomes a value and back, for the field table of url-fields.ts. A
 * codec's read returns the link's value if it is valid, else the current one with one notice
 * naming the field. Numbers go through the one grammar of src/engine/number-grammar.ts, as the
 * page's number fields do.
 */
import { describeRule, excerpt, type NumberRule, readNumberIn } from '../engine/number-grammar';
import { DEFAULT_STATE, type PageState } from './page-state';
import type { ParsedState } from './url-state';

/** What the table walk (url-state.ts) gives a codec while it reads one field. */
export interface FieldReading {
  /** The field's name in notices ("Layers"). */
  label: string;
  notices: string[];
  /** Reads a link held inside this one (the pinned A); null inside one, so A is one level deep. */
  readInner: ((query: string) => ParsedState) | null;
}

/** What the table walk gives a codec while it writes: the pinned A is written as a link. */
export interface FieldWriting {
  /** `state` as a query string, with the fields `include` picks (each field's own rule if none). */
  writeLink: (state: PageState, include?: (path: string, applies: boolean) => boolean) => string;
}

export interface Codec<V> {
  /** The value `text` holds, or `current` with a notice saying why not. */
  read(text: string, current: V, reading: FieldReading): V;
  write(value: V, writing: FieldWriting): string;
}

export function noticeInvalid(
  reading: FieldReading,
  text: string,
  expected: string,
  used: string,
): void {
  reading.notices.push(
    `The link's ${reading.label} "${excerpt(text)}" is not valid (${expected}); using ${used}.`,
  );
}

type Parsed<V> = { ok: true; value: V } | { ok: false; expected: string };

/** A codec whose text is valid or not as a whole; `shown` names the fallback in its notice. */
function wholeText<V>(
  parse: (text: string) => Parsed<V>,
  write: (value: V) => string,
  shown: (value: V) => string = write,
): Codec<V> {
  return {
    read(text, current, reading) {
      const parsed = parse(text);
      if (parsed.ok) return parsed.value;
      noticeInvalid(reading, text, parsed.expected, shown(current));
      return current;
    },
    write,
  };
}

const includes = <T>(choices: readonly T[], value: unknown): value is T =>
  (choices as readonly unknown[]).includes(value);

/** One of `choices`; `expected` describes them when the list itself would be unclear. */
export function choice<T extends string>(
  choices: readonly T[],
  expected = `one of ${choices.join(', ')}`,
): Codec<T> {
  return wholeText(
    (text) => (includes(choices, text) ? { ok: true, value: text } : { ok: false, expected }),
    (value) => value,
  );
}

/** A number in the one grammar within `rule`; with `allowed`, also one of those values. */
export function number(
  rule: NumberRule,
  allowed?: { values: readonly number[]; unit: string },
): Codec<number> {
  return wholeText(
    (text) => {
      const reading = readNumberIn(text, rule);
      if (!reading.ok) return { ok: false, expected: `${describeRule(rule)}; ${reading.reason}` };
      if (allowed && !allowed.values.includes(reading.value))
        return { ok: false, expected: `one of ${allowed.values.join(', ')} ${allowed.unit}` };
      return reading;
    },
    (value) => String(value),
  );
}

/** Optional in its state (the default network has no bias): read and written as `absent`. */
export function orAbsent<V>(codec: Codec<V>, absent: V): Codec<V | undefined> {
  return {
    read: (text, current, reading) => codec.read(text, current ?? absent, reading),
    write: (value, writing) => codec.write(value ?? absent, writing),
  };
}

/**
 * An optional setting the lecture's network leaves out (residual, dropout, …): the value `absent`
 * reads back as no value at all, so a link's `res=0` keeps the state equal to the default's.
 */
export function absentAt<V>(codec: Codec<V>, absent: V): Codec<V | undefined> {
  return {
    read(text, current, reading) {
      const value = codec.read(text, current ?? absent, reading);
      return value === absent ? undefined : value;
    },
    write: (value, writing) => codec.write(value ?? absent, writing),
  };
}

/** '1' or '0', standing for `on` and `off`. */
export function bitAs<V>(on: V, off: V): Codec<V> {
  return wholeText(
    (text) =>
      text === '1' || text === '0'
        ? { ok: true, value: text === '1' ? on : off }
        : { ok: false, expected: '1 or 0' },
    (value) => (value === on ? '1' : '0'),
  );
}

export const BIT = bitAs(true, false);

/** '1' turns it on; any other text leaves it off, without a notice (`embed`). */
export const FLAG: Codec<boolean> = {
  read: (text) => text === '1',
  write: (on) => (on ? '1' : '0'),
};

/** One of `choices` or nothing (the tour's step): a bad name falls back to nothing. */
export function choiceOrNone(
  choices: readonly string[],
  expected: string,
  none: string,
): Codec<string | null> {
  return wholeText(
    (text) => (includes(choices, text) ? { ok: true, value: text } : { ok: false, expected }),
    (value) => value ?? '',
    (value) => value ?? none,
  );
}

/** At most this many notices about one list parameter (e.g. `open`): the rest are counted. */
const LIST_NOTICES = 3;

/**
 * A comma-separated set of `choices`, each once, read in the link's order but written in the
 * order of `choices`: the page opening panels from a link must not rewrite the link
 * (e2e/url-fuzz.spec.ts found it did, with a history entry). A long list of bad names is summed up.
 */
export function choiceSet<T extends string>(choices: readonly T[]): Codec<T[]> {
  return {
    read(text, _current, reading) {
      const names = text.split(',').filter(Boolean);
      const bad = names.filter((name) => !includes(choices, name));
      for (const name of bad.slice(0, LIST_NOTICES))
        noticeInvalid(reading, name, `one of ${choices.join(', ')}`, 'closed');
      if (bad.length > LIST_NOTICES)
        reading.notices.push(
          `The link names ${bad.length - LIST_NOTICES} more ${reading.label}s that do not exist; they were ignored.`,
        );
      return [...new Set(names.filter((name) => includes(choices, name)))];
    },
    write: (picked) => choices.filter((choice) => picked.includes(choice)).join(','),
  };
}

type Pinned = NonNullable<PageState['pinned']>;

/**
 * The pinned A, written as a query string of its own, one level deep: an `a` inside A (a
 * hand-made or fuzzed link) is refused with a notice, so no link can nest the reading deeper. A's
 * training settings go in even when the probe is shown, so A trains as it was pinned (weight decay
 * only when set: it is off for the lecture's optimizers, and old links of A stay as they were).
 */
export const PINNED_LINK: Codec<Pinned | null> = {
  read(text, _current, reading) {
    if (!reading.readInner) {
      reading.notices.push(
        'The pinned configuration holds another one inside it; only one level is read, the inner one was ignored.',
      );
      return null;
    }
    const inner = reading.readInner(text.startsWith('?') ? text : `?${text}`);
    reading.notices.push(...inner.notices.map((notice) => `Pinned A: ${notice}`));
    const { network, batch, training } = inner.state;
    return { network, batch, training };
  },
  write: (pinned, writing) =>
    writing.writeLink(
      { ...DEFAULT_STATE, ...pinned },
      (path, applies) =>
        (path.startsWith('training.') &&
          (path !== 'training.weightDecay' || Boolean(pinned?.training.weightDecay))) ||
        ((path === 'batch' || path.startsWith('network.')) && applies),
    ),
};
