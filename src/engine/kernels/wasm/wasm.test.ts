/**
 * The wasm backend's own machinery: backend selection, heap growth, and the accuracy of its fast
 * exp and tanh against Math. (Every kernel against the ts backend: ../kernels.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { createKernels, defaultBackend } from '..';
import { createWasmKernels, wasmSimdSupported } from '.';
import { instantiate, variantSupported } from './load';

const VARIANTS = (['simd', 'relaxed-simd'] as const).filter(variantSupported);

describe('backend selection', () => {
  it('defaults to wasm exactly where WebAssembly SIMD validates', () => {
    expect(defaultBackend()).toBe(wasmSimdSupported() ? 'wasm' : 'ts');
    if (wasmSimdSupported()) {
      const kernels = createKernels('wasm');
      expect(kernels.name).toBe('wasm');
      expect(VARIANTS).toContain(kernels.variant);
      expect(kernels.variant).toBe(VARIANTS[VARIANTS.length - 1]);
    } else {
      expect(() => createKernels('wasm')).toThrow();
    }
  });
});

if (!wasmSimdSupported()) {
  describe('wasm backend', () => {
    it.skip('skipped: WebAssembly SIMD does not validate in this runtime', () => {});
  });
}

describe.each(VARIANTS)('wasm backend (%s)', (variant) => {
  it('grows the heap: old data kept, new views work, stale views refused', () => {
    const kernels = createWasmKernels(variant);
    const base = kernels.reserve(1000);
    expect(base).toBeGreaterThan(0);
    expect(base % 16).toBe(0);
    expect(() => kernels.view(0, 10)).toThrow(RangeError);
    const x = kernels.view(base + 5, 100);
    x.forEach((_, i) => (x[i] = i));
    const results = kernels.results();
    expect(kernels.reserve(50_000_000)).toBe(base);
    expect(kernels.results() === results, 'results() re-made on the new buffer').toBe(false);
    const y = kernels.view(base + 5, 100);
    expect(Array.from(y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const far = kernels.view(base + 49_999_000, 1000);
    far.fill(2);
    kernels.moments(far, 1000);
    expect(Array.from(kernels.results().slice(0, 3))).toEqual([2, 0, 0]);
    expect(() => kernels.moments(x, 100)).toThrow(/not a view of the current heap/);
  });

  it('fast exp and tanh stay within their stated error of Math', () => {
    const wasm = instantiate(variant);
    const n = 200_000;
    const base = wasm.callerOffset();
    wasm.memory.grow(Math.ceil((base + 8 * n - wasm.memory.buffer.byteLength) / 65536));
    const x = new Float32Array(wasm.memory.buffer, base, n);
    const y = new Float32Array(wasm.memory.buffer, base + 4 * n, n);
    // A grid over ±100, then magnitudes from 1e-30 to 1e3 with both signs.
    for (let i = 0; i < n / 2; i++) x[i] = -100 + (200 * i) / (n / 2);
    for (let i = n / 2; i < n; i++)
      x[i] = (i % 2 ? 1 : -1) * 10 ** (-30 + (33 * (i - n / 2)) / (n / 2));
    wasm.fastMath(0, x.byteOffset, y.byteOffset, n);
    let expError = 0;
    for (let i = 0; i < n; i++) {
      const exact = Math.exp(x[i]);
      if (exact > 1.2e-38 && exact < 3.4e38) {
        expError = Math.max(expError, Math.abs(y[i] - exact) / exact);
      } else if (exact > 3.41e38) expect(y[i]).toBe(Infinity);
      else if (exact < 1.2e-38) expect(y[i]).toBeLessThan(1.2e-38);
    }
    expect(expError).toBeLessThanOrEqual(2e-7);
    wasm.fastMath(1, x.byteOffset, y.byteOffset, n);
    let tanhAbs = 0;
    let tanhRel = 0;
    for (let i = 0; i < n; i++) {
      const exact = Math.tanh(x[i]);
      tanhAbs = Math.max(tanhAbs, Math.abs(y[i] - exact));
      if (exact !== 0) tanhRel = Math.max(tanhRel, Math.abs(y[i] - exact) / Math.abs(exact));
      if (Math.abs(x[i]) >= 9.02) expect(y[i]).toBe(Math.sign(x[i]));
    }
    expect(tanhAbs).toBeLessThanOrEqual(1e-6);
    expect(tanhRel).toBeLessThanOrEqual(5e-7);
    const special = [NaN, Infinity, -Infinity, 89, -104, 0];
    x.set(special);
    wasm.fastMath(0, x.byteOffset, y.byteOffset, special.length);
    expect(Array.from(y.subarray(0, special.length))).toEqual([NaN, Infinity, 0, Infinity, 0, 1]);
    wasm.fastMath(1, x.byteOffset, y.byteOffset, special.length);
    expect(Array.from(y.subarray(0, special.length))).toEqual([NaN, 1, -1, 1, -1, 0]);
  });
});
