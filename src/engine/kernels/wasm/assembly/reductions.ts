/**
 * Reductions: the loss, moments, counts, fractions and histograms that statistics are made of.
 * Sums run in float64 like the TS backend; scalars beyond the return value go to the results.
 */
import { COLUMN_BLOCK, RESULT_SLOTS, columnBuffer, setResult } from './layout';
import { bytes, loadPartial, storePartial } from './lanes';

/** Softmax cross-entropy averaged over rows (scalar float64, as the TS backend: rows·classes is small). */
export function softmaxCrossEntropy(
  logits: usize, labels: usize, probs: usize, dlogits: usize, rows: i32, classes: i32,
): f64 {
  let loss = 0.0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    const base = bytes(r * classes);
    let max = -Infinity;
    let argmax = 0;
    for (let c = 0; c < classes; c++) {
      const v = <f64>load<f32>(logits + base + bytes(c));
      if (v > max) {
        max = v;
        argmax = c;
      }
    }
    let sum = 0.0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(<f64>load<f32>(logits + base + bytes(c)) - max);
      store<f32>(probs + base + bytes(c), <f32>e);
      sum += e;
    }
    const label = <i32>load<f32>(labels + bytes(r));
    if (argmax == label) correct++;
    // log p_label = (logit_label − max) − log(sum): stable even when p_label underflows.
    loss -= <f64>load<f32>(logits + base + bytes(label)) - max - Math.log(sum);
    for (let c = 0; c < classes; c++) {
      // The TS backend divides the float32-rounded exponential: so do we.
      const p = <f64>load<f32>(probs + base + bytes(c)) / sum;
      store<f32>(probs + base + bytes(c), <f32>p);
      store<f32>(dlogits + base + bytes(c), <f32>((p - (c == label ? 1 : 0)) / rows));
    }
  }
  setResult(0, correct);
  return loss / rows;
}

/** Four floats widened to float64 and added, in two f64x2 lanes pairs, to acc. */
// @ts-ignore: decorator
@inline
function wideSum(acc: v128, v: v128): v128 {
  const lo = f64x2.promote_low_f32x4(v);
  const hi = f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 0));
  return f64x2.add(acc, f64x2.add(lo, hi));
}

// @ts-ignore: decorator
@inline
function wideSquares(acc: v128, v: v128, mean: v128): v128 {
  const lo = f64x2.sub(f64x2.promote_low_f32x4(v), mean);
  const hi = f64x2.sub(f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 0)), mean);
  return f64x2.add(acc, f64x2.add(f64x2.mul(lo, lo), f64x2.mul(hi, hi)));
}

// @ts-ignore: decorator
@inline
function finite(v: v128): v128 {
  return f32x4.lt(f32x4.abs(v), f32x4.splat(Infinity));
}

/** Σ x² (each square exact in float64). */
export function sumSquares(x: usize, n: i32): f64 {
  let acc = f64x2.splat(0);
  const zero = f64x2.splat(0);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) acc = wideSquares(acc, v128.load(x + bytes(i)), zero);
  acc = wideSquares(acc, loadPartial(x + bytes(n4), n - n4), zero);
  return f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
}

/** results[0] = mean, [1] = population std, [2] = non-finite count (left out of both). */
export function moments(x: usize, n: i32): void {
  const n4 = n & ~3;
  const rest = n - n4;
  const tail = loadPartial(x + bytes(n4), rest);
  // Lanes past the tail count as non-finite (then discounted) and contribute nothing.
  const tailMask = v128.and(finite(tail), i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(rest)));
  let acc = f64x2.splat(0);
  let count = i32x4.splat(0);
  for (let i = 0; i < n4; i += 4) {
    const v = v128.load(x + bytes(i));
    const ok = finite(v);
    acc = wideSum(acc, v128.and(v, ok));
    count = i32x4.sub(count, ok);
  }
  acc = wideSum(acc, v128.and(tail, tailMask));
  count = i32x4.sub(count, tailMask);
  const finiteCount = <f64>(i32x4.extract_lane(count, 0) + i32x4.extract_lane(count, 1) +
    i32x4.extract_lane(count, 2) + i32x4.extract_lane(count, 3));
  const sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  const mean = finiteCount > 0 ? sum / finiteCount : 0;
  // Masked lanes (non-finite values, lanes past the end) add nothing to the squares.
  const meanWide = f64x2.splat(mean);
  let squares = f64x2.splat(0);
  for (let i = 0; i < n4; i += 4) {
    const v = v128.load(x + bytes(i));
    squares = wideSquaresMasked(squares, v, finite(v), meanWide);
  }
  squares = wideSquaresMasked(squares, tail, tailMask, meanWide);
  const total = f64x2.extract_lane(squares, 0) + f64x2.extract_lane(squares, 1);
  setResult(0, mean);
  setResult(1, finiteCount > 0 ? Math.sqrt(total / finiteCount) : 0);
  setResult(2, <f64>n - finiteCount);
}

// @ts-ignore: decorator
@inline
function wideSquaresMasked(acc: v128, v: v128, ok: v128, mean: v128): v128 {
  const lo = f64x2.sub(f64x2.promote_low_f32x4(v), mean);
  const hi = f64x2.sub(f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 0)), mean);
  const okLo = i64x2.extend_low_i32x4_s(ok);
  const okHi = i64x2.extend_high_i32x4_s(ok);
  const sq = f64x2.add(v128.and(f64x2.mul(lo, lo), okLo), v128.and(f64x2.mul(hi, hi), okHi));
  return f64x2.add(acc, sq);
}

/** Count of values below low or above high (compared exactly, as float64 like the TS backend). */
export function countOutside(x: usize, n: i32, low: f64, high: f64): i32 {
  // For a float32 v: v < low ⇔ v < (low rounded up to float32), v > high ⇔ v > (high rounded down).
  let lo = <f32>low;
  if (<f64>lo < low) lo = nextUp(lo);
  let hi = <f32>high;
  if (<f64>hi > high) hi = -nextUp(-hi);
  const l = f32x4.splat(lo);
  const h = f32x4.splat(hi);
  let count = i32x4.splat(0);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const v = v128.load(x + bytes(i));
    count = i32x4.sub(count, v128.or(f32x4.lt(v, l), f32x4.gt(v, h)));
  }
  let total = i32x4.extract_lane(count, 0) + i32x4.extract_lane(count, 1) +
    i32x4.extract_lane(count, 2) + i32x4.extract_lane(count, 3);
  for (let i = n4; i < n; i++) {
    const v = load<f32>(x + bytes(i));
    if (v < lo || v > hi) total++;
  }
  return total;
}

/** The next float32 above x (x finite or −Inf). */
function nextUp(x: f32): f32 {
  if (x == 0) return reinterpret<f32>(1);
  const bits = reinterpret<i32>(x);
  return reinterpret<f32>(x > 0 ? bits + 1 : bits - 1);
}

/** Number of columns whose value is ≤ 0 (or NaN) in every row. */
export function deadColumns(z: usize, rows: i32, cols: i32): i32 {
  let dead = 0;
  const alive = columnBuffer(0);
  for (let c0 = 0; c0 < cols; c0 += COLUMN_BLOCK) {
    const width = min(COLUMN_BLOCK, cols - c0);
    const w4 = width & ~3;
    memory.fill(alive, 0, bytes(width + 3));
    for (let r = 0; r < rows; r++) {
      const row = z + bytes(r * cols + c0);
      for (let c = 0; c < w4; c += 4) {
        const a = alive + bytes(c);
        v128.store(a, v128.or(v128.load(a), f32x4.gt(v128.load(row + bytes(c)), f32x4.splat(0))));
      }
      const a = alive + bytes(w4);
      const tail = loadPartial(row + bytes(w4), width - w4);
      v128.store(a, v128.or(v128.load(a), f32x4.gt(tail, f32x4.splat(0))));
    }
    for (let c = 0; c < width; c++) if (load<i32>(alive + bytes(c)) == 0) dead++;
  }
  return dead;
}

/** out[c] = fraction of rows where x[r, c] > 0. */
export function columnPositiveFraction(x: usize, out: usize, rows: i32, cols: i32): void {
  const one = f32x4.splat(1);
  const c4 = cols & ~3;
  const rest = cols - c4;
  memory.fill(out, 0, bytes(cols));
  for (let r = 0; r < rows; r++) {
    const row = x + bytes(r * cols);
    for (let c = 0; c < c4; c += 4) {
      const o = out + bytes(c);
      const hit = v128.and(one, f32x4.gt(v128.load(row + bytes(c)), f32x4.splat(0)));
      v128.store(o, f32x4.add(v128.load(o), hit));
    }
    const o = out + bytes(c4);
    const hit = v128.and(one, f32x4.gt(loadPartial(row + bytes(c4), rest), f32x4.splat(0)));
    storePartial(o, f32x4.add(loadPartial(o, rest), hit), rest);
  }
  // Counts are exact in float32; float32 division rounds like float64 division then rounding.
  const n = f32x4.splat(<f32>rows);
  for (let c = 0; c < c4; c += 4) {
    const o = out + bytes(c);
    v128.store(o, f32x4.div(v128.load(o), n));
  }
  const o = out + bytes(c4);
  storePartial(o, f32x4.div(loadPartial(o, rest), n), rest);
}

/**
 * Histogram over [low, high) in `bins` bins (mode 1: log10|x|, zeros below low). results[0..bins)
 * = counts, [bins] = below, [bins+1] = at or above high, [bins+2] = non-finite. Binning is in
 * float64 exactly as the TS backend does it, so both put every value in the same bin.
 */
export function histogram(x: usize, n: i32, low: f64, high: f64, bins: i32, mode: i32): void {
  bins = min(bins, <i32>RESULT_SLOTS - 3);
  const counts = columnBuffer(0);
  memory.fill(counts, 0, bytes(bins + 3));
  const scale = bins / (high - low);
  const last = bins - 1;
  for (let i = 0; i < n; i++) {
    let v = <f64>load<f32>(x + bytes(i));
    let slot: i32;
    if (!isFinite(v)) slot = bins + 2;
    else {
      if (mode == 1) v = v == 0 ? -Infinity : Math.log10(Math.abs(v));
      if (v < low) slot = bins;
      else if (v >= high) slot = bins + 1;
      else slot = min(last, <i32>Math.floor((v - low) * scale));
    }
    const at = counts + bytes(slot);
    store<i32>(at, load<i32>(at) + 1);
  }
  for (let s = 0; s < bins + 3; s++) setResult(s, <f64>load<i32>(counts + bytes(s)));
}
