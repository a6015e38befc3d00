/**
 * Gradient checks of the operations residual networks add (layer norm, dropout under a fixed
 * mask, the residual sum with its α), on every backend, with ops.test.ts's measure and tolerance
 * (testing.ts: relative error of each whole gradient ≤ 2e-3, and a gradient 1 % wrong fails).
 */
import { describe, expect, it } from 'vitest';
import { Arena } from '../arena';
import { createKernels } from '../kernels';
import { Rng } from '../rng';
import { gradientMismatches, randomView, testBackends } from '../testing';
import { drawDropoutMask, dropoutBackward, dropoutForward } from './dropout';
import { LayernormBuffers, layernormBackward, layernormForward } from './layernorm';
import { residualAlphaGradient, residualForward, residualSkipBackward } from './residual';

const CHECK = { eps: 3e-3 };

function weightedSum(values: Float32Array, weights: Float32Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] * weights[i];
  return sum;
}

describe.each(testBackends())('residual-network operations on the %s backend', (backend) => {
  const kernels = createKernels(backend);
  const base = kernels.reserve(8192);
  const view = (offset: number, length: number) => kernels.view(base + offset, length);
  const rng = new Rng(12);
  const rows = 5;
  const cols = 6;
  const n = rows * cols;

  it('layer norm: dx, dγ and dβ', () => {
    const arena = new Arena(kernels);
    const ln = new LayernormBuffers(arena, rows, cols);
    arena.commit();
    ln.reset();
    rng.fillNormal(ln.gamma.data);
    rng.fillNormal(ln.beta.data);
    // Arena buffers start at offset 0 of the reserve, views for the test after them.
    const x = randomView(kernels, base + 2048, n, rng, 2);
    const out = view(2112, n);
    const r = randomView(kernels, base + 2176, n, rng);
    const dx = view(2240, n);
    const loss = () => {
      layernormForward(kernels, ln, x, out, rows, cols);
      return weightedSum(out, r, n);
    };
    loss();
    layernormBackward(kernels, ln, r, dx, rows, cols);
    const tensors = [
      { x, analytic: Array.from(dx) },
      { x: ln.gamma.data, analytic: Array.from(ln.dgamma.data) },
      { x: ln.beta.data, analytic: Array.from(ln.dbeta.data) },
    ];
    expect(gradientMismatches(loss, tensors, CHECK)).toEqual([]);
  });

  it('dropout with a fixed mask: kept values pass the gradient scaled, dropped ones none', () => {
    const h = randomView(kernels, base + 0, n, rng);
    const mask = view(64, n);
    drawDropoutMask(new Rng(3, 6), mask, n, 0.4);
    const kept = Array.from(mask).filter((m) => m !== 0);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(n);
    for (const m of kept) expect(m).toBeCloseTo(1 / 0.6, 6);
    const out = view(128, n);
    const r = randomView(kernels, base + 192, n, rng);
    const dh = view(256, n);
    const loss = () => {
      dropoutForward(kernels, h, mask, out, n);
      return weightedSum(out, r, n);
    };
    dropoutBackward(kernels, r, mask, dh, n);
    expect(gradientMismatches(loss, [{ x: h, analytic: Array.from(dh) }], CHECK)).toEqual([]);
  });

  it.each([1, 0.37, 0])('residual sum x + α·branch with α = %s: dx, dbranch and dα', (a) => {
    const x = randomView(kernels, base + 0, n, rng);
    const branch = randomView(kernels, base + 64, n, rng);
    const out = view(128, n);
    const r = randomView(kernels, base + 192, n, rng);
    const alpha = view(256, 1);
    alpha[0] = a;
    const loss = () => {
      residualForward(kernels, x, alpha[0], branch, out, n);
      return weightedSum(out, r, n);
    };
    // The branch's gradient is α·dout (the layer scales its dpre by α); the skip adds dout.
    const dx = view(320, n);
    dx.fill(0);
    residualSkipBackward(kernels, r, dx, n);
    const dbranch = view(384, n);
    dbranch.set(r);
    kernels.scale(dbranch, alpha[0], n);
    const dalpha = residualAlphaGradient(kernels, r, branch, n);
    const tensors = [
      { x, analytic: Array.from(dx) },
      { x: branch, analytic: Array.from(dbranch) },
      { x: alpha, analytic: [dalpha] },
    ];
    expect(gradientMismatches(loss, a === 0 ? [tensors[0], tensors[2]] : tensors, CHECK)).toEqual(
      [],
    );
  });
});
