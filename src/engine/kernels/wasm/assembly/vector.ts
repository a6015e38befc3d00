/** Row-vector and whole-array updates: bias, column sums, axpy, scale. */
import { bytes, loadPartial, storePartial } from './lanes';

/** x[r, c] += v[c] for every row. */
export function addRowVector(x: usize, v: usize, rows: i32, cols: i32): void {
  const c4 = cols & ~3;
  const rest = cols - c4;
  const tail = loadPartial(v + bytes(c4), rest);
  for (let r = 0; r < rows; r++) {
    const row = x + bytes(r * cols);
    for (let c = 0; c < c4; c += 4) {
      const o = bytes(c);
      v128.store(row + o, f32x4.add(v128.load(row + o), v128.load(v + o)));
    }
    const o = row + bytes(c4);
    storePartial(o, f32x4.add(loadPartial(o, rest), tail), rest);
  }
}

/** out[c] (+)= Σ_r x[r, c], summed row after row in float32 like the TS backend. */
export function columnSums(x: usize, out: usize, rows: i32, cols: i32, accumulate: bool): void {
  if (!accumulate) memory.fill(out, 0, bytes(cols));
  // Row by row: x streams through once while out stays in L1.
  for (let r = 0; r < rows; r++) addRowVector(out, x + bytes(r * cols), 1, cols);
}

/** y[i] += alpha·x[i]. */
export function axpy(alpha: f32, x: usize, y: usize, n: i32): void {
  const a = f32x4.splat(alpha);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = bytes(i);
    v128.store(y + o, f32x4.add(v128.load(y + o), f32x4.mul(a, v128.load(x + o))));
  }
  const o = bytes(n4);
  const rest = n - n4;
  const sum = f32x4.add(loadPartial(y + o, rest), f32x4.mul(a, loadPartial(x + o, rest)));
  storePartial(y + o, sum, rest);
}

/** x[i] *= alpha. */
export function scale(x: usize, alpha: f32, n: i32): void {
  const a = f32x4.splat(alpha);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = x + bytes(i);
    v128.store(o, f32x4.mul(v128.load(o), a));
  }
  const o = x + bytes(n4);
  storePartial(o, f32x4.mul(loadPartial(o, n - n4), a), n - n4);
}

/** out[i] = x[i]·y[i] (dropout's mask; out may be x or y). */
export function multiply(x: usize, y: usize, out: usize, n: i32): void {
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = bytes(i);
    v128.store(out + o, f32x4.mul(v128.load(x + o), v128.load(y + o)));
  }
  const o = bytes(n4);
  const rest = n - n4;
  storePartial(out + o, f32x4.mul(loadPartial(x + o, rest), loadPartial(y + o, rest)), rest);
}

/** out[i] = x[i] + alpha·y[i] (a residual sum; out may be x or y). */
export function addScaled(x: usize, alpha: f32, y: usize, out: usize, n: i32): void {
  const a = f32x4.splat(alpha);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = bytes(i);
    v128.store(out + o, f32x4.add(v128.load(x + o), f32x4.mul(a, v128.load(y + o))));
  }
  const o = bytes(n4);
  const rest = n - n4;
  const sum = f32x4.add(loadPartial(x + o, rest), f32x4.mul(a, loadPartial(y + o, rest)));
  storePartial(out + o, sum, rest);
}
