/**
 * Layer normalization of each row of a rows×cols matrix over its columns. Like the TS backend,
 * row statistics and the normalization are computed in float64 (two columns per f64x2); γ and β
 * per column are widened once into float64 column buffers of the scratch, and dγ, dβ are summed
 * there row after row.
 */
import { columnBuffer } from './layout';
import { bytes, loadWide, storeNarrow } from './lanes';

/** Column buffers in the scratch (float64 each; cols ≤ COLUMN_BLOCK, the widest layer). */
const GAMMA = 0;
const BETA = 1;
const DGAMMA = 2;
const DBETA = 3;

// @ts-ignore: decorator
@inline
function slot(buffer: i32, c: i32): usize {
  return columnBuffer(buffer) + (<usize>c << 3);
}

function widen(src: usize, buffer: i32, cols: i32): void {
  for (let c = 0; c < cols; c++) store<f64>(slot(buffer, c), <f64>load<f32>(src + bytes(c)));
}

/** Σ x over the row, or with `mu`, Σ (x − mu)². */
function rowSum(row: usize, cols: i32, mu: f64, squares: bool): f64 {
  const m = f64x2.splat(mu);
  let acc = f64x2.splat(0);
  const c2 = cols & ~1;
  for (let c = 0; c < c2; c += 2) {
    let x = loadWide(row + bytes(c));
    if (squares) {
      x = f64x2.sub(x, m);
      x = f64x2.mul(x, x);
    }
    acc = f64x2.add(acc, x);
  }
  let sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (c2 < cols) {
    let x = <f64>load<f32>(row + bytes(c2));
    if (squares) x = (x - mu) * (x - mu);
    sum += x;
  }
  return sum;
}

export function layernormForward(
  x: usize, xhat: usize, out: usize, invStd: usize, gamma: usize, beta: usize,
  rows: i32, cols: i32, eps: f64,
): void {
  widen(gamma, GAMMA, cols);
  widen(beta, BETA, cols);
  const c2 = cols & ~1;
  for (let r = 0; r < rows; r++) {
    const o = bytes(r * cols);
    const mu = rowSum(x + o, cols, 0, false) / cols;
    const inv = 1 / Math.sqrt(rowSum(x + o, cols, mu, true) / cols + eps);
    store<f32>(invStd + bytes(r), <f32>inv);
    const m = f64x2.splat(mu);
    const k = f64x2.splat(inv);
    for (let c = 0; c < c2; c += 2) {
      const n = f64x2.mul(f64x2.sub(loadWide(x + o + bytes(c)), m), k);
      storeNarrow(xhat + o + bytes(c), n);
      const y = f64x2.add(f64x2.mul(v128.load(slot(GAMMA, c)), n), v128.load(slot(BETA, c)));
      storeNarrow(out + o + bytes(c), y);
    }
    if (c2 < cols) {
      const i = o + bytes(c2);
      const n = (<f64>load<f32>(x + i) - mu) * inv;
      store<f32>(xhat + i, <f32>n);
      store<f32>(out + i, <f32>(load<f64>(slot(GAMMA, c2)) * n + load<f64>(slot(BETA, c2))));
    }
  }
}

/** dx = inv/N·(N·g − Σg − xhat·Σ g·xhat), g = dout·γ; dγ = Σ_rows dout·xhat; dβ = Σ_rows dout. */
export function layernormBackward(
  dout: usize, xhat: usize, invStd: usize, gamma: usize, dx: usize, dgamma: usize, dbeta: usize,
  rows: i32, cols: i32,
): void {
  widen(gamma, GAMMA, cols);
  memory.fill(slot(DGAMMA, 0), 0, <usize>cols << 3);
  memory.fill(slot(DBETA, 0), 0, <usize>cols << 3);
  const n = <f64>cols;
  for (let r = 0; r < rows; r++) {
    const o = bytes(r * cols);
    const c2 = cols & ~1;
    let accG = f64x2.splat(0);
    let accGX = f64x2.splat(0);
    for (let c = 0; c < c2; c += 2) {
      const d = loadWide(dout + o + bytes(c));
      const x = loadWide(xhat + o + bytes(c));
      const g = f64x2.mul(d, v128.load(slot(GAMMA, c)));
      accG = f64x2.add(accG, g);
      accGX = f64x2.add(accGX, f64x2.mul(g, x));
      v128.store(slot(DGAMMA, c), f64x2.add(v128.load(slot(DGAMMA, c)), f64x2.mul(d, x)));
      v128.store(slot(DBETA, c), f64x2.add(v128.load(slot(DBETA, c)), d));
    }
    let sumG = f64x2.extract_lane(accG, 0) + f64x2.extract_lane(accG, 1);
    let sumGX = f64x2.extract_lane(accGX, 0) + f64x2.extract_lane(accGX, 1);
    if (c2 < cols) {
      const d = <f64>load<f32>(dout + o + bytes(c2));
      const x = <f64>load<f32>(xhat + o + bytes(c2));
      const g = d * load<f64>(slot(GAMMA, c2));
      sumG += g;
      sumGX += g * x;
      store<f64>(slot(DGAMMA, c2), load<f64>(slot(DGAMMA, c2)) + d * x);
      store<f64>(slot(DBETA, c2), load<f64>(slot(DBETA, c2)) + d);
    }
    const k = <f64>load<f32>(invStd + bytes(r)) / n;
    const nn = f64x2.splat(n);
    for (let c = 0; c < c2; c += 2) {
      const g = f64x2.mul(loadWide(dout + o + bytes(c)), v128.load(slot(GAMMA, c)));
      let t = f64x2.sub(f64x2.mul(nn, g), f64x2.splat(sumG));
      t = f64x2.sub(t, f64x2.mul(loadWide(xhat + o + bytes(c)), f64x2.splat(sumGX)));
      storeNarrow(dx + o + bytes(c), f64x2.mul(f64x2.splat(k), t));
    }
    if (c2 < cols) {
      const i = o + bytes(c2);
      const g = <f64>load<f32>(dout + i) * load<f64>(slot(GAMMA, c2));
      const t = n * g - sumG - <f64>load<f32>(xhat + i) * sumGX;
      store<f32>(dx + i, <f32>(k * t));
    }
  }
  for (let c = 0; c < cols; c++) {
    store<f32>(dgamma + bytes(c), <f32>load<f64>(slot(DGAMMA, c)));
    store<f32>(dbeta + bytes(c), <f32>load<f64>(slot(DBETA, c)));
  }
}
