/**
 * The one grammar for numbers a person types: the page's number fields, the URL's parameters and
 * the command line's flags all read numbers here, so "0x10" or "" is refused everywhere alike.
 * Accepted: plain decimals and exponent notation (12, -3, 0.001, .5, 1e-3, 2.5E+4), with spaces
 * around them. Refused: empty text, hexadecimal, binary and octal prefixes, Infinity, NaN,
 * thousands separators and anything else `Number()` would quietly take or turn into NaN.
 */

export interface NumberRule {
  min: number;
  max: number;
  /** Whole numbers only (1e3 is 1000, a whole number; 2.5 is not). */
  integer?: boolean;
  /** The minimum itself is not allowed (a learning rate must be above 0). */
  minExclusive?: boolean;
}

export type NumberReading = { ok: true; value: number } | { ok: false; reason: string };

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Why `text` is not a number in this grammar, or its value. Ranges are not checked here. */
export function readNumber(text: string): NumberReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: text === '' ? 'it is empty' : 'it is blank' };
  if (/^[-+]?0[xob]/i.test(trimmed))
    return { ok: false, reason: 'hexadecimal, binary and octal numbers are not accepted' };
  if (/^[-+]?(infinity|∞)$/i.test(trimmed))
    return { ok: false, reason: 'Infinity is not a number the engine can use' };
  if (!DECIMAL.test(trimmed))
    return { ok: false, reason: 'it is not a decimal number such as 12, 0.5 or 1e-3' };
  const value = Number(trimmed);
  // 1e999 matches the pattern but overflows a double.
  if (!Number.isFinite(value)) return { ok: false, reason: 'it is too large to represent' };
  return { ok: true, value: value === 0 ? 0 : value };
}

/** "a whole number from 1 to 50", "a number above 0 and at most 100". */
export function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  return rule.minExclusive
    ? `${kind} above ${rule.min} and at most ${rule.max}`
    : `${kind} from ${rule.min} to ${rule.max}`;
}

/** Reads `text` and checks it against `rule`; a refusal says what was wrong in a few words. */
export function readNumberIn(text: string, rule: NumberRule): NumberReading {
  const reading = readNumber(text);
  if (!reading.ok) return reading;
  const { value } = reading;
  if (rule.integer && !Number.isInteger(value))
    return { ok: false, reason: 'it is not a whole number' };
  const low = rule.minExclusive ? value <= rule.min : value < rule.min;
  if (low || value > rule.max) return { ok: false, reason: 'it is out of range' };
  return reading;
}

/** Long typed or linked text is cut for messages (a screen reader reads the whole alert). */
export function excerpt(text: string, limit = 24): string {
  const chars = Array.from(text);
  return chars.length > limit ? `${chars.slice(0, limit).join('')}…` : text;
}
