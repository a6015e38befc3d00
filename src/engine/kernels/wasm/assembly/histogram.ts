/**
 * Histogram counts over [low, high] in `bins` bins, of x or (mode 1) of log10|x|. results[0..bins)
 * = counts, [bins] = below low (and zeros in mode 1), [bins+1] = above high,
 * [bins+2] = non-finite.
 *
 * Every value lands in the bin the TS backend picks, (v − low)·scale floored in float64, but
 * cheaply: four at a time, t ≈ (v − low)·scale is computed in float32 (with a fast log10 in
 * mode 1) to within `delta` of its float64 value; only values whose t lies within delta of a bin
 * edge (or that are zero, subnormal or non-finite) take the exact float64 path. Exactness at a
 * bin edge matters: a count that differs between backends would make their histograms differ.
 */
import { RESULT_SLOTS, columnBuffer, setResult } from './layout';
import { bytes } from './lanes';

const TABLE = memory.data<f32>([
  // Series 2·atanh(s) = ln m for m in [√½, √2): 1, 1/3, 1/5, 1/7, 1/9.
  1, 0.333333333, 0.2, 0.142857143, 0.111111111,
  0.301029996, 0.434294482, 1.41421356, 0.5, 2, // log10 2, log10 e, √2, 1/2, 2
  1.17549435e-38, Infinity, // smallest normal float32, +Inf
]);
const MASKS = memory.data<i32>([0x7fffff, 0x3f800000, 127]);

// @ts-ignore: decorator
@inline
function k(index: i32): v128 {
  return v128.load32_splat(TABLE + (<usize>index << 2));
}

/**
 * log10 a for normal a > 0: exponent + series for the mantissa. Absolute error ≤ 5e-6 (the
 * rounding of e·log10 2 up to 38.5 dominates; the series is good to 1e-9).
 */
// @ts-ignore: decorator
@inline
function log10Approx(a: v128): v128 {
  let e = i32x4.sub(i32x4.shr_u(a, 23), v128.load32_splat(MASKS, 8));
  let m = v128.or(v128.and(a, v128.load32_splat(MASKS)), v128.load32_splat(MASKS, 4));
  const big = f32x4.gt(m, k(7));
  m = v128.bitselect(f32x4.mul(m, k(8)), m, big);
  e = i32x4.sub(e, big);
  const s = f32x4.div(f32x4.sub(m, k(0)), f32x4.add(m, k(0)));
  const s2 = f32x4.mul(s, s);
  let p = k(4);
  p = f32x4.add(f32x4.mul(p, s2), k(3));
  p = f32x4.add(f32x4.mul(p, s2), k(2));
  p = f32x4.add(f32x4.mul(p, s2), k(1));
  p = f32x4.add(f32x4.mul(p, s2), k(0));
  const ln = f32x4.mul(f32x4.mul(s, k(9)), p);
  return f32x4.add(f32x4.mul(f32x4.convert_i32x4_s(e), k(5)), f32x4.mul(ln, k(6)));
}

/** The slot of one value, computed exactly as the TS backend does. */
function exactSlot(x: f32, low: f64, high: f64, bins: i32, scale: f64, log: bool): i32 {
  let v = <f64>x;
  if (!isFinite(v)) return bins + 2;
  if (log) v = v == 0 ? -Infinity : Math.log10(Math.abs(v));
  if (v < low) return bins;
  if (v > high) return bins + 1; // the top edge belongs to the last bin (tanh reaches exactly 1)
  return min(bins - 1, <i32>Math.floor((v - low) * scale));
}

// @ts-ignore: decorator
@inline
function count(counts: usize, slot: i32): void {
  const at = counts + bytes(slot);
  store<i32>(at, load<i32>(at) + 1);
}

/** The slot from the float32 estimate t, known to be far enough from every edge. */
// @ts-ignore: decorator
@inline
function fastSlot(t: f32, bins: i32): i32 {
  return t < 0 ? bins : t >= <f32>bins ? bins + 1 : <i32>t;
}

export function histogram(x: usize, n: i32, low: f64, high: f64, bins: i32, mode: i32): void {
  bins = min(bins, <i32>RESULT_SLOTS - 3);
  const counts = columnBuffer(0);
  const spill = columnBuffer(1);
  memory.fill(counts, 0, bytes(bins + 3));
  const log = mode == 1;
  const scale = bins / (high - low);
  // Bound on |t − t64|: float32 rounding of low, of v − low and of the product, plus the
  // log10 approximation (in log units, times scale).
  const slack = (log ? 1e-5 : 0) + 2e-7 * Math.abs(low);
  const delta = scale * slack + 1e-6 * (bins + 1);
  // Absurd ranges (delta near a whole bin) take the exact path for every value.
  // So do ranges float32 cannot hold (low, high or the scale overflow, or the scale is subnormal).
  const representable =
    isFinite(<f32>low) && isFinite(<f32>high) && isFinite(<f32>scale) && <f32>scale >= 1.1754944e-38;
  const n4 = representable && scale > 0 && delta < 0.25 ? n & ~3 : 0;
  const lowV = f32x4.splat(<f32>low);
  const scaleV = f32x4.splat(<f32>scale);
  const near = f32x4.splat(<f32>delta);
  const far = f32x4.splat(<f32>(1 - delta));
  const edges = f32x4.splat(<f32>(bins + 1));
  for (let i = 0; i < n4; i += 4) {
    const v = v128.load(x + bytes(i));
    const a = f32x4.abs(v);
    let t: v128;
    let special: v128;
    if (log) {
      t = f32x4.mul(f32x4.sub(log10Approx(a), lowV), scaleV);
      special = v128.not(v128.and(f32x4.ge(a, k(10)), f32x4.lt(a, k(11))));
    } else {
      t = f32x4.mul(f32x4.sub(v, lowV), scaleV);
      special = v128.not(f32x4.lt(a, k(11)));
    }
    // Close to a bin edge: the fractional part of t within delta of 0 or 1, t in [−1, bins+1].
    const fraction = f32x4.sub(t, f32x4.floor(t));
    const edge = v128.and(
      v128.or(f32x4.lt(fraction, near), f32x4.gt(fraction, far)),
      v128.and(f32x4.gt(t, f32x4.splat(-1)), f32x4.lt(t, edges)),
    );
    const exact = i32x4.bitmask(v128.or(special, edge));
    if (exact == 0) {
      count(counts, fastSlot(f32x4.extract_lane(t, 0), bins));
      count(counts, fastSlot(f32x4.extract_lane(t, 1), bins));
      count(counts, fastSlot(f32x4.extract_lane(t, 2), bins));
      count(counts, fastSlot(f32x4.extract_lane(t, 3), bins));
      continue;
    }
    // Some lane needs the exact path: go lane by lane (t spilled to index it).
    v128.store(spill, t);
    for (let lane = 0; lane < 4; lane++) {
      const slot = (exact >> lane) & 1
        ? exactSlot(load<f32>(x + bytes(i + lane)), low, high, bins, scale, log)
        : fastSlot(load<f32>(spill + bytes(lane)), bins);
      count(counts, slot);
    }
  }
  for (let i = n4; i < n; i++) {
    count(counts, exactSlot(load<f32>(x + bytes(i)), low, high, bins, scale, log));
  }
  for (let s = 0; s < bins + 3; s++) setResult(s, <f64>load<i32>(counts + bytes(s)));
}
