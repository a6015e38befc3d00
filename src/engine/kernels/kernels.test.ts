/**
 * The wasm backend against the ts reference, kernel by kernel, on random inputs and awkward
 * shapes (sizes that are not multiples of the SIMD width or of the matrix products' blocks),
 * views at odd non-zero offsets with guard floats after each (no kernel may write past its
 * array). Heap growth and the accuracy of the fast exp/tanh: wasm/wasm.test.ts.
 *
 * Tolerances (float32 unit roundoff u = 2⁻²⁴ ≈ 6e-8):
 * - products: both backends sum k products in float32 in different orders (and relaxed SIMD
 *   fuses them), so each entry may differ by 2(k+2)·u·Σ|a·b| (the classic bound, twice);
 * - activations: 1e-6 relative + 1e-7·(input scale) absolute: a few float32 ulps of the fast
 *   exp/tanh against Math's float64 result rounded once;
 * - float64 kernels (batchnorm, layernorm, loss, moments, dot, optimizer): 1e-6 relative on float32 outputs
 *   (an ulp or two), 1e-9 on float64 scalars (summation order only);
 * - counts, ReLU family, maxout, bias and column sums: exact (same operations in the same order).
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { ActCode, HistMode, OptCode, type Kernels } from './kernels';
import { createTsKernels } from './ts';
import { createWasmKernels, wasmSimdSupported } from './wasm';
import { variantSupported, type WasmVariant } from './wasm/load';

const VARIANTS = (['simd', 'relaxed-simd'] as const).filter(variantSupported);
const SIZES = [1, 3, 5, 7, 17, 33, 100];
const U = 2 ** -24;
const GUARD = 12345.5;

/** The same views in two backends: odd, non-zero offsets, a guard float after each. */
class Pair {
  readonly ts: Kernels = createTsKernels();
  readonly wasm: Kernels;
  readonly rng = new Rng(2024);
  private next = 3;
  private readonly guards: number[] = [];
  /** Each backend's whole region, to read the guards. */
  private readonly regions: Float32Array[];

  constructor(variant: WasmVariant, floats = 1 << 22) {
    this.wasm = createWasmKernels(variant);
    this.regions = [this.ts, this.wasm].map((k) => k.view(k.reserve(floats), floats));
  }

  alloc(n: number, fill: (i: number) => number = () => 0): [Float32Array, Float32Array] {
    const offset = this.next;
    this.next += n + 2 + (n % 3);
    const values = Float32Array.from({ length: n }, (_, i) => fill(i));
    const [ts, wasm] = [this.ts, this.wasm].map((k, i) => {
      this.regions[i][offset + n] = GUARD;
      const v = k.view(k.reserve(0) + offset, n);
      v.set(values);
      return v;
    });
    this.guards.push(offset + n);
    return [ts, wasm];
  }

  normal(n: number, scale = 1): [Float32Array, Float32Array] {
    return this.alloc(n, () => scale * this.rng.normal());
  }

  checkGuards(): void {
    const broken = this.guards.filter((g) => this.regions.some((r) => r[g] !== GUARD));
    expect(broken, 'guard floats overwritten').toEqual([]);
  }
}

/** |w − t| ≤ abs + rel·|t| entrywise (NaN matches NaN), reporting the first mismatch. */
function expectClose(
  wasm: ArrayLike<number>,
  ts: ArrayLike<number>,
  rel: number,
  abs: number | ArrayLike<number>,
  what: string,
): void {
  expect(wasm.length, what).toBe(ts.length);
  for (let i = 0; i < ts.length; i++) {
    const w = wasm[i];
    const t = ts[i];
    const tol = (typeof abs === 'number' ? abs : abs[i]) + rel * Math.abs(t);
    const ok = Number.isNaN(t) ? Number.isNaN(w) : w === t || Math.abs(w - t) <= tol;
    if (!ok) expect.fail(`${what}[${i}]: wasm ${w} vs ts ${t} (tolerance ${tol})`);
  }
}

type Product = 'gemm' | 'gemmTN' | 'gemmNT';

/** Σ_p |A(i,p)·B(p,j)| (+ |C0(i,j)|): the scale of each entry's rounding error. */
function productScale(
  product: Product,
  a: Float32Array,
  b: Float32Array,
  c0: Float32Array,
  m: number,
  k: number,
  n: number,
): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = Math.abs(c0[i * n + j]);
      for (let p = 0; p < k; p++) {
        const x = product === 'gemmTN' ? a[p * m + i] : a[i * k + p];
        const y = product === 'gemmNT' ? b[j * k + p] : b[p * n + j];
        s += Math.abs(x * y);
      }
      out[i * n + j] = s;
    }
  }
  return out;
}

function checkProduct(pair: Pair, product: Product, m: number, k: number, n: number): void {
  for (const accumulate of [false, true]) {
    const [ta, wa] = pair.normal(m * k);
    const [tb, wb] = pair.normal(k * n);
    const [tc, wc] = pair.normal(m * n);
    const scale = productScale(product, ta, tb, accumulate ? tc : new Float32Array(m * n), m, k, n);
    pair.ts[product](ta, tb, tc, m, k, n, accumulate);
    pair.wasm[product](wa, wb, wc, m, k, n, accumulate);
    const tol = scale.map((s) => 2 * (k + 2) * U * s);
    expectClose(wc, tc, 0, tol, `${product} ${m}×${k}×${n} accumulate=${accumulate}`);
  }
  pair.checkGuards();
}

const ACTS: [string, ActCode][] = [
  ['linear', ActCode.Linear],
  ['sigmoid', ActCode.Sigmoid],
  ['tanh', ActCode.Tanh],
  ['relu', ActCode.Relu],
  ['leaky-relu', ActCode.LeakyRelu],
  ['elu', ActCode.Elu],
  ['gelu', ActCode.Gelu],
  ['silu', ActCode.Silu],
];
const EXACT_ACTS = [ActCode.Linear, ActCode.Relu, ActCode.LeakyRelu];
/** Awkward inputs: signed zeros, tiny, huge, infinities, NaN. */
const SPECIAL = [0, -0, 1e-30, -1e-30, 1e-6, -1e-6, 0.625, -0.625, 9, -9, 30, -30, 100, -100];
const NON_FINITE = [Infinity, -Infinity, NaN];

if (!wasmSimdSupported()) {
  describe('wasm backend', () => {
    it.skip('skipped: WebAssembly SIMD does not validate in this runtime', () => {});
  });
}

describe.each(VARIANTS)('wasm backend (%s) against ts', (variant) => {
  it.each(['gemm', 'gemmTN', 'gemmNT'] as const)('%s on every small shape', (product) => {
    const pair = new Pair(variant);
    const dims = [1, 3, 5, 7, 17, 33];
    for (const m of dims)
      for (const k of dims) for (const n of dims) checkProduct(pair, product, m, k, n);
  });

  it.each(['gemm', 'gemmTN', 'gemmNT'] as const)('%s across block edges', (product) => {
    const pair = new Pair(variant);
    // MC = 128, KC = 256, NC = 512: sizes just past each block, plus the lecture's layer shape.
    for (const [m, k, n] of [
      [100, 100, 100],
      [129, 257, 513],
      [131, 517, 9],
      [4, 1000, 500],
      [250, 500, 100],
    ]) {
      checkProduct(pair, product, m, k, n);
    }
  });

  it.each(ACTS)('activation %s forward and backward', (_, act) => {
    const pair = new Pair(variant);
    const exact = EXACT_ACTS.includes(act);
    for (const n of [...SIZES, 1001]) {
      for (const scale of [1e-3, 1, 6]) {
        const [tz, wz] = pair.normal(n, scale);
        const [th, wh] = pair.alloc(n);
        pair.ts.activationForward(act, tz, th, n);
        pair.wasm.activationForward(act, wz, wh, n);
        expectClose(wh, th, exact ? 0 : 1e-6, exact ? 0 : 1e-7 * scale, `forward n=${n}`);
        // Backward from the same h in both, so only f′ is compared.
        wh.set(th);
        const [tdh, wdh] = pair.normal(n);
        const [tdz, wdz] = pair.alloc(n);
        pair.ts.activationBackward(act, tz, th, tdh, tdz, n);
        pair.wasm.activationBackward(act, wz, wh, wdh, wdz, n);
        expectClose(wdz, tdz, exact ? 0 : 1e-6, exact ? 0 : 1e-7, `backward n=${n}`);
      }
    }
    const values = [...SPECIAL, ...NON_FINITE];
    const [tz, wz] = pair.alloc(values.length, (i) => values[i]);
    const [th, wh] = pair.alloc(values.length);
    pair.ts.activationForward(act, tz, th, values.length);
    pair.wasm.activationForward(act, wz, wh, values.length);
    // 1e-24: below x ≈ −9 the TS GELU's 1 + tanh(u) cancels to 0 (the true value is ~1e-28).
    expectClose(wh, th, exact ? 0 : 1e-6, exact ? 0 : 1e-24, 'special values');
    pair.checkGuards();
  });

  it('maxout forward and backward, ties to piece a', () => {
    const pair = new Pair(variant);
    for (const rows of [1, 3, 17]) {
      for (const units of [1, 3, 4, 5, 33]) {
        // Small integers make ties frequent.
        const [tz, wz] = pair.alloc(rows * 2 * units, () => pair.rng.int(3));
        const [th, wh] = pair.alloc(rows * units);
        pair.ts.maxoutForward(tz, th, rows, units);
        pair.wasm.maxoutForward(wz, wh, rows, units);
        expect(Array.from(wh)).toEqual(Array.from(th));
        const [tdh, wdh] = pair.normal(rows * units);
        const [tdz, wdz] = pair.alloc(rows * 2 * units, () => 7);
        pair.ts.maxoutBackward(tz, tdh, tdz, rows, units);
        pair.wasm.maxoutBackward(wz, wdh, wdz, rows, units);
        expect(Array.from(wdz)).toEqual(Array.from(tdz));
      }
    }
    pair.checkGuards();
  });

  it('bias, column sums, axpy and scale', () => {
    const pair = new Pair(variant);
    for (const rows of [1, 3, 100]) {
      for (const cols of SIZES) {
        const [tx, wx] = pair.normal(rows * cols);
        const [tv, wv] = pair.normal(cols);
        pair.ts.addRowVector(tx, tv, rows, cols);
        pair.wasm.addRowVector(wx, wv, rows, cols);
        expect(Array.from(wx)).toEqual(Array.from(tx));
        for (const accumulate of [false, true]) {
          const [tout, wout] = pair.normal(cols);
          pair.ts.columnSums(tx, tout, rows, cols, accumulate);
          pair.wasm.columnSums(wx, wout, rows, cols, accumulate);
          expect(Array.from(wout)).toEqual(Array.from(tout));
        }
      }
    }
    for (const n of SIZES) {
      const [tx, wx] = pair.normal(n);
      const [ty, wy] = pair.normal(n);
      pair.ts.axpy(-0.37, tx, ty, n);
      pair.wasm.axpy(-0.37, wx, wy, n);
      expectClose(wy, ty, 2 * U, 1e-7, `axpy n=${n}`);
      pair.ts.scale(ty, 1.7, n);
      pair.wasm.scale(wy, 1.7, n);
      expectClose(wy, ty, 4 * U, 1e-7, `scale n=${n}`);
    }
    pair.checkGuards();
  });

  it('batchnorm train, eval and backward', () => {
    const pair = new Pair(variant);
    for (const rows of [1, 2, 7, 100]) {
      for (const cols of [1, 3, 5, 33]) {
        const size = rows * cols;
        const [tz, wz] = pair.alloc(size, () => 3 + 2 * pair.rng.normal());
        const [txh, wxh] = pair.alloc(size);
        const [tout, wout] = pair.alloc(size);
        const [tmean, wmean] = pair.alloc(cols);
        const [tinv, winv] = pair.alloc(cols);
        const [tg, wg] = pair.alloc(cols, () => 1 + 0.3 * pair.rng.normal());
        const [tb, wb] = pair.normal(cols);
        const [trm, wrm] = pair.normal(cols);
        const [trv, wrv] = pair.alloc(cols, () => 1 + pair.rng.uniform());
        const args = [rows, cols, 1e-5, 0.1] as const;
        pair.ts.batchnormForwardTrain(tz, txh, tout, tmean, tinv, tg, tb, trm, trv, ...args);
        pair.wasm.batchnormForwardTrain(wz, wxh, wout, wmean, winv, wg, wb, wrm, wrv, ...args);
        const outputs = [
          [wxh, txh, 'xhat'],
          [wout, tout, 'out'],
          [wmean, tmean, 'mean'],
          [winv, tinv, 'invStd'],
          [wrm, trm, 'running mean'],
          [wrv, trv, 'running var'],
        ] as const;
        for (const [w, t, what] of outputs)
          expectClose(w, t, 1e-6, 1e-7, `${what} ${rows}×${cols}`);
        pair.ts.batchnormForwardEval(tz, tout, tg, tb, trm, trv, rows, cols, 1e-5);
        pair.wasm.batchnormForwardEval(wz, wout, wg, wb, wrm, wrv, rows, cols, 1e-5);
        expectClose(wout, tout, 1e-6, 1e-7, `eval ${rows}×${cols}`);
        const [tdout, wdout] = pair.normal(size);
        const [tdz, wdz] = pair.alloc(size);
        const [tdg, wdg] = pair.alloc(cols);
        const [tdb, wdb] = pair.alloc(cols);
        pair.ts.batchnormBackward(tdout, txh, tinv, tg, tdz, tdg, tdb, rows, cols);
        pair.wasm.batchnormBackward(wdout, wxh, winv, wg, wdz, wdg, wdb, rows, cols);
        expectClose(wdz, tdz, 1e-6, 1e-6, `dz ${rows}×${cols}`);
        expectClose(wdg, tdg, 1e-6, 1e-6, `dgamma ${rows}×${cols}`);
        expectClose(wdb, tdb, 1e-6, 1e-6, `dbeta ${rows}×${cols}`);
      }
    }
    pair.checkGuards();
  });

  it('layernorm forward and backward', () => {
    const pair = new Pair(variant);
    for (const rows of [1, 2, 7]) {
      for (const cols of [1, 2, 3, 5, 33]) {
        const size = rows * cols;
        const [tx, wx] = pair.alloc(size, () => 3 + 2 * pair.rng.normal());
        const [txh, wxh] = pair.alloc(size);
        const [tout, wout] = pair.alloc(size);
        const [tinv, winv] = pair.alloc(rows);
        const [tg, wg] = pair.alloc(cols, () => 1 + 0.3 * pair.rng.normal());
        const [tb, wb] = pair.normal(cols);
        pair.ts.layernormForward(tx, txh, tout, tinv, tg, tb, rows, cols, 1e-5);
        pair.wasm.layernormForward(wx, wxh, wout, winv, wg, wb, rows, cols, 1e-5);
        expectClose(wxh, txh, 1e-6, 1e-7, `xhat ${rows}×${cols}`);
        expectClose(wout, tout, 1e-6, 1e-7, `out ${rows}×${cols}`);
        expectClose(winv, tinv, 1e-6, 1e-7, `invStd ${rows}×${cols}`);
        const [tdout, wdout] = pair.normal(size);
        const [tdx, wdx] = pair.alloc(size);
        const [tdg, wdg] = pair.alloc(cols);
        const [tdb, wdb] = pair.alloc(cols);
        pair.ts.layernormBackward(tdout, txh, tinv, tg, tdx, tdg, tdb, rows, cols);
        pair.wasm.layernormBackward(wdout, wxh, winv, wg, wdx, wdg, wdb, rows, cols);
        expectClose(wdx, tdx, 1e-6, 1e-6, `dx ${rows}×${cols}`);
        expectClose(wdg, tdg, 1e-6, 1e-6, `dgamma ${rows}×${cols}`);
        expectClose(wdb, tdb, 1e-6, 1e-6, `dbeta ${rows}×${cols}`);
      }
    }
    pair.checkGuards();
  });

  it('multiply, addScaled and dot', () => {
    const pair = new Pair(variant);
    for (const n of SIZES) {
      const [tx, wx] = pair.normal(n);
      const [ty, wy] = pair.normal(n);
      const [tout, wout] = pair.alloc(n);
      pair.ts.multiply(tx, ty, tout, n);
      pair.wasm.multiply(wx, wy, wout, n);
      expect(Array.from(wout)).toEqual(Array.from(tout));
      pair.ts.addScaled(tx, 0.37, ty, tout, n);
      pair.wasm.addScaled(wx, 0.37, wy, wout, n);
      expectClose(wout, tout, 2 * U, 1e-7, `addScaled n=${n}`);
      expectClose([pair.wasm.dot(wx, wy, n)], [pair.ts.dot(tx, ty, n)], 1e-12, 1e-12, 'dot');
    }
    pair.checkGuards();
  });

  it('softmax cross-entropy, loss and correct count', () => {
    const pair = new Pair(variant);
    for (const rows of [1, 3, 100]) {
      for (const classes of [2, 3, 10, 17]) {
        const [tl, wl] = pair.normal(rows * classes, 4);
        const [tlab, wlab] = pair.alloc(rows, () => pair.rng.int(classes));
        const [tp, wp] = pair.alloc(rows * classes);
        const [td, wd] = pair.alloc(rows * classes);
        const tLoss = pair.ts.softmaxCrossEntropy(tl, tlab, tp, td, rows, classes);
        const tCorrect = pair.ts.results()[0];
        const wLoss = pair.wasm.softmaxCrossEntropy(wl, wlab, wp, wd, rows, classes);
        expect(pair.wasm.results()[0]).toBe(tCorrect);
        expectClose([wLoss], [tLoss], 1e-12, 0, 'loss');
        expectClose(wp, tp, 1e-6, 1e-30, 'probs');
        expectClose(wd, td, 1e-6, 1e-30, 'dlogits');
      }
    }
    pair.checkGuards();
  });

  it('sumSquares, moments (non-finite values left out) and countOutside', () => {
    const pair = new Pair(variant);
    const edge = Math.fround(0.97);
    for (const n of [...SIZES, 1000]) {
      const [tx, wx] = pair.alloc(n, (i) =>
        i % 11 === 5
          ? NON_FINITE[i % 3]
          : i % 7 === 3
            ? edge * (i % 2 ? 1 : -1)
            : pair.rng.normal(),
      );
      expectClose([pair.wasm.sumSquares(wx, n)], [pair.ts.sumSquares(tx, n)], 1e-12, 0, 'Σx²');
      pair.ts.moments(tx, n);
      pair.wasm.moments(wx, n);
      expectClose(
        pair.wasm.results().slice(0, 3),
        pair.ts.results().slice(0, 3),
        1e-9,
        1e-15,
        `moments n=${n}`,
      );
      for (const [low, high] of [
        [-0.97, 0.97],
        [0.03, 0.97],
        [-edge, edge],
        [0, 0],
        [-Infinity, 1e300],
      ]) {
        expect(pair.wasm.countOutside(wx, n, low, high)).toBe(
          pair.ts.countOutside(tx, n, low, high),
        );
      }
    }
    pair.checkGuards();
  });

  it('moments of values whose mean is far larger than their spread', () => {
    // Like sigmoid outputs at small init: 0.5 + tiny. A one-pass Σx² − n·mean² would cancel.
    const pair = new Pair(variant);
    for (const [offset, spread] of [
      [0.5, 1e-6],
      [1000, 1e-3],
      [-3e4, 1],
    ]) {
      const [tx, wx] = pair.alloc(10_001, () => offset + spread * pair.rng.normal());
      pair.ts.moments(tx, tx.length);
      pair.wasm.moments(wx, wx.length);
      const what = `moments of ${offset} + ${spread}·N(0,1)`;
      expectClose(pair.wasm.results().slice(0, 3), pair.ts.results().slice(0, 3), 1e-6, 0, what);
    }
  });

  it('deadColumns and columnPositiveFraction', () => {
    const pair = new Pair(variant);
    for (const rows of [1, 3, 17, 100]) {
      for (const cols of SIZES) {
        // Every third column never positive, a few NaN entries.
        const [tz, wz] = pair.alloc(rows * cols, (i) => {
          const c = i % cols;
          if (i % 13 === 4) return NaN;
          return c % 3 === 0 ? -Math.abs(pair.rng.normal()) : pair.rng.normal() - 1;
        });
        expect(pair.wasm.deadColumns(wz, rows, cols)).toBe(pair.ts.deadColumns(tz, rows, cols));
        const [tout, wout] = pair.alloc(cols, () => 9);
        pair.ts.columnPositiveFraction(tz, tout, rows, cols);
        pair.wasm.columnPositiveFraction(wz, wout, rows, cols);
        expect(Array.from(wout)).toEqual(Array.from(tout));
      }
    }
    pair.checkGuards();
  });

  it('histogram, linear and log10|x|, with under/over/non-finite slots', () => {
    const pair = new Pair(variant);
    for (const n of [...SIZES, 5000]) {
      // Heavy tails, zeros, non-finite values, and values on bin edges (as float32 rounds them:
      // multiples of 0.1 for the linear axes, powers of ten for log10) that must land in the
      // same bin in both backends.
      const special = (i: number) =>
        i % 17 === 2 ? NON_FINITE[i % 3] : i % 19 === 1 ? 0 : 10 ** ((i % 13) - 6);
      const [tx, wx] = pair.alloc(n, (i) =>
        i % 5 === 0
          ? special(i)
          : i % 5 === 1
            ? pair.rng.int(41) / 10 - 2
            : 3 * pair.rng.normal() ** 3,
      );
      for (const [low, high, bins, mode] of [
        [-2, 2, 40, HistMode.Linear],
        [-1, 1, 7, HistMode.Linear],
        [-6, 2, 64, HistMode.Log10Abs],
        [-3, 0.5, 1021, HistMode.Log10Abs],
      ]) {
        pair.ts.histogram(tx, n, low, high, bins, mode);
        pair.wasm.histogram(wx, n, low, high, bins, mode);
        const t = Array.from(pair.ts.results().slice(0, bins + 3));
        expect(Array.from(pair.wasm.results().slice(0, bins + 3))).toEqual(t);
      }
    }
    pair.checkGuards();
  });

  it('histogram: ranges float32 cannot hold (subnormal or beyond 3.4e38) count as the reference does', () => {
    const pair = new Pair(variant);
    const n = 40;
    for (const [scale, low, high] of [
      [1e-43, -2.1e-42, 2.1e-42],
      [1e38, -5e90, 5e90],
      [1e30, -1e39, 1e39],
    ]) {
      const [tx, wx] = pair.alloc(n, (i) => scale * ((i % 9) - 4));
      pair.ts.histogram(tx, n, low, high, 10, HistMode.Linear);
      pair.wasm.histogram(wx, n, low, high, 10, HistMode.Linear);
      expect(Array.from(pair.wasm.results().slice(0, 13))).toEqual(
        Array.from(pair.ts.results().slice(0, 13)),
      );
    }
    pair.checkGuards();
  });

  it('moments of values none of which is finite are NaN, not 0', () => {
    const pair = new Pair(variant);
    const [tx, wx] = pair.alloc(8, () => NaN);
    for (const [kernels, x] of [
      [pair.ts, tx],
      [pair.wasm, wx],
    ] as const) {
      kernels.moments(x, 8);
      expect(Array.from(kernels.results().slice(0, 3))).toEqual([NaN, NaN, 8]);
    }
  });

  it('histogram: the top edge belongs to the last bin, beyond it is over', () => {
    const pair = new Pair(variant);
    // Saturated tanh reaches exactly ±1: those values are in range, not outliers.
    const values = [-1, -1, 1, 1, 1, 0, 1.5, -1.5];
    const [tx, wx] = pair.alloc(values.length, (i) => values[i]);
    for (const [kernels, x] of [
      [pair.ts, tx],
      [pair.wasm, wx],
    ] as const) {
      kernels.histogram(x, values.length, -1, 1, 4, HistMode.Linear);
      expect(Array.from(kernels.results().slice(0, 7))).toEqual([2, 0, 1, 3, 1, 1, 0]);
    }
    pair.checkGuards();
  });

  it.each([
    ['sgd', OptCode.Sgd, 0],
    ['momentum', OptCode.Momentum, 0],
    ['adam', OptCode.Adam, 0],
    ['adamw', OptCode.Adam, 0.1],
  ] as const)('optimizer step %s', (_, opt, decay) => {
    const pair = new Pair(variant);
    for (const n of [...SIZES, 1001]) {
      const [tw, ww] = pair.normal(n);
      const [tg, wg] = pair.normal(n, 0.1);
      const [tm, wm] = pair.normal(n, 0.01);
      const [tv, wv] = pair.alloc(n, () => 0.001 * pair.rng.uniform());
      for (const step of [1, 2, 50]) {
        pair.ts.optimizerStep(opt, tw, tg, tm, tv, n, 0.01, 0.9, 0.999, 1e-8, step, decay);
        const tr = pair.ts.results().slice(0, 2);
        pair.wasm.optimizerStep(opt, ww, wg, wm, wv, n, 0.01, 0.9, 0.999, 1e-8, step, decay);
        expectClose(pair.wasm.results().slice(0, 2), tr, 1e-9, 1e-15, `ΣΔ, ΣΔ² n=${n}`);
        expectClose(ww, tw, 1e-6, 1e-9, `w n=${n} step ${step}`);
        expectClose(wm, tm, 1e-6, 1e-12, `m n=${n} step ${step}`);
        expectClose(wv, tv, 1e-6, 1e-15, `v n=${n} step ${step}`);
      }
    }
    pair.checkGuards();
  });
});
