/**
 * Elementwise kernels in plain TypeScript: each activation's forward and backward side by side.
 */
import { ActCode, ELU_ALPHA, LEAKY_SLOPE } from '../kernels';

const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_K = 0.044715;

export function sigmoid(z: number): number {
  // Split by sign so exp never overflows.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function activationForward(act: ActCode, z: Float32Array, h: Float32Array, n: number): void {
  switch (act) {
    case ActCode.Linear:
      for (let i = 0; i < n; i++) h[i] = z[i];
      return;
    case ActCode.Sigmoid:
      for (let i = 0; i < n; i++) h[i] = sigmoid(z[i]);
      return;
    case ActCode.Tanh:
      for (let i = 0; i < n; i++) h[i] = Math.tanh(z[i]);
      return;
    case ActCode.Relu:
      for (let i = 0; i < n; i++) h[i] = z[i] > 0 ? z[i] : 0;
      return;
    case ActCode.LeakyRelu:
      for (let i = 0; i < n; i++) h[i] = z[i] > 0 ? z[i] : LEAKY_SLOPE * z[i];
      return;
    case ActCode.Elu:
      for (let i = 0; i < n; i++) h[i] = z[i] > 0 ? z[i] : ELU_ALPHA * Math.expm1(z[i]);
      return;
    case ActCode.Gelu:
      // The tanh form of GELU (Hendrycks & Gimpel), PyTorch's GELU(approximate='tanh').
      for (let i = 0; i < n; i++) {
        const x = z[i];
        h[i] = 0.5 * x * (1 + Math.tanh(GELU_C * (x + GELU_K * x * x * x)));
      }
      return;
    case ActCode.Silu:
      for (let i = 0; i < n; i++) h[i] = z[i] * sigmoid(z[i]);
      return;
  }
}

export function activationBackward(
  act: ActCode,
  z: Float32Array,
  h: Float32Array,
  dh: Float32Array,
  dz: Float32Array,
  n: number,
): void {
  switch (act) {
    case ActCode.Linear:
      for (let i = 0; i < n; i++) dz[i] = dh[i];
      return;
    case ActCode.Sigmoid:
      for (let i = 0; i < n; i++) dz[i] = dh[i] * h[i] * (1 - h[i]);
      return;
    case ActCode.Tanh:
      for (let i = 0; i < n; i++) dz[i] = dh[i] * (1 - h[i] * h[i]);
      return;
    case ActCode.Relu:
      for (let i = 0; i < n; i++) dz[i] = z[i] > 0 ? dh[i] : 0;
      return;
    case ActCode.LeakyRelu:
      for (let i = 0; i < n; i++) dz[i] = z[i] > 0 ? dh[i] : LEAKY_SLOPE * dh[i];
      return;
    case ActCode.Elu:
      for (let i = 0; i < n; i++) dz[i] = z[i] > 0 ? dh[i] : dh[i] * (h[i] + ELU_ALPHA);
      return;
    case ActCode.Gelu:
      for (let i = 0; i < n; i++) {
        const x = z[i];
        const t = Math.tanh(GELU_C * (x + GELU_K * x * x * x));
        const du = GELU_C * (1 + 3 * GELU_K * x * x);
        dz[i] = dh[i] * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du);
      }
      return;
    case ActCode.Silu:
      for (let i = 0; i < n; i++) {
        const s = sigmoid(z[i]);
        dz[i] = dh[i] * s * (1 + z[i] * (1 - s));
      }
      return;
  }
}

export function maxoutForward(z: Float32Array, h: Float32Array, rows: number, units: number): void {
  for (let r = 0; r < rows; r++) {
    const zRow = r * 2 * units;
    const hRow = r * units;
    for (let u = 0; u < units; u++) {
      const pieceA = z[zRow + u];
      const pieceB = z[zRow + units + u];
      h[hRow + u] = pieceA >= pieceB ? pieceA : pieceB;
    }
  }
}

export function maxoutBackward(
  z: Float32Array,
  dh: Float32Array,
  dz: Float32Array,
  rows: number,
  units: number,
): void {
  for (let r = 0; r < rows; r++) {
    const zRow = r * 2 * units;
    const hRow = r * units;
    for (let u = 0; u < units; u++) {
      const aWins = z[zRow + u] >= z[zRow + units + u];
      dz[zRow + u] = aWins ? dh[hRow + u] : 0;
      dz[zRow + units + u] = aWins ? 0 : dh[hRow + u];
    }
  }
}

export function addRowVector(x: Float32Array, v: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) x[base + c] += v[c];
  }
}

export function columnSums(
  x: Float32Array,
  out: Float32Array,
  rows: number,
  cols: number,
  accumulate: boolean,
): void {
  if (!accumulate) out.fill(0, 0, cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) out[c] += x[base + c];
  }
}

export function axpy(alpha: number, x: Float32Array, y: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) y[i] += alpha * x[i];
}

export function scale(x: Float32Array, alpha: number, n: number): void {
  for (let i = 0; i < n; i++) x[i] *= alpha;
}

/** out[i] = x[i]·y[i] (dropout's mask; out may be x or y). */
export function multiply(x: Float32Array, y: Float32Array, out: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
}

/** out[i] = x[i] + alpha·y[i] (a residual sum; out may be x or y). */
export function addScaled(
  x: Float32Array,
  alpha: number,
  y: Float32Array,
  out: Float32Array,
  n: number,
): void {
  for (let i = 0; i < n; i++) out[i] = x[i] + alpha * y[i];
}
