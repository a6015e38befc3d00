/**
 * Batch normalization over the rows of a rows×cols matrix, forward (train and eval) and backward
 * side by side. Column statistics are accumulated in float64 before being stored.
 */
export function batchnormForwardTrain(
  z: Float32Array,
  xhat: Float32Array,
  out: Float32Array,
  mean: Float32Array,
  invStd: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  runningMean: Float32Array,
  runningVar: Float32Array,
  rows: number,
  cols: number,
  eps: number,
  momentum: number,
): void {
  for (let c = 0; c < cols; c++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += z[r * cols + c];
    const mu = sum / rows;
    let squares = 0;
    for (let r = 0; r < rows; r++) {
      const d = z[r * cols + c] - mu;
      squares += d * d;
    }
    const variance = squares / rows;
    const inv = 1 / Math.sqrt(variance + eps);
    mean[c] = mu;
    invStd[c] = inv;
    const unbiased = rows > 1 ? squares / (rows - 1) : variance;
    runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mu;
    runningVar[c] = (1 - momentum) * runningVar[c] + momentum * unbiased;
    const g = gamma[c];
    const b = beta[c];
    for (let r = 0; r < rows; r++) {
      const i = r * cols + c;
      const x = (z[i] - mu) * inv;
      xhat[i] = x;
      out[i] = g * x + b;
    }
  }
}

export function batchnormForwardEval(
  z: Float32Array,
  out: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  runningMean: Float32Array,
  runningVar: Float32Array,
  rows: number,
  cols: number,
  eps: number,
): void {
  for (let c = 0; c < cols; c++) {
    const inv = 1 / Math.sqrt(runningVar[c] + eps);
    const mu = runningMean[c];
    const g = gamma[c];
    const b = beta[c];
    for (let r = 0; r < rows; r++) {
      const i = r * cols + c;
      out[i] = g * (z[i] - mu) * inv + b;
    }
  }
}

/** dz = invStd/N · (N·dxhat − Σ dxhat − xhat · Σ dxhat·xhat), with dxhat = dout·γ. */
export function batchnormBackward(
  dout: Float32Array,
  xhat: Float32Array,
  invStd: Float32Array,
  gamma: Float32Array,
  dz: Float32Array,
  dgamma: Float32Array,
  dbeta: Float32Array,
  rows: number,
  cols: number,
): void {
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
    const g = gamma[c];
    const k = (g * invStd[c]) / rows;
    for (let r = 0; r < rows; r++) {
      const i = r * cols + c;
      dz[i] = k * (rows * dout[i] - sumDout - xhat[i] * sumDoutXhat);
    }
  }
}
