/**
 * Reads one query string's parameters for url-state.ts: each reader returns the link's value if
 * it is valid, else the current one, and records one notice naming the field. Numbers go through
 * the one grammar of src/engine/number-grammar.ts, as the page's number fields do.
 */
import { describeRule, excerpt, type NumberRule, readNumberIn } from '../engine/number-grammar';

/** At most this many notices about one list parameter (e.g. `open`): the rest are counted. */
const LIST_NOTICES = 3;

export class QueryReader {
  readonly notices: string[] = [];

  constructor(readonly params: URLSearchParams) {}

  get(param: string): string | null {
    return this.params.get(param);
  }

  fallback(label: string, text: string, expected: string, used: string | number): void {
    this.notices.push(
      `The link's ${label} "${excerpt(text)}" is not valid (${expected}); using ${used}.`,
    );
  }

  /** One of `choices`; `expected` describes them when the list itself would be unclear. */
  choice<T extends string>(
    param: string,
    label: string,
    choices: readonly T[],
    current: T,
    expected = `one of ${choices.join(', ')}`,
  ): T {
    const text = this.get(param);
    if (text === null) return current;
    if ((choices as readonly string[]).includes(text)) return text as T;
    this.fallback(label, text, expected, current);
    return current;
  }

  number(param: string, label: string, rule: NumberRule, current: number): number {
    const text = this.get(param);
    if (text === null) return current;
    const reading = readNumberIn(text, rule);
    if (reading.ok) return reading.value;
    this.fallback(label, text, `${describeRule(rule)}; ${reading.reason}`, current);
    return current;
  }

  /** '1' or '0'. */
  bit(param: string, label: string, current: boolean): boolean {
    const text = this.get(param);
    if (text === null) return current;
    if (text === '1' || text === '0') return text === '1';
    this.fallback(label, text, '1 or 0', current ? 1 : 0);
    return current;
  }

  /** A comma-separated set of `choices`, each once; a long list of bad names is summed up. */
  list<T extends string>(param: string, label: string, choices: readonly T[]): T[] {
    const picked: T[] = [];
    const bad: string[] = [];
    for (const name of (this.get(param) ?? '').split(',').filter(Boolean)) {
      if (!(choices as readonly string[]).includes(name)) bad.push(name);
      else if (!picked.includes(name as T)) picked.push(name as T);
    }
    for (const name of bad.slice(0, LIST_NOTICES))
      this.fallback(label, name, `one of ${choices.join(', ')}`, 'closed');
    if (bad.length > LIST_NOTICES)
      this.notices.push(
        `The link names ${bad.length - LIST_NOTICES} more ${label}s that do not exist; they were ignored.`,
      );
    return picked;
  }
}
