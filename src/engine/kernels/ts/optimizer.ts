/**
 * Parameter updates for SGD, SGD with momentum and Adam, reporting Σ Δw and Σ Δw². Adam with
 * `decay` > 0 is AdamW: Δw also holds −lr·decay·w (decoupled weight decay), in the same float64
 * sum, so w is rounded once; decay 0 leaves Adam's arithmetic untouched.
 */
import { OptCode } from '../kernels';

export function optimizerStep(
  opt: OptCode,
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  n: number,
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  step: number,
  decay: number,
  results: Float64Array,
): void {
  let sum = 0;
  let squares = 0;
  if (opt === OptCode.Sgd) {
    for (let i = 0; i < n; i++) {
      const delta = -lr * g[i];
      w[i] += delta;
      sum += delta;
      squares += delta * delta;
    }
  } else if (opt === OptCode.Momentum) {
    // m is the velocity: v ← β1·v − lr·g, w ← w + v.
    for (let i = 0; i < n; i++) {
      const velocity = beta1 * m[i] - lr * g[i];
      m[i] = velocity;
      w[i] += velocity;
      sum += velocity;
      squares += velocity * velocity;
    }
  } else {
    const correction1 = 1 - Math.pow(beta1, step);
    const correction2 = 1 - Math.pow(beta2, step);
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
      let delta = (-lr * (m[i] / correction1)) / (Math.sqrt(v[i] / correction2) + eps);
      if (decay !== 0) delta -= lr * decay * w[i];
      w[i] += delta;
      sum += delta;
      squares += delta * delta;
    }
  }
  results[0] = sum;
  results[1] = squares;
}
