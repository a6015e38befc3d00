/**
 * Reductions in plain TypeScript: the loss, moments, fractions and histogram counts that the
 * statistics are made of. Sums run in float64. Results beyond one number go to `results`.
 */
import { HistMode } from '../kernels';

export function softmaxCrossEntropy(
  logits: Float32Array,
  labels: Float32Array,
  probs: Float32Array,
  dlogits: Float32Array,
  rows: number,
  classes: number,
  results: Float64Array,
): number {
  let loss = 0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * classes;
    let max = -Infinity;
    let argmax = 0;
    for (let c = 0; c < classes; c++) {
      if (logits[base + c] > max) {
        max = logits[base + c];
        argmax = c;
      }
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(logits[base + c] - max);
      probs[base + c] = e;
      sum += e;
    }
    const label = labels[r];
    if (argmax === label) correct++;
    // log p_label = (logit_label - max) - log(sum): stable even when p_label underflows.
    loss -= logits[base + label] - max - Math.log(sum);
    for (let c = 0; c < classes; c++) {
      const p = probs[base + c] / sum;
      probs[base + c] = p;
      dlogits[base + c] = (p - (c === label ? 1 : 0)) / rows;
    }
  }
  results[0] = correct;
  return loss / rows;
}

export function sumSquares(x: Float32Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i] * x[i];
  return sum;
}

/** Σ x·y in float64. */
export function dot(x: Float32Array, y: Float32Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i] * y[i];
  return sum;
}

export function moments(x: Float32Array, n: number, results: Float64Array): void {
  let sum = 0;
  let count = 0;
  let nonFinite = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    } else nonFinite++;
  }
  const mean = count > 0 ? sum / count : NaN;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isFinite(v)) squares += (v - mean) * (v - mean);
  }
  results[0] = mean;
  // No finite value: the moments are undefined (NaN), not a collapsed signal (0).
  results[1] = count > 0 ? Math.sqrt(squares / count) : NaN;
  results[2] = nonFinite;
}

export function countOutside(x: Float32Array, n: number, low: number, high: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (x[i] < low || x[i] > high) count++;
  return count;
}

export function deadColumns(
  z: Float32Array,
  rows: number,
  cols: number,
  alive: Uint8Array,
): number {
  alive.fill(0, 0, cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) if (z[base + c] > 0) alive[c] = 1;
  }
  let dead = 0;
  for (let c = 0; c < cols; c++) if (alive[c] === 0) dead++;
  return dead;
}

export function columnPositiveFraction(
  x: Float32Array,
  out: Float32Array,
  rows: number,
  cols: number,
): void {
  out.fill(0, 0, cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) if (x[base + c] > 0) out[c] += 1;
  }
  for (let c = 0; c < cols; c++) out[c] /= rows;
}

export function histogram(
  x: Float32Array,
  n: number,
  low: number,
  high: number,
  bins: number,
  mode: HistMode,
  results: Float64Array,
): void {
  results.fill(0, 0, bins + 3);
  const scale = bins / (high - low);
  for (let i = 0; i < n; i++) {
    let v = x[i];
    if (!Number.isFinite(v)) {
      results[bins + 2]++;
      continue;
    }
    if (mode === HistMode.Log10Abs) v = v === 0 ? -Infinity : Math.log10(Math.abs(v));
    if (v < low) results[bins]++;
    // The top edge belongs to the last bin: tanh and sigmoid reach exactly ±1 in float32.
    else if (v > high) results[bins + 1]++;
    else results[Math.min(bins - 1, Math.floor((v - low) * scale))]++;
  }
}
