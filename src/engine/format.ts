/**
 * Numbers, percentages and errors as people read them. The panels, the chart labels, the claims'
 * summaries, the diagnosis, the comparison and the command-line tools all print through these,
 * so one figure reads the same everywhere. Machine formats (CSV, JSON, generated scripts) keep
 * full precision and do not use them. Pure, no DOM: runs in the page, the worker and under Node.
 *
 * The rules:
 * - `digits` significant digits, trailing zeros dropped: 0.5, 3.1, 250, 0.015;
 * - an exponent when the rounded magnitude is below 0.01 or at least 10,000: 2.3e−5, 1.2e4;
 * - negatives with the typographic minus (U+2212), as d3-format writes them: −1, 1e−4;
 * - an en dash for a missing value or NaN, ∞ / −∞ for infinities, 0 for zero;
 * - percentages whole, except that a share strictly between 0 and 1 % reads "<1 %" and one
 *   strictly between 99 and 100 % reads ">99 %" (a few dead units are not "0 %", nor "100 %").
 */
import { format } from 'd3-format';

/** What a missing or NaN value prints as. */
export const MISSING = '–';
const MINUS = '\u2212';
const INFINITY = '∞';
/** Rounded magnitudes in [0.01, 10,000) print plainly; the rest with an exponent. */
const PLAIN_FROM = 1e-2;
const PLAIN_BELOW = 1e4;

const formatters = new Map<string, (value: number) => string>();

/** d3-format compiles a specifier into a function; compile each one once. */
function formatter(specifier: string): (value: number) => string {
  let compiled = formatters.get(specifier);
  if (!compiled) {
    compiled = format(specifier);
    formatters.set(specifier, compiled);
  }
  return compiled;
}

/** d3 writes "1.2e+4" and "1e-4"; the panels have always said 1.2e4 and 1e−4. */
function tidyExponent(text: string): string {
  return text.replace(/e([+-])(\d+)$/, (_, sign: string, power: string) =>
    sign === '-' ? `e${MINUS}${power}` : `e${power}`,
  );
}

/** A number for people (see the rules above); `digits` significant digits, 2 unless said. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  if (!Number.isFinite(value)) return value > 0 ? INFINITY : `${MINUS}${INFINITY}`;
  if (value === 0) return '0';
  const magnitude = formatter(`.${digits}~r`)(Math.abs(value));
  // Decide on the rounded magnitude, so 9999.7 at 2 digits is 1e4, not "10000".
  const rounded = Number(magnitude);
  if (rounded >= PLAIN_FROM && rounded < PLAIN_BELOW) {
    return value < 0 ? `${MINUS}${magnitude}` : magnitude;
  }
  return tidyExponent(formatter(`.${digits - 1}~e`)(value));
}

/** A fraction (0.25) as a whole percentage ("25 %"); see the rules above for the two ends. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return MISSING;
  if (!Number.isFinite(fraction)) return `${formatNumber(fraction)} %`;
  const percent = fraction * 100;
  if (percent > 0 && percent < 1) return '<1 %';
  if (percent > 99 && percent < 100) return '>99 %';
  return `${formatter('.0f')(percent)} %`;
}

/** The message of anything thrown: an Error's message, anything else as a string. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** For crash reports: an Error's stack (which starts with its message) when it has one. */
export function errorStack(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : errorMessage(error);
}
