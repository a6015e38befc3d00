/**
 * Number formats for chart labels: short enough that two or three labels fit on a 170 px axis,
 * and the same style everywhere (1e−5, 0.5, 1.2k). Negative numbers use the typographic minus
 * (U+2212), as d3-format does, because it reads better when projected. No imports, so the
 * formats are unit-tested under plain Node.
 */

const MINUS = '\u2212';

function withMinus(text: string): string {
  return text.replace(/-/g, MINUS);
}

/** A value on an axis: 0, 0.5, −1, 3.7, 250, and 2.3e−5 / 1e4 outside 0.01…10,000. */
export function formatValue(value: number, digits = 2): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${MINUS}∞`;
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-2 && magnitude < 1e4) {
    const rounded = Number(value.toPrecision(digits));
    // Rounding can carry into 10,000 (9999.7 → 10000); the exponent form below handles that.
    if (Math.abs(rounded) < 1e4) return withMinus(String(rounded));
  }
  // toExponential rounds the mantissa for us (9.99e-6 at 2 digits becomes 1.0e-5).
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return withMinus(`${trimmed}e${Number(exponent)}`);
}

/** 10^exponent, e.g. 1e−12, 0.1, 1, 10, 1e6; non-integer exponents fall back to formatValue. */
export function formatPow10(exponent: number): string {
  if (!Number.isInteger(exponent)) return formatValue(10 ** exponent);
  if (exponent === -1) return '0.1';
  if (exponent === 0) return '1';
  if (exponent === 1) return '10';
  return withMinus(`1e${exponent}`);
}

const COUNT_UNITS = ['k', 'M', 'G', 'T'];

/** A count of values, two significant digits: 5, 340, 1.2k, 12k, 3.4M. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return formatValue(count);
  if (Math.abs(count) < 1000) return withMinus(String(Math.round(count)));
  let scaled = count;
  for (const unit of COUNT_UNITS) {
    scaled /= 1000;
    const rounded = Number(scaled.toPrecision(2));
    // 999,600 rounds to 1000k: say 1M instead.
    if (Math.abs(rounded) < 1000 || unit === COUNT_UNITS[COUNT_UNITS.length - 1]) {
      return withMinus(`${rounded}${unit}`);
    }
  }
  return String(count);
}

/** A statistic in prose (aria-labels): three significant digits. */
export function formatStat(value: number): string {
  return formatValue(value, 3);
}
