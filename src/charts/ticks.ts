/**
 * Tick choices. d3's own tick generators aim for ~10 ticks; on a 170 px panel that means
 * overlapping labels, so charts pick few ticks themselves, from the pixels they have.
 */

/** Whole decades [lo, hi] (as exponents of ten) covering every finite positive value. */
export function decadeDomain(values: Iterable<number | null>): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value === null || !Number.isFinite(value) || value <= 0) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return null;
  // + 0 turns −0 (ceil of a small negative log) into 0.
  let lo = Math.floor(Math.log10(min)) + 0;
  let hi = Math.ceil(Math.log10(max)) + 0;
  // A flat series (or one exact decade) still gets room above and below so it reads as a level.
  if (hi - lo < 1) {
    lo -= 1;
    hi += 1;
  }
  return [lo, hi];
}

/**
 * Decade exponents to label between lo and hi: every decade when they fit, otherwise every 2nd,
 * 3rd, 5th… so that at most maxTicks labels are drawn. Both ends are always whole decades.
 */
export function decadeTicks(lo: number, hi: number, maxTicks: number): number[] {
  const span = hi - lo;
  const limit = Math.max(2, Math.floor(maxTicks));
  const steps = [1, 2, 3, 5, 10, 20, 25, 50, 100];
  const count = (s: number) => Math.floor(hi / s) - Math.ceil(lo / s) + 1;
  const step = steps.find((s) => count(s) <= limit) ?? Math.ceil(span / (limit - 1));
  const ticks: number[] = [];
  // Anchor on multiples of the step (1e−6, 1e−3, 1) rather than on lo, so ticks look chosen.
  for (let e = Math.ceil(lo / step) * step; e <= hi; e += step) ticks.push(e);
  return ticks;
}

/**
 * Integer ticks 1…count for a layer (or step) axis with at most maxTicks labels: every layer,
 * else odd layers (1, 3, 5…), else 1 and multiples of 5, 10, 20… (1, 10, 20, 30).
 */
export function integerTicks(count: number, maxTicks: number): number[] {
  const limit = Math.max(2, Math.floor(maxTicks));
  if (count <= limit) return Array.from({ length: count }, (_, i) => i + 1);
  if (Math.ceil(count / 2) <= limit)
    return Array.from({ length: Math.ceil(count / 2) }, (_, i) => 2 * i + 1);
  const steps = [5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];
  const step =
    steps.find((s) => Math.floor(count / s) + 1 <= limit) ?? Math.ceil(count / (limit - 1));
  const ticks = [1];
  for (let t = step; t <= count; t += step) ticks.push(t);
  return ticks;
}
