/**
 * Four-lane float32 exp, expm1, sigmoid and tanh for the activations. Errors against Math
 * (float64), measured on a dense grid over ±100 and magnitudes 1e-30…1e3 (kernels.test.ts checks
 * the stated bounds):
 *   exp4     relative error ≤ 2e-7 (measured 8.0e-8) where the result is a normal float32;
 *            +Inf above 88.72, gradual underflow to 0 below −87.3, NaN in → NaN out.
 *   expm1m4  (x ≤ 0) relative error ≤ 5e-7.
 *   tanh4    absolute error ≤ 1e-6 (measured 7.6e-8), relative ≤ 5e-7 (measured 1.4e-7), so
 *            tiny inputs, as with the lecture's small init, keep their precision; exactly ±1 once
 *            |x| ≥ 9.02; NaN → NaN.
 *   sigmoid4 relative error ≤ 5e-7, from e^(−|x|) so it never overflows.
 *
 * Constants are loaded from a table (one broadcast load each) rather than written as v128.const:
 * V8 rebuilds every vector constant inside the loop (three instructions), which made these
 * functions twice as slow. pmin/pmax (one instruction) replace min/max (seven); with the
 * variable first they still carry NaN through.
 */

const TABLE = memory.data<f32>([
  89, -104, 1.44269504, 12582912, // clamp high, clamp low, log2 e, 1.5·2²³ (rounding shifter)
  0.693359375, -2.12194440e-4, 1, 0.5, // ln 2 = C1 + C2 (C1 has 9 significant bits), 1, 1/2
  // Cephes' expf polynomial for e^r − 1 − r, |r| ≤ ln2/2.
  1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1,
  // Odd polynomial tanh x ≈ x + x³·Q(x²) on |x| < 0.625 (weighted least squares, 4e-9 relative).
  -5.704990588e-3, 2.063908987e-2, -5.373971537e-2, 1.333144158e-1, -3.333328068e-1,
  0.625, 10, 2, // where tanh changes method; where it is ±1 for sure; 2
  // Taylor series of (e^x − 1 − x)/x² to x⁵: expm1 on |x| < ln2/2.
  1.984126984e-4, 1.388888889e-3, 8.333333333e-3, 4.166666667e-2, 1.666666667e-1, 0.5,
  0.34657359, // ln2/2
]);
const BIAS_TABLE = memory.data<i32>([127 << 23, 0x4b400000, i32.MIN_VALUE]);

// @ts-ignore: decorator
@inline
function k(index: i32): v128 {
  return v128.load32_splat(TABLE + (<usize>index << 2));
}

/** p·x + c[index]: one Horner step. */
// @ts-ignore: decorator
@inline
function horner(p: v128, x: v128, index: i32): v128 {
  return f32x4.add(f32x4.mul(p, x), k(index));
}

/** e^x. Cody–Waite reduction x = n·ln2 + r, |r| ≤ ln2/2, then e^r by polynomial, times 2^n. */
// @ts-ignore: decorator
@inline
export function exp4(x: v128): v128 {
  // Clamping keeps 2^n within two normal-range factors; pmin/pmax keep a NaN x.
  x = f32x4.pmax(f32x4.pmin(x, k(0)), k(1));
  // Adding 1.5·2²³ rounds x·log2 e to an integer n, held in the low mantissa bits of t.
  const t = f32x4.add(f32x4.mul(x, k(2)), k(3));
  const n = f32x4.sub(t, k(3));
  // n·C1 and x − n·C1 are exact.
  let r = f32x4.sub(x, f32x4.mul(n, k(4)));
  r = f32x4.sub(r, f32x4.mul(n, k(5)));
  const p = horner(horner(horner(horner(horner(k(8), r, 9), r, 10), r, 11), r, 12), r, 13);
  const y = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), k(6));
  // 2^n in two factors, so results that overflow or are subnormal round once, correctly.
  const bits = i32x4.sub(t, v128.load32_splat(BIAS_TABLE, 4));
  const n1 = i32x4.shr_s(bits, 1);
  const bias = v128.load32_splat(BIAS_TABLE);
  const s1 = i32x4.add(i32x4.shl(n1, 23), bias);
  const s2 = i32x4.add(i32x4.shl(i32x4.sub(bits, n1), 23), bias);
  return f32x4.mul(f32x4.mul(y, s1), s2);
}

/** e^x − 1 for x ≤ 0 (ELU): Taylor series near 0, where e^x − 1 would cancel; e^x − 1 beyond. */
// @ts-ignore: decorator
@inline
export function expm1m4(x: v128): v128 {
  const p = horner(horner(horner(horner(horner(k(22), x, 23), x, 24), x, 25), x, 26), x, 27);
  const near = f32x4.add(x, f32x4.mul(f32x4.mul(x, x), p));
  const far = f32x4.sub(exp4(x), k(6));
  return v128.bitselect(near, far, f32x4.lt(f32x4.abs(x), k(28)));
}

/** e^(−|x|), from which σ(x) never overflows. */
// @ts-ignore: decorator
@inline
export function expNegAbs4(x: v128): v128 {
  return exp4(f32x4.neg(f32x4.abs(x)));
}

/** 1/(1 + e). */
// @ts-ignore: decorator
@inline
export function reciprocalOnePlus(e: v128): v128 {
  return f32x4.div(k(6), f32x4.add(k(6), e));
}

/**
 * σ(x) from e = e^(−|x|) and inv = 1/(1 + e): inv for x ≥ 0, e·inv below.
 * (σ(x)·(1 − σ(x)) = e·inv², free of cancellation.)
 */
// @ts-ignore: decorator
@inline
export function sigmoidFrom(x: v128, e: v128, inv: v128): v128 {
  return v128.bitselect(inv, f32x4.mul(e, inv), f32x4.ge(x, f32x4.splat(0)));
}

// @ts-ignore: decorator
@inline
export function sigmoid4(x: v128): v128 {
  const e = expNegAbs4(x);
  return sigmoidFrom(x, e, reciprocalOnePlus(e));
}

/** tanh: the odd polynomial for |x| < 0.625, else 1 − 2/(e^(2|x|) + 1) with the sign of x. */
// @ts-ignore: decorator
@inline
export function tanh4(x: v128): v128 {
  const ax = f32x4.abs(x);
  const t = f32x4.mul(x, x);
  const q = horner(horner(horner(horner(k(14), t, 15), t, 16), t, 17), t, 18);
  const near = f32x4.add(x, f32x4.mul(f32x4.mul(x, t), q));
  // e^20 is finite and 2/(e^20 + 1) is below half an ulp of 1: far is exactly 1 past |x| ≈ 9.
  const e = exp4(f32x4.mul(f32x4.pmin(ax, k(20)), k(21)));
  const magnitude = f32x4.sub(k(6), f32x4.div(k(21), f32x4.add(e, k(6))));
  const far = v128.or(magnitude, v128.and(x, v128.load32_splat(BIAS_TABLE, 8)));
  return v128.bitselect(near, far, f32x4.lt(ax, k(19)));
}
