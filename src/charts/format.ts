/**
 * Chart-only label styles on top of the one number format (src/engine/format.ts, which the axes
 * and aria-labels use directly): decades as powers of ten and abbreviated counts, short enough
 * that two or three labels fit on a 170 px axis.
 */
import { format } from 'd3-format';
import { formatNumber } from '../engine/format';

const wholeCount = format('.0f');
/** SI prefixes, two significant digits, trailing zeros dropped: 1.2k, 12k, 1M, 3.4M. */
const prefixedCount = format('.2~s');

/** 10^exponent, e.g. 1e−12, 0.1, 1, 10, 1e6; non-integer exponents print the power itself. */
export function formatPow10(exponent: number): string {
  if (!Number.isInteger(exponent)) return formatNumber(10 ** exponent);
  if (Math.abs(exponent) <= 1) return formatNumber(10 ** exponent);
  return `1e${formatNumber(exponent)}`;
}

/** A count of values, two significant digits from 1,000 on: 5, 340, 1.2k, 12k, 3.4M. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return formatNumber(count);
  if (Math.round(Math.abs(count)) < 1000) return wholeCount(count);
  return prefixedCount(count);
}
