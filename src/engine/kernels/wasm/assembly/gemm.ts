/**
 * The three matrix products, C[m×n] (+)= op(A)·op(B), on one blocked driver (GotoBLAS-style):
 * a KC×NC block of B is packed into NR-column panels, an MC×KC block of A into MR-row strips,
 * and a 4×8 register block (8 f32x4 accumulators) runs over each strip × panel pair. Packing
 * makes the inner loop read both operands contiguously whatever their stored layout, and pads
 * partial strips/panels with zeros so one kernel serves every edge. Each operand is described by
 * its strides: element (i, p) of A is at a + 4·(i·rowStride + p·colStride).
 */
import { KC, MC, MR, NC, NR, packAPtr, packBPtr, tilePtr } from './layout';

/** c + a·b; fused (one rounding) in the relaxed-SIMD build where the hardware has FMA. */
// @ts-ignore: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

/** C[m×n] (+)= A[m×k] · B[k×n]. */
export function gemm(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, acc: bool): void {
  product(a, k, 1, b, n, 1, c, n, m, k, n, acc);
}

/** C[m×n] (+)= Aᵀ · B with A stored k×m and B stored k×n. */
export function gemmTN(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, acc: bool): void {
  product(a, 1, m, b, n, 1, c, n, m, k, n, acc);
}

/** C[m×n] (+)= A · Bᵀ with A stored m×k and B stored n×k. */
export function gemmNT(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, acc: bool): void {
  product(a, k, 1, b, 1, k, c, n, m, k, n, acc);
}

/** The products by code, for gemmBlock: 0 = gemm, 1 = gemmTN, 2 = gemmNT. */
const GEMM = 0;
const GEMM_TN = 1;

/**
 * The block C[r0:r1, c0:c1] of product `kind` (see above): the thread pool hands each thread
 * blocks of rows or of columns. Every element is summed in the same order as by the whole
 * product (depth blocks of KC, then the register block), so the parts are bit-identical to it.
 */
export function gemmBlock(
  kind: i32, a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, acc: bool,
  r0: i32, r1: i32, c0: i32, c1: i32,
): void {
  const aRow = kind == GEMM_TN ? 1 : k;
  const aCol = kind == GEMM_TN ? m : 1;
  const bRow = kind == GEMM || kind == GEMM_TN ? n : 1;
  const bCol = kind == GEMM || kind == GEMM_TN ? 1 : k;
  product(
    a + (<usize>(r0 * aRow) << 2), aRow, aCol,
    b + (<usize>(c0 * bCol) << 2), bRow, bCol,
    c + (<usize>(r0 * n + c0) << 2), n, r1 - r0, k, c1 - c0, acc,
  );
}

/** C (+)= op(A)·op(B) for an m×n C whose rows are `cRow` floats apart. */
function product(
  a: usize, aRow: i32, aCol: i32,
  b: usize, bRow: i32, bCol: i32,
  c: usize, cRow: i32, m: i32, k: i32, n: i32, accumulate: bool,
): void {
  if (m <= 0 || n <= 0) return;
  const ldc = <usize>cRow << 2;
  if (k <= 0) {
    if (!accumulate) for (let i = 0; i < m; i++) memory.fill(c + <usize>i * ldc, 0, <usize>n << 2);
    return;
  }
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB(b + ((<usize>pc * bRow + <usize>jc * bCol) << 2), bRow, bCol, kc, nc);
      // Later depth blocks add to what the first one wrote.
      const add = accumulate || pc > 0;
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(a + ((<usize>ic * aRow + <usize>pc * aCol) << 2), aRow, aCol, mc, kc);
        for (let jr = 0; jr < nc; jr += NR) {
          const panel = packBPtr() + (<usize>(jr * kc) << 2);
          const cols = min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const strip = packAPtr() + (<usize>(ir * kc) << 2);
            const tile = c + <usize>(ic + ir) * ldc + (<usize>(jc + jr) << 2);
            kernel(strip, panel, kc, tile, ldc, add, min(MR, mc - ir), cols);
          }
        }
      }
    }
  }
}

/** The register block: C[rows×cols] (+)= strip[kc×4]ᵀ-interleaved · panel[kc×8]. */
function kernel(
  ap: usize, bp: usize, kc: i32, c: usize, ldc: usize, add: bool, rows: i32, cols: i32,
): void {
  let c00 = f32x4.splat(0);
  let c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  // One depth step per iteration: unrolling by two made Binaryen hoist the loads, and V8 then
  // spilled accumulators (30 instead of 40 GFLOP/s).
  const end = bp + (<usize>kc << 5);
  while (bp < end) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let x = v128.load32_splat(ap);
    c00 = madd(x, b0, c00);
    c01 = madd(x, b1, c01);
    x = v128.load32_splat(ap, 4);
    c10 = madd(x, b0, c10);
    c11 = madd(x, b1, c11);
    x = v128.load32_splat(ap, 8);
    c20 = madd(x, b0, c20);
    c21 = madd(x, b1, c21);
    x = v128.load32_splat(ap, 12);
    c30 = madd(x, b0, c30);
    c31 = madd(x, b1, c31);
    ap += 16;
    bp += 32;
  }
  if (rows == MR && cols == NR) {
    writeRow(c, c00, c01, add);
    writeRow(c + ldc, c10, c11, add);
    writeRow(c + 2 * ldc, c20, c21, add);
    writeRow(c + 3 * ldc, c30, c31, add);
    return;
  }
  // Edge block: spill the accumulators, then write only the part inside C.
  const t = tilePtr();
  v128.store(t, c00);
  v128.store(t, c01, 16);
  v128.store(t, c10, 32);
  v128.store(t, c11, 48);
  v128.store(t, c20, 64);
  v128.store(t, c21, 80);
  v128.store(t, c30, 96);
  v128.store(t, c31, 112);
  for (let r = 0; r < rows; r++) {
    const row = c + <usize>r * ldc;
    for (let j = 0; j < cols; j++) {
      const dst = row + (<usize>j << 2);
      const v = load<f32>(t + (<usize>(r * NR + j) << 2));
      store<f32>(dst, add ? load<f32>(dst) + v : v);
    }
  }
}

// @ts-ignore: decorator
@inline
function writeRow(dst: usize, lo: v128, hi: v128, add: bool): void {
  if (add) {
    lo = f32x4.add(v128.load(dst), lo);
    hi = f32x4.add(v128.load(dst, 16), hi);
  }
  v128.store(dst, lo);
  v128.store(dst, hi, 16);
}

/**
 * Packs A[mc×kc] (element (i, p) at a + 4·(i·rs + p·cs)) into MR-row strips, each stored
 * p-major: strip[p·MR + r] = A(ir + r, p). Rows past mc are zero.
 */
function packA(a: usize, rs: i32, cs: i32, mc: i32, kc: i32): void {
  const kc4 = kc & ~3;
  for (let ir = 0; ir < mc; ir += MR) {
    const dst = packAPtr() + (<usize>(ir * kc) << 2);
    const src = a + (<usize>(ir * rs) << 2);
    if (mc - ir >= MR && cs == 1) {
      // Rows are contiguous along p: transpose 4×4 blocks.
      const r1 = src + (<usize>rs << 2);
      const r2 = r1 + (<usize>rs << 2);
      const r3 = r2 + (<usize>rs << 2);
      for (let p = 0; p < kc4; p += 4) {
        const o = <usize>p << 2;
        transpose4(
          v128.load(src + o), v128.load(r1 + o), v128.load(r2 + o), v128.load(r3 + o),
          dst + (o << 2), 16,
        );
      }
      for (let p = kc4; p < kc; p++) {
        const o = <usize>p << 2;
        const d = dst + (o << 2);
        store<f32>(d, load<f32>(src + o));
        store<f32>(d, load<f32>(r1 + o), 4);
        store<f32>(d, load<f32>(r2 + o), 8);
        store<f32>(d, load<f32>(r3 + o), 12);
      }
    } else if (mc - ir >= MR && rs == 1) {
      // Columns are contiguous along i: one vector per p.
      for (let p = 0; p < kc; p++) {
        v128.store(dst + (<usize>p << 4), v128.load(src + (<usize>(p * cs) << 2)));
      }
    } else {
      const rows = min(MR, mc - ir);
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < MR; r++) {
          const v = r < rows ? load<f32>(src + (<usize>(r * rs + p * cs) << 2)) : <f32>0;
          store<f32>(dst + (<usize>(p * MR + r) << 2), v);
        }
      }
    }
  }
}

/**
 * Packs B[kc×nc] (element (p, j) at b + 4·(p·rs + j·cs)) into NR-column panels, each stored
 * p-major: panel[p·NR + j] = B(p, jr + j). Columns past nc are zero.
 */
function packB(b: usize, rs: i32, cs: i32, kc: i32, nc: i32): void {
  const kc4 = kc & ~3;
  for (let jr = 0; jr < nc; jr += NR) {
    const dst = packBPtr() + (<usize>(jr * kc) << 2);
    const src = b + (<usize>(jr * cs) << 2);
    if (nc - jr >= NR && cs == 1) {
      // Rows of B are contiguous along j: two vectors per p.
      for (let p = 0; p < kc; p++) {
        const s = src + (<usize>(p * rs) << 2);
        const d = dst + (<usize>p << 5);
        v128.store(d, v128.load(s));
        v128.store(d, v128.load(s, 16), 16);
      }
    } else if (nc - jr >= NR && rs == 1) {
      // B is stored transposed (columns contiguous along p): transpose two 4×4 blocks per 4 p.
      const stride = <usize>cs << 2;
      for (let p = 0; p < kc4; p += 4) {
        const s = src + (<usize>p << 2);
        const d = dst + (<usize>p << 5);
        transpose4(
          v128.load(s), v128.load(s + stride), v128.load(s + 2 * stride),
          v128.load(s + 3 * stride), d, 32,
        );
        const s4 = s + 4 * stride;
        transpose4(
          v128.load(s4), v128.load(s4 + stride), v128.load(s4 + 2 * stride),
          v128.load(s4 + 3 * stride), d + 16, 32,
        );
      }
      for (let p = kc4; p < kc; p++) {
        for (let j = 0; j < NR; j++) {
          const v = load<f32>(src + (<usize>(j * cs + p) << 2));
          store<f32>(dst + (<usize>(p * NR + j) << 2), v);
        }
      }
    } else {
      const cols = min(NR, nc - jr);
      for (let p = 0; p < kc; p++) {
        for (let j = 0; j < NR; j++) {
          const v = j < cols ? load<f32>(src + (<usize>(p * rs + j * cs) << 2)) : <f32>0;
          store<f32>(dst + (<usize>(p * NR + j) << 2), v);
        }
      }
    }
  }
}

/** Stores the transpose of the 4×4 block with rows r0..r3: column q goes to dst + q·stride. */
// @ts-ignore: decorator
@inline
function transpose4(r0: v128, r1: v128, r2: v128, r3: v128, dst: usize, stride: usize): void {
  const t0 = f32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = f32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t2 = f32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t3 = f32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(dst, f32x4.shuffle(t0, t2, 0, 1, 4, 5));
  v128.store(dst + stride, f32x4.shuffle(t0, t2, 2, 3, 6, 7));
  v128.store(dst + 2 * stride, f32x4.shuffle(t1, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * stride, f32x4.shuffle(t1, t3, 2, 3, 6, 7));
}
