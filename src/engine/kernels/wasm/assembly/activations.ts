/**
 * Activation functions forward and backward, four values at a time, and maxout. The loops are
 * written once (mapForward, mapBackward) and inlined per activation code, so the optimizer folds
 * the `switch` out of every inner loop. GELU is the tanh form, written as x·σ(2u) (the same
 * function: 0.5·(1 + tanh u) = σ(2u)), which stays accurate where 1 + tanh u would cancel.
 */
import { expNegAbs4, expm1m4, sigmoid4, sigmoidFrom, tanh4 } from './fastmath';
import { bytes, loadPartial, storePartial } from './lanes';

// Keep in step with ActCode, LEAKY_SLOPE and ELU_ALPHA in kernels.ts.
const LINEAR = 0;
const SIGMOID = 1;
const TANH = 2;
const RELU = 3;
const LEAKY_RELU = 4;
const ELU = 5;
const GELU = 6;
const SILU = 7;
const LEAKY_SLOPE: f64 = 0.01;
const ELU_ALPHA: f32 = 1;
/** √(2/π) and the cubic coefficient of GELU's tanh form. */
const GELU_C: f32 = 0.7978845608;
const GELU_K: f32 = 0.044715;

// @ts-ignore: decorator
@inline
function positive(z: v128): v128 {
  return f32x4.gt(z, f32x4.splat(0));
}

/** 0.01·x in float64, rounded once, as the TS backend computes it. */
// @ts-ignore: decorator
@inline
function leaky(x: v128): v128 {
  const slope = f64x2.splat(LEAKY_SLOPE);
  const lo = f64x2.mul(f64x2.promote_low_f32x4(x), slope);
  const hi = f64x2.mul(f64x2.promote_low_f32x4(i64x2.shuffle(x, x, 1, 0)), slope);
  return i64x2.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 2);
}

/** 2u = 2·√(2/π)·(x + 0.044715·x³), the argument of σ in GELU. */
// @ts-ignore: decorator
@inline
function geluArg(x: v128): v128 {
  const k = f32x4.splat(2 * GELU_C * GELU_K);
  return f32x4.mul(x, f32x4.add(f32x4.splat(2 * GELU_C), f32x4.mul(k, f32x4.mul(x, x))));
}

// @ts-ignore: decorator
@inline
function forward(act: i32, z: v128): v128 {
  switch (act) {
    case SIGMOID:
      return sigmoid4(z);
    case TANH:
      return tanh4(z);
    case RELU:
      return v128.and(z, positive(z));
    case LEAKY_RELU:
      return v128.bitselect(z, leaky(z), positive(z));
    case ELU:
      return v128.bitselect(z, f32x4.mul(f32x4.splat(ELU_ALPHA), expm1m4(z)), positive(z));
    case GELU:
      return f32x4.mul(z, sigmoid4(geluArg(z)));
    case SILU:
      return f32x4.mul(z, sigmoid4(z));
    default:
      return z;
  }
}

/** dz = dh·f'(z), from z or h = f(z) as is cheaper. */
// @ts-ignore: decorator
@inline
function backward(act: i32, z: v128, h: v128, dh: v128): v128 {
  const one = f32x4.splat(1);
  switch (act) {
    case SIGMOID:
      return f32x4.mul(f32x4.mul(dh, h), f32x4.sub(one, h));
    case TANH:
      // 1 − h² as (1 − h)(1 + h): exact differences keep saturated units' small gradients.
      return f32x4.mul(dh, f32x4.mul(f32x4.sub(one, h), f32x4.add(one, h)));
    case RELU:
      return v128.and(dh, positive(z));
    case LEAKY_RELU:
      return v128.bitselect(dh, leaky(dh), positive(z));
    case ELU:
      return v128.bitselect(dh, f32x4.mul(dh, f32x4.add(h, f32x4.splat(ELU_ALPHA))), positive(z));
    case GELU: {
      // d/dx x·σ(v) = σ(v) + x·σ(v)(1 − σ(v))·v′, with v = 2u and v′ = 2√(2/π)(1 + 3·0.044715·x²).
      const v = geluArg(z);
      const e = expNegAbs4(v);
      const inv = f32x4.div(one, f32x4.add(one, e));
      const slope = f32x4.mul(f32x4.mul(e, inv), inv);
      const dv = f32x4.add(
        f32x4.splat(2 * GELU_C),
        f32x4.mul(f32x4.splat(6 * GELU_C * GELU_K), f32x4.mul(z, z)),
      );
      const grad = f32x4.add(sigmoidFrom(v, e, inv), f32x4.mul(f32x4.mul(z, slope), dv));
      return f32x4.mul(dh, grad);
    }
    case SILU: {
      const e = expNegAbs4(z);
      const inv = f32x4.div(one, f32x4.add(one, e));
      const slope = f32x4.mul(f32x4.mul(e, inv), inv);
      return f32x4.mul(dh, f32x4.add(sigmoidFrom(z, e, inv), f32x4.mul(z, slope)));
    }
    default:
      return dh;
  }
}

// @ts-ignore: decorator
@inline
function mapForward(act: i32, z: usize, h: usize, n: i32): void {
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = bytes(i);
    v128.store(h + o, forward(act, v128.load(z + o)));
  }
  const o = bytes(n4);
  storePartial(h + o, forward(act, loadPartial(z + o, n - n4)), n - n4);
}

// @ts-ignore: decorator
@inline
function mapBackward(act: i32, z: usize, h: usize, dh: usize, dz: usize, n: i32): void {
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = bytes(i);
    const g = backward(act, v128.load(z + o), v128.load(h + o), v128.load(dh + o));
    v128.store(dz + o, g);
  }
  const o = bytes(n4);
  const rest = n - n4;
  const g = backward(
    act,
    loadPartial(z + o, rest),
    loadPartial(h + o, rest),
    loadPartial(dh + o, rest),
  );
  storePartial(dz + o, g, rest);
}

/** h = f(z) over n values. */
export function activationForward(act: i32, z: usize, h: usize, n: i32): void {
  switch (act) {
    case SIGMOID: mapForward(SIGMOID, z, h, n); break;
    case TANH: mapForward(TANH, z, h, n); break;
    case RELU: mapForward(RELU, z, h, n); break;
    case LEAKY_RELU: mapForward(LEAKY_RELU, z, h, n); break;
    case ELU: mapForward(ELU, z, h, n); break;
    case GELU: mapForward(GELU, z, h, n); break;
    case SILU: mapForward(SILU, z, h, n); break;
    default: if (h != z) memory.copy(h, z, bytes(n));
  }
}

/** dz = dh·f'(z) over n values. */
export function activationBackward(
  act: i32, z: usize, h: usize, dh: usize, dz: usize, n: i32,
): void {
  switch (act) {
    case SIGMOID: mapBackward(SIGMOID, z, h, dh, dz, n); break;
    case TANH: mapBackward(TANH, z, h, dh, dz, n); break;
    case RELU: mapBackward(RELU, z, h, dh, dz, n); break;
    case LEAKY_RELU: mapBackward(LEAKY_RELU, z, h, dh, dz, n); break;
    case ELU: mapBackward(ELU, z, h, dh, dz, n); break;
    case GELU: mapBackward(GELU, z, h, dh, dz, n); break;
    case SILU: mapBackward(SILU, z, h, dh, dz, n); break;
    default: if (dz != dh) memory.copy(dz, dh, bytes(n));
  }
}

/** Maxout of two pieces: z is rows × 2·units, piece a first; ties go to piece a. */
export function maxoutForward(z: usize, h: usize, rows: i32, units: i32): void {
  const u4 = units & ~3;
  const rest = units - u4;
  const half = bytes(units);
  for (let r = 0; r < rows; r++) {
    const za = z + bytes(2 * r * units);
    const hr = h + bytes(r * units);
    for (let u = 0; u < u4; u += 4) {
      const a = v128.load(za + bytes(u));
      const b = v128.load(za + half + bytes(u));
      v128.store(hr + bytes(u), v128.bitselect(a, b, f32x4.ge(a, b)));
    }
    const a = loadPartial(za + bytes(u4), rest);
    const b = loadPartial(za + half + bytes(u4), rest);
    storePartial(hr + bytes(u4), v128.bitselect(a, b, f32x4.ge(a, b)), rest);
  }
}

/** Routes dh to the winning piece of each unit; the other piece gets zero. */
export function maxoutBackward(z: usize, dh: usize, dz: usize, rows: i32, units: i32): void {
  const u4 = units & ~3;
  const rest = units - u4;
  const half = bytes(units);
  for (let r = 0; r < rows; r++) {
    const za = z + bytes(2 * r * units);
    const da = dz + bytes(2 * r * units);
    const dr = dh + bytes(r * units);
    for (let u = 0; u < u4; u += 4) {
      const o = bytes(u);
      const aWins = f32x4.ge(v128.load(za + o), v128.load(za + half + o));
      const g = v128.load(dr + o);
      v128.store(da + o, v128.and(g, aWins));
      v128.store(da + half + o, v128.andnot(g, aWins));
    }
    const o = bytes(u4);
    const aWins = f32x4.ge(loadPartial(za + o, rest), loadPartial(za + half + o, rest));
    const g = loadPartial(dr + o, rest);
    storePartial(da + o, v128.and(g, aWins), rest);
    storePartial(da + half + o, v128.andnot(g, aWins), rest);
  }
}
