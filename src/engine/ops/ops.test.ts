/**
 * Gradient checks of each operation against central finite differences, on every backend.
 * Each op's scalar loss is L = Σ r ⊙ out for a fixed random r, so ∂L/∂out = r.
 *
 * Tolerance (testing.ts, GRADIENT_TOLERANCE): the relative error of each whole gradient vector,
 * ‖a − n‖ / max(‖a‖, ‖n‖). Values are float32 (relative rounding 6e-8); ε = 3e-3 keeps the
 * rounding error of the difference quotients and the truncation error ε²·f'''/6 both far below
 * the 1e-2 a backward 1 % wrong scores, which every check also asserts (its positive control).
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../config';
import { createKernels } from '../kernels';
import { gradientMismatches, randomView, testBackends } from '../testing';
import { Rng } from '../rng';
import { activationBackward, activationForward } from './activation';
import { linearBackward, linearForward } from './linear';
import { BATCHNORM_EPS } from './batchnorm';
import { l2Backward, l2Forward, softmaxCrossEntropy } from './loss';

const CHECK = { eps: 3e-3 };

function weightedSum(values: Float32Array, weights: Float32Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] * weights[i];
  return sum;
}

describe.each(testBackends())('operation gradients on the %s backend', (backend) => {
  const kernels = createKernels(backend);
  // Views are placed relative to the start of the region reserve() hands out.
  const base = kernels.reserve(4096);
  const view = (offset: number, length: number) => kernels.view(base + offset, length);
  const rng = new Rng(11);
  const rows = 5;
  const fanIn = 4;
  const cols = 3;

  it('linear: dx, dW and db', () => {
    const x = randomView(kernels, base + 0, rows * fanIn, rng);
    const w = randomView(kernels, base + 64, fanIn * cols, rng);
    const b = randomView(kernels, base + 128, cols, rng);
    const z = view(256, rows * cols);
    const r = randomView(kernels, base + 320, rows * cols, rng);
    const dx = view(384, rows * fanIn);
    const dw = view(448, fanIn * cols);
    const db = view(512, cols);
    const loss = () => {
      linearForward(kernels, x, w, b, z, rows, fanIn, cols);
      return weightedSum(z, r, rows * cols);
    };
    linearBackward(kernels, x, w, r, dx, dw, db, rows, fanIn, cols);
    const grads = [Array.from(dx), Array.from(dw), Array.from(db)];
    const tensors = [
      { x, analytic: grads[0] },
      { x: w, analytic: grads[1] },
      { x: b, analytic: grads[2] },
    ];
    expect(gradientMismatches(loss, tensors, CHECK)).toEqual([]);
  });

  it.each(ACTIVATIONS)('activation %s', (activation) => {
    const units = 3;
    const preCols = activation === 'maxout' ? 2 * units : units;
    const pre = randomView(kernels, base + 0, rows * preCols, rng);
    // Keep inputs off the kinks of ReLU-like functions, where finite differences are undefined.
    for (let i = 0; i < pre.length; i++) if (Math.abs(pre[i]) < 0.05) pre[i] += 0.1;
    if (activation === 'maxout') {
      for (let r = 0; r < rows; r++) {
        for (let u = 0; u < units; u++) {
          const a = r * preCols + u;
          if (Math.abs(pre[a] - pre[a + units]) < 0.05) pre[a] += 0.1;
        }
      }
    }
    const h = view(64, rows * units);
    const dh = randomView(kernels, base + 128, rows * units, rng);
    const dpre = view(192, rows * preCols);
    const loss = () => {
      activationForward(kernels, activation, pre, h, rows, units);
      return weightedSum(h, dh, rows * units);
    };
    loss();
    activationBackward(kernels, activation, pre, h, dh, dpre, rows, units);
    const tensors = [{ x: pre, analytic: Array.from(dpre) }];
    expect(gradientMismatches(loss, tensors, CHECK)).toEqual([]);
  });

  it('batchnorm (training mode): dz, dγ and dβ', () => {
    const z = randomView(kernels, base + 0, rows * cols, rng, 2);
    const xhat = view(64, rows * cols);
    const out = view(128, rows * cols);
    const mean = view(192, cols);
    const invStd = view(200, cols);
    const gamma = randomView(kernels, base + 208, cols, rng);
    const beta = randomView(kernels, base + 216, cols, rng);
    const runningMean = view(224, cols);
    const runningVar = view(232, cols);
    const r = randomView(kernels, base + 256, rows * cols, rng);
    const dz = view(320, rows * cols);
    const dgamma = view(384, cols);
    const dbeta = view(392, cols);
    const loss = () => {
      kernels.batchnormForwardTrain(
        z,
        xhat,
        out,
        mean,
        invStd,
        gamma,
        beta,
        runningMean,
        runningVar,
        rows,
        cols,
        BATCHNORM_EPS,
        0.1,
      );
      return weightedSum(out, r, rows * cols);
    };
    loss();
    kernels.batchnormBackward(r, xhat, invStd, gamma, dz, dgamma, dbeta, rows, cols);
    const grads = [Array.from(dz), Array.from(dgamma), Array.from(dbeta)];
    const tensors = [
      { x: z, analytic: grads[0] },
      { x: gamma, analytic: grads[1] },
      { x: beta, analytic: grads[2] },
    ];
    expect(gradientMismatches(loss, tensors, CHECK)).toEqual([]);
  });

  it('softmax cross-entropy: dlogits', () => {
    const classes = 4;
    const logits = randomView(kernels, base + 0, rows * classes, rng, 2);
    const labels = view(64, rows);
    for (let i = 0; i < rows; i++) labels[i] = rng.int(classes);
    const probs = view(128, rows * classes);
    const dlogits = view(192, rows * classes);
    const result = { loss: 0, correct: 0 };
    const loss = () => {
      softmaxCrossEntropy(kernels, logits, labels, probs, dlogits, rows, classes, result);
      return result.loss;
    };
    loss();
    const analytic = Array.from(dlogits);
    expect(gradientMismatches(loss, [{ x: logits, analytic }], CHECK)).toEqual([]);
  });

  it('L2 regularization: λW', () => {
    const w = randomView(kernels, base + 0, 12, rng);
    const dw = view(64, 12);
    dw.fill(0);
    l2Backward(kernels, w, dw, 0.3);
    const loss = () => l2Forward(kernels, w, 0.3);
    expect(gradientMismatches(loss, [{ x: w, analytic: Array.from(dw) }], CHECK)).toEqual([]);
  });
});
