/**
 * Batch normalization over the rows of a rows×cols matrix. Like the TS backend, statistics and
 * the normalization itself are computed in float64 (two columns per f64x2), summed row after row,
 * so the two backends agree to the last bit but for sqrt/division rounding they share. Column
 * statistics live in float64 scratch buffers, COLUMN_BLOCK columns at a time.
 */
import { COLUMN_BLOCK, columnBuffer } from './layout';
import { bytes, loadWide, storeNarrow } from './lanes';

/** Column buffers in the scratch (float64 each). */
const MU = 0;
const INV = 1;
const SUM = 2;
const SQUARES = 3;
const GAMMA = 4;
const BETA = 5;

// @ts-ignore: decorator
@inline
function slot(buffer: i32, c: i32): usize {
  return columnBuffer(buffer) + (<usize>c << 3);
}

/** SUM[c] = Σ_r z[r, c0 + c], or with `squares`, SQUARES[c] = Σ_r (z[r, c0 + c] − MU[c])². */
function columnPass(z: usize, rows: i32, cols: i32, c0: i32, width: i32, squares: bool): void {
  const target = squares ? SQUARES : SUM;
  memory.fill(slot(target, 0), 0, <usize>width << 3);
  const w2 = width & ~1;
  for (let r = 0; r < rows; r++) {
    const row = z + bytes(r * cols + c0);
    for (let c = 0; c < w2; c += 2) {
      let x = loadWide(row + bytes(c));
      if (squares) {
        x = f64x2.sub(x, v128.load(slot(MU, c)));
        x = f64x2.mul(x, x);
      }
      v128.store(slot(target, c), f64x2.add(v128.load(slot(target, c)), x));
    }
    if (w2 < width) {
      let x = <f64>load<f32>(row + bytes(w2));
      if (squares) {
        x -= load<f64>(slot(MU, w2));
        x *= x;
      }
      store<f64>(slot(target, w2), load<f64>(slot(target, w2)) + x);
    }
  }
}

/** Batch statistics, normalization, and running (unbiased) statistics. */
export function batchnormForwardTrain(
  z: usize, xhat: usize, out: usize, mean: usize, invStd: usize, gamma: usize, beta: usize,
  runningMean: usize, runningVar: usize, rows: i32, cols: i32, eps: f64, momentum: f64,
): void {
  for (let c0 = 0; c0 < cols; c0 += COLUMN_BLOCK) {
    const width = min(COLUMN_BLOCK, cols - c0);
    columnPass(z, rows, cols, c0, width, false);
    for (let c = 0; c < width; c++) store<f64>(slot(MU, c), load<f64>(slot(SUM, c)) / rows);
    columnPass(z, rows, cols, c0, width, true);
    for (let c = 0; c < width; c++) {
      const col = bytes(c0 + c);
      const mu = load<f64>(slot(MU, c));
      const squares = load<f64>(slot(SQUARES, c));
      const variance = squares / rows;
      const inv = 1 / Math.sqrt(variance + eps);
      store<f64>(slot(INV, c), inv);
      store<f32>(mean + col, <f32>mu);
      store<f32>(invStd + col, <f32>inv);
      const unbiased = rows > 1 ? squares / (rows - 1) : variance;
      const rm = (1 - momentum) * <f64>load<f32>(runningMean + col) + momentum * mu;
      const rv = (1 - momentum) * <f64>load<f32>(runningVar + col) + momentum * unbiased;
      store<f32>(runningMean + col, <f32>rm);
      store<f32>(runningVar + col, <f32>rv);
      store<f64>(slot(GAMMA, c), <f64>load<f32>(gamma + col));
      store<f64>(slot(BETA, c), <f64>load<f32>(beta + col));
    }
    normalize(z, xhat, out, rows, cols, c0, width);
  }
}

/** xhat = (z − μ)·inv and out = γ·xhat + β, with xhat unrounded in out as in the TS backend. */
function normalize(
  z: usize, xhat: usize, out: usize, rows: i32, cols: i32, c0: i32, width: i32,
): void {
  const w2 = width & ~1;
  for (let r = 0; r < rows; r++) {
    const o = bytes(r * cols + c0);
    for (let c = 0; c < w2; c += 2) {
      const centered = f64x2.sub(loadWide(z + o + bytes(c)), v128.load(slot(MU, c)));
      const x = f64x2.mul(centered, v128.load(slot(INV, c)));
      storeNarrow(xhat + o + bytes(c), x);
      const y = f64x2.add(f64x2.mul(v128.load(slot(GAMMA, c)), x), v128.load(slot(BETA, c)));
      storeNarrow(out + o + bytes(c), y);
    }
    if (w2 < width) {
      const i = o + bytes(w2);
      const x = (<f64>load<f32>(z + i) - load<f64>(slot(MU, w2))) * load<f64>(slot(INV, w2));
      store<f32>(xhat + i, <f32>x);
      store<f32>(out + i, <f32>(load<f64>(slot(GAMMA, w2)) * x + load<f64>(slot(BETA, w2))));
    }
  }
}

/** Normalization with the running statistics: out = γ·(z − μ)·inv + β. */
export function batchnormForwardEval(
  z: usize, out: usize, gamma: usize, beta: usize, runningMean: usize, runningVar: usize,
  rows: i32, cols: i32, eps: f64,
): void {
  for (let c0 = 0; c0 < cols; c0 += COLUMN_BLOCK) {
    const width = min(COLUMN_BLOCK, cols - c0);
    for (let c = 0; c < width; c++) {
      const col = bytes(c0 + c);
      store<f64>(slot(INV, c), 1 / Math.sqrt(<f64>load<f32>(runningVar + col) + eps));
      store<f64>(slot(MU, c), <f64>load<f32>(runningMean + col));
      store<f64>(slot(GAMMA, c), <f64>load<f32>(gamma + col));
      store<f64>(slot(BETA, c), <f64>load<f32>(beta + col));
    }
    const w2 = width & ~1;
    for (let r = 0; r < rows; r++) {
      const o = bytes(r * cols + c0);
      for (let c = 0; c < w2; c += 2) {
        const centered = f64x2.sub(loadWide(z + o + bytes(c)), v128.load(slot(MU, c)));
        const scaled = f64x2.mul(f64x2.mul(v128.load(slot(GAMMA, c)), centered), v128.load(slot(INV, c)));
        storeNarrow(out + o + bytes(c), f64x2.add(scaled, v128.load(slot(BETA, c))));
      }
      if (w2 < width) {
        const i = o + bytes(w2);
        const centered = <f64>load<f32>(z + i) - load<f64>(slot(MU, w2));
        const y = load<f64>(slot(GAMMA, w2)) * centered * load<f64>(slot(INV, w2)) + load<f64>(slot(BETA, w2));
        store<f32>(out + i, <f32>y);
      }
    }
  }
}

/** dz = γ·inv/N · (N·dout − Σ dout − xhat·Σ dout·xhat); dgamma = Σ dout·xhat; dbeta = Σ dout. */
export function batchnormBackward(
  dout: usize, xhat: usize, invStd: usize, gamma: usize, dz: usize, dgamma: usize, dbeta: usize,
  rows: i32, cols: i32,
): void {
  const n = <f64>rows;
  for (let c0 = 0; c0 < cols; c0 += COLUMN_BLOCK) {
    const width = min(COLUMN_BLOCK, cols - c0);
    const w2 = width & ~1;
    memory.fill(slot(SUM, 0), 0, <usize>width << 3);
    memory.fill(slot(SQUARES, 0), 0, <usize>width << 3);
    // SUM = Σ dout and SQUARES = Σ dout·xhat (the products are exact in float64).
    for (let r = 0; r < rows; r++) {
      const o = bytes(r * cols + c0);
      for (let c = 0; c < w2; c += 2) {
        const d = loadWide(dout + o + bytes(c));
        const x = loadWide(xhat + o + bytes(c));
        v128.store(slot(SUM, c), f64x2.add(v128.load(slot(SUM, c)), d));
        v128.store(slot(SQUARES, c), f64x2.add(v128.load(slot(SQUARES, c)), f64x2.mul(d, x)));
      }
      if (w2 < width) {
        const d = <f64>load<f32>(dout + o + bytes(w2));
        const x = <f64>load<f32>(xhat + o + bytes(w2));
        store<f64>(slot(SUM, w2), load<f64>(slot(SUM, w2)) + d);
        store<f64>(slot(SQUARES, w2), load<f64>(slot(SQUARES, w2)) + d * x);
      }
    }
    // INV holds the factor k = γ·inv/N per column.
    for (let c = 0; c < width; c++) {
      const col = bytes(c0 + c);
      store<f32>(dgamma + col, <f32>load<f64>(slot(SQUARES, c)));
      store<f32>(dbeta + col, <f32>load<f64>(slot(SUM, c)));
      const k = (<f64>load<f32>(gamma + col) * <f64>load<f32>(invStd + col)) / n;
      store<f64>(slot(INV, c), k);
    }
    const nn = f64x2.splat(n);
    for (let r = 0; r < rows; r++) {
      const o = bytes(r * cols + c0);
      for (let c = 0; c < w2; c += 2) {
        const d = loadWide(dout + o + bytes(c));
        const x = loadWide(xhat + o + bytes(c));
        let t = f64x2.sub(f64x2.mul(nn, d), v128.load(slot(SUM, c)));
        t = f64x2.sub(t, f64x2.mul(x, v128.load(slot(SQUARES, c))));
        storeNarrow(dz + o + bytes(c), f64x2.mul(v128.load(slot(INV, c)), t));
      }
      if (w2 < width) {
        const d = <f64>load<f32>(dout + o + bytes(w2));
        const x = <f64>load<f32>(xhat + o + bytes(w2));
        const t = n * d - load<f64>(slot(SUM, w2)) - x * load<f64>(slot(SQUARES, w2));
        store<f32>(dz + o + bytes(w2), <f32>(load<f64>(slot(INV, w2)) * t));
      }
    }
  }
}
