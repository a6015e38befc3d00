/**
 * The line charts' linear y range, before d3 makes it nice (sparkline.ts). Pure, so the unit
 * tests check it without a DOM.
 */

/** A fraction's axis: 0 to 1 always (dead, saturated, accuracy), even while every value is 0. */
export const FRACTION_DOMAIN = [0, 1] as const;

/**
 * The fixed domain when there is one; else the values' extent, where a flat series at 0 gets 0…1
 * (the quantities drawn are mostly non-negative: not −1…1) and another flat one ±10 %.
 */
export function linearYRange(
  values: readonly number[],
  fixed?: readonly [number, number],
): [number, number] {
  if (fixed) return [fixed[0], fixed[1]];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo > hi) return [0, 1];
  if (lo < hi) return [lo, hi];
  return lo === 0 ? [0, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
}
