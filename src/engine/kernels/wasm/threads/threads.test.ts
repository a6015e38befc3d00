/**
 * The kernels' thread pool: how calls are cut into parts, and that the parts run on helper
 * threads give bit-identical results to one thread, for every kernel that is cut, at sizes
 * with ragged edges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmKernels, singleThreadReason, threadsStarted, wasmSimdSupported } from '..';
import type { Kernels } from '../../kernels';
import { Rng } from '../../../rng';
import { ARGS_PER_PART } from './protocol';
import { FOUR_BYTES, splitProduct, splitSpan } from './split';
import { setMinimumPartWork } from './threaded-kernels';

const row = (args: Int32Array, part: number) =>
  Array.from(args.subarray(part * ARGS_PER_PART, (part + 1) * ARGS_PER_PART));

describe('splitProduct', () => {
  it('cuts the rows of a tall C into blocks of 4 that cover it once', () => {
    const args = new Int32Array(64 * ARGS_PER_PART);
    const count = splitProduct(args, 3, 1, 100, 200, 300, 103, 7, 10, 1);
    expect(count).toBe(3);
    const spans = Array.from({ length: count }, (_, p) => row(args, p).slice(8, 12));
    expect(spans).toEqual([
      [0, 36, 0, 10],
      [36, 72, 0, 10],
      [72, 103, 0, 10],
    ]);
    for (let p = 0; p < count; p++)
      expect(row(args, p).slice(0, 8)).toEqual([1, 100, 200, 300, 103, 7, 10, 1]);
  });

  it('cuts the columns of a wide C into blocks of 8, never more parts than blocks', () => {
    const args = new Int32Array(64 * ARGS_PER_PART);
    const count = splitProduct(args, 4, 0, 0, 0, 0, 2, 5, 20, 0);
    expect(count).toBe(3);
    const spans = Array.from({ length: count }, (_, p) => row(args, p).slice(8, 12));
    expect(spans).toEqual([
      [0, 2, 0, 8],
      [0, 2, 8, 16],
      [0, 2, 16, 20],
    ]);
  });
});

describe('splitSpan', () => {
  it('cuts a pass at multiples of the alignment and moves each pointer by its stride', () => {
    const args = new Int32Array(64 * ARGS_PER_PART);
    args.set([3, 1000, 5000, 37]); // activationForward(act, z, h, n)
    const count = splitSpan(args, 2, 37, 16, 3, [1, 2], FOUR_BYTES);
    expect(count).toBe(2);
    expect(row(args, 0).slice(0, 4)).toEqual([3, 1000, 5000, 32]);
    expect(row(args, 1).slice(0, 4)).toEqual([3, 1000 + 128, 5000 + 128, 5]);
  });

  it('moves row pointers by the row and per-row pointers by one float', () => {
    const args = new Int32Array(64 * ARGS_PER_PART);
    args.set([100, 200, 7, 10]); // rows 7, cols 10, pointers at slots 0 (by row) and 1 (by float)
    const count = splitSpan(args, 3, 7, 1, 2, [0, 1], [40, 4]);
    expect(count).toBe(3);
    expect([0, 1, 2].map((p) => row(args, p).slice(0, 4))).toEqual([
      [100, 200, 3, 10],
      [220, 212, 3, 10],
      [340, 224, 1, 10],
    ]);
  });
});

const threadsHere = wasmSimdSupported() && singleThreadReason(3) === null;

describe.runIf(threadsHere)('wasm kernels on threads', () => {
  let one: Kernels;
  const many: Kernels[] = [];
  beforeAll(async () => {
    setMinimumPartWork(1);
    one = createWasmKernels('simd', 1);
    many.push(createWasmKernels('simd', 2), createWasmKernels('simd', 3));
    for (const kernels of many) await threadsStarted(kernels);
  });
  afterAll(() => setMinimumPartWork(null));

  /** Runs `call` on fresh copies of the same random inputs on each kernels; their outputs. */
  function outputs(sizes: number[], call: (k: Kernels, x: Float32Array[]) => void): Float32Array[] {
    return [one, ...many].map((kernels) => {
      const rng = new Rng(7);
      let offset = kernels.reserve(sizes.reduce((a, b) => a + b, 0));
      const views = sizes.map((size) => {
        const view = kernels.view(offset, size);
        offset += size;
        rng.fillNormal(view, 1);
        return view;
      });
      call(kernels, views);
      return Float32Array.from(views[views.length - 1]);
    });
  }

  function expectIdentical(results: Float32Array[]): void {
    for (const result of results.slice(1)) {
      expect(Buffer.from(result.buffer).equals(Buffer.from(results[0].buffer))).toBe(true);
    }
  }

  it('reports its threads', () => {
    expect(many.map((k) => k.threads)).toEqual([2, 3]);
    expect(one.threads).toBe(1);
  });

  it.each([
    ['gemm', 37, 19, 23],
    ['gemm', 5, 300, 41],
    ['gemmTN', 29, 13, 70],
    ['gemmNT', 66, 9, 17],
  ] as const)('%s of %i×%i by %i: identical on 1, 2 and 3 threads', (kind, m, k, n) => {
    for (const acc of [false, true]) {
      expectIdentical(
        outputs([m * k, k * n, m * n], (kernels, [a, b, c]) =>
          kernels[kind](a, b, c, m, k, n, acc),
        ),
      );
    }
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7])('activation %i forward and backward: identical', (act) => {
    const n = 1001;
    expectIdentical(outputs([n, n], (k, [z, h]) => k.activationForward(act, z, h, n)));
    expectIdentical(
      outputs([n, n, n, n], (k, [z, h, dh, dz]) => {
        k.activationForward(act, z, h, n);
        k.activationBackward(act, z, h, dh, dz, n);
      }),
    );
  });

  it('adds a bias row and normalizes layers identically', () => {
    const [rows, cols] = [43, 29];
    expectIdentical(outputs([rows * cols, cols], (k, [v, x]) => k.addRowVector(x, v, 1, cols)));
    expectIdentical(outputs([cols, rows * cols], (k, [v, x]) => k.addRowVector(x, v, rows, cols)));
    expectIdentical(
      outputs([rows * cols, rows * cols, rows, cols, cols, rows * cols], (k, views) => {
        const [x, xhat, invStd, gamma, beta, out] = views;
        k.layernormForward(x, xhat, out, invStd, gamma, beta, rows, cols, 1e-5);
      }),
    );
  });
});
