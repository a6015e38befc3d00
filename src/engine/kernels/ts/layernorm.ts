/**
 * Layer normalization over the columns of each row of a rows×cols matrix (Ba et al. 2016),
 * forward and backward side by side. Row statistics are accumulated in float64; γ and β are per
 * column. Nothing depends on the other rows, so one example gives the same output alone or in a
 * batch, in training and in evaluation alike.
 */
export function layernormForward(
  x: Float32Array,
  xhat: Float32Array,
  out: Float32Array,
  invStd: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  rows: number,
  cols: number,
  eps: number,
): void {
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += x[base + c];
    const mu = sum / cols;
    let squares = 0;
    for (let c = 0; c < cols; c++) {
      const d = x[base + c] - mu;
      squares += d * d;
    }
    const inv = 1 / Math.sqrt(squares / cols + eps);
    invStd[r] = inv;
    for (let c = 0; c < cols; c++) {
      const i = base + c;
      const n = (x[i] - mu) * inv;
      xhat[i] = n;
      out[i] = gamma[c] * n + beta[c];
    }
  }
}

/**
 * dx = invStd/N · (N·g − Σ g − xhat · Σ g·xhat) per row, with g = dout·γ and N = cols;
 * dγ = Σ_rows dout·xhat, dβ = Σ_rows dout (overwritten).
 */
export function layernormBackward(
  dout: Float32Array,
  xhat: Float32Array,
  invStd: Float32Array,
  gamma: Float32Array,
  dx: Float32Array,
  dgamma: Float32Array,
  dbeta: Float32Array,
  rows: number,
  cols: number,
): void {
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let sumG = 0;
    let sumGXhat = 0;
    for (let c = 0; c < cols; c++) {
      const g = dout[base + c] * gamma[c];
      sumG += g;
      sumGXhat += g * xhat[base + c];
    }
    const k = invStd[r] / cols;
    for (let c = 0; c < cols; c++) {
      const i = base + c;
      dx[i] = k * (cols * dout[i] * gamma[c] - sumG - xhat[i] * sumGXhat);
    }
  }
  // Column sums column by column, in float64, as the batchnorm kernels sum.
  for (let c = 0; c < cols; c++) {
    let sumDout = 0;
    let sumDoutXhat = 0;
    for (let r = 0; r < rows; r++) {
      const i = r * cols + c;
      sumDout += dout[i];
      sumDoutXhat += dout[i] * xhat[i];
    }
    dgamma[c] = sumDoutXhat;
    dbeta[c] = sumDout;
  }
}
