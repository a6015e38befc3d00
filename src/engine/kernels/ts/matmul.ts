/**
 * Matrix products in plain TypeScript. The core is C = A·Bᵀ with both operands read along
 * contiguous rows, computed in 4×4 register blocks (16 running sums, 8 loads per 32 flops).
 * The other two products pack their strided operand into that layout first: packing is O(size),
 * the product O(m·k·n), so it pays for itself at every size the engine uses.
 */
export class TsMatmul {
  private packA = new Float32Array(0);
  private packB = new Float32Array(0);

  /** C[m×n] (+)= A[m×k] · B[k×n]. */
  gemm(
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
  ): void {
    const bt = this.transposeInto('b', b, k, n);
    gemmNTCore(a, bt, c, m, k, n, accumulate);
  }

  /** C[m×n] (+)= Aᵀ · B, A stored k×m, B stored k×n. */
  gemmTN(
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
  ): void {
    const at = this.transposeInto('a', a, k, m);
    const bt = this.transposeInto('b', b, k, n);
    gemmNTCore(at, bt, c, m, k, n, accumulate);
  }

  /** C[m×n] (+)= A · Bᵀ, A stored m×k, B stored n×k. */
  gemmNT(
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
  ): void {
    gemmNTCore(a, b, c, m, k, n, accumulate);
  }

  /** Transposes x (rows×cols) into a reusable scratch buffer (grown, never shrunk). */
  private transposeInto(
    which: 'a' | 'b',
    x: Float32Array,
    rows: number,
    cols: number,
  ): Float32Array {
    const size = rows * cols;
    let out = which === 'a' ? this.packA : this.packB;
    if (out.length < size) {
      out = new Float32Array(size);
      if (which === 'a') this.packA = out;
      else this.packB = out;
    }
    transpose(x, out, rows, cols);
    return out;
  }
}

/** out[cols×rows] = xᵀ, in 8×8 tiles to keep both sides in cache. */
export function transpose(x: Float32Array, out: Float32Array, rows: number, cols: number): void {
  const tile = 8;
  for (let r0 = 0; r0 < rows; r0 += tile) {
    const r1 = Math.min(r0 + tile, rows);
    for (let c0 = 0; c0 < cols; c0 += tile) {
      const c1 = Math.min(c0 + tile, cols);
      for (let r = r0; r < r1; r++) {
        const rowBase = r * cols;
        for (let c = c0; c < c1; c++) out[c * rows + r] = x[rowBase + c];
      }
    }
  }
}

/** C[m×n] (+)= A[m×k] · B[n×k]ᵀ. */
function gemmNTCore(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  m: number,
  k: number,
  n: number,
  accumulate: boolean,
): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    for (let j = 0; j < n4; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0;
      let c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0;
      let c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p],
          x1 = a[a1 + p],
          x2 = a[a2 + p],
          x3 = a[a3 + p];
        const y0 = b[b0 + p],
          y1 = b[b1 + p],
          y2 = b[b2 + p],
          y3 = b[b3 + p];
        c00 += x0 * y0;
        c01 += x0 * y1;
        c02 += x0 * y2;
        c03 += x0 * y3;
        c10 += x1 * y0;
        c11 += x1 * y1;
        c12 += x1 * y2;
        c13 += x1 * y3;
        c20 += x2 * y0;
        c21 += x2 * y1;
        c22 += x2 * y2;
        c23 += x2 * y3;
        c30 += x3 * y0;
        c31 += x3 * y1;
        c32 += x3 * y2;
        c33 += x3 * y3;
      }
      const r0 = i * n + j;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      if (accumulate) {
        c[r0] += c00;
        c[r0 + 1] += c01;
        c[r0 + 2] += c02;
        c[r0 + 3] += c03;
        c[r1] += c10;
        c[r1 + 1] += c11;
        c[r1 + 2] += c12;
        c[r1 + 3] += c13;
        c[r2] += c20;
        c[r2 + 1] += c21;
        c[r2 + 2] += c22;
        c[r2 + 3] += c23;
        c[r3] += c30;
        c[r3 + 1] += c31;
        c[r3 + 2] += c32;
        c[r3 + 3] += c33;
      } else {
        c[r0] = c00;
        c[r0 + 1] = c01;
        c[r0 + 2] = c02;
        c[r0 + 3] = c03;
        c[r1] = c10;
        c[r1 + 1] = c11;
        c[r1 + 2] = c12;
        c[r1 + 3] = c13;
        c[r2] = c20;
        c[r2 + 1] = c21;
        c[r2 + 2] = c22;
        c[r2 + 3] = c23;
        c[r3] = c30;
        c[r3 + 1] = c31;
        c[r3 + 2] = c32;
        c[r3 + 3] = c33;
      }
    }
    for (let j = n4; j < n; j++) {
      for (let r = i; r < i + 4; r++) dotInto(a, b, c, r, j, k, n, accumulate);
    }
  }
  for (let i = m4; i < m; i++) {
    for (let j = 0; j < n; j++) dotInto(a, b, c, i, j, k, n, accumulate);
  }
}

/** The edge case: one entry of C as a plain dot product. */
function dotInto(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  i: number,
  j: number,
  k: number,
  n: number,
  accumulate: boolean,
): void {
  const ai = i * k;
  const bj = j * k;
  let sum = 0;
  for (let p = 0; p < k; p++) sum += a[ai + p] * b[bj + p];
  c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
}
