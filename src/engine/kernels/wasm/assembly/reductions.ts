/**
 * Reductions: the loss, moments, counts and fractions that statistics are made of.
 * Sums run in float64 like the TS backend; scalars beyond the return value go to the results.
 */
import { COLUMN_BLOCK, columnBuffer, setResult } from './layout';
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

/** (lo, hi) = the four floats of v widened to float64, minus shift. */
// @ts-ignore: decorator
@inline
function lowHalf(v: v128, shift: v128): v128 {
  return f64x2.sub(f64x2.promote_low_f32x4(v), shift);
}

// @ts-ignore: decorator
@inline
function highHalf(v: v128, shift: v128): v128 {
  return f64x2.sub(f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 0)), shift);
}

// @ts-ignore: decorator
@inline
function finite(v: v128): v128 {
  return f32x4.lt(f32x4.abs(v), f32x4.splat(Infinity));
}

/** Σ x² (each square exact in float64). */
export function sumSquares(x: usize, n: i32): f64 {
  const zero = f64x2.splat(0);
  let acc = zero;
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const v = v128.load(x + bytes(i));
    const lo = lowHalf(v, zero);
    const hi = highHalf(v, zero);
    acc = f64x2.add(acc, f64x2.add(f64x2.mul(lo, lo), f64x2.mul(hi, hi)));
  }
  let sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (let i = n4; i < n; i++) {
    const v = <f64>load<f32>(x + bytes(i));
    sum += v * v;
  }
  return sum;
}

/** Σ x·y (each product exact in float64). */
export function dot(x: usize, y: usize, n: i32): f64 {
  const zero = f64x2.splat(0);
  let acc = zero;
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const a = v128.load(x + bytes(i));
    const b = v128.load(y + bytes(i));
    const lo = f64x2.mul(lowHalf(a, zero), lowHalf(b, zero));
    acc = f64x2.add(acc, f64x2.add(lo, f64x2.mul(highHalf(a, zero), highHalf(b, zero))));
  }
  let sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (let i = n4; i < n; i++) sum += <f64>load<f32>(x + bytes(i)) * <f64>load<f32>(y + bytes(i));
  return sum;
}

/**
 * results[0] = mean, [1] = population std, [2] = count of non-finite values (left out of both).
 * One pass: sums of d = x − K and d² in float64, with K the first finite value, so
 * Σd²/n − (Σd/n)² does not cancel the way Σx²/n − mean² would when |mean| ≫ std.
 */
export function moments(x: usize, n: i32): void {
  let first: f32 = 0;
  for (let i = 0; i < n; i++) {
    const v = load<f32>(x + bytes(i));
    if (isFinite(v)) {
      first = v;
      break;
    }
  }
  const shift = f64x2.splat(<f64>first);
  // Non-finite lanes are replaced by K: they add nothing.
  const filler = f32x4.splat(first);
  let sums = f64x2.splat(0);
  let squares = sums;
  let counts = i32x4.splat(0);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const v = v128.load(x + bytes(i));
    const ok = finite(v);
    const w = v128.bitselect(v, filler, ok);
    const lo = lowHalf(w, shift);
    const hi = highHalf(w, shift);
    sums = f64x2.add(sums, f64x2.add(lo, hi));
    squares = f64x2.add(squares, f64x2.add(f64x2.mul(lo, lo), f64x2.mul(hi, hi)));
    counts = i32x4.sub(counts, ok);
  }
  let sum = f64x2.extract_lane(sums, 0) + f64x2.extract_lane(sums, 1);
  let square = f64x2.extract_lane(squares, 0) + f64x2.extract_lane(squares, 1);
  let count = (i32x4.extract_lane(counts, 0) + i32x4.extract_lane(counts, 1)) +
    (i32x4.extract_lane(counts, 2) + i32x4.extract_lane(counts, 3));
  for (let i = n4; i < n; i++) {
    const v = load<f32>(x + bytes(i));
    if (!isFinite(v)) continue;
    const d = <f64>v - <f64>first;
    sum += d;
    square += d * d;
    count++;
  }
  const meanShift = count > 0 ? sum / count : 0;
  const meanSquare = count > 0 ? square / count : 0;
  // No finite value: the moments are undefined (NaN), not a collapsed signal (0).
  setResult(0, count > 0 ? <f64>first + meanShift : NaN);
  setResult(1, count > 0 ? Math.sqrt(max(0, meanSquare - meanShift * meanShift)) : NaN);
  setResult(2, n - count);
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
