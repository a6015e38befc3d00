/** Number formats for people: a fixed number of significant digits, exponents when tiny or huge. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-2 || magnitude >= 1e4)
    return value.toExponential(digits - 1).replace('e+', 'e');
  return String(Number(value.toPrecision(digits)));
}

export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '–';
  const percent = fraction * 100;
  if (percent > 0 && percent < 1) return '<1 %';
  return `${Math.round(percent)} %`;
}

/** A data-* attribute value: full precision, or absent. */
export function attribute(value: number | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}
