/**
 * Loads and stores that the vector loops share: partial vectors for the last 1–3 elements of a
 * row (never touching memory past it), and float32 pairs widened to float64 for the kernels that
 * compute in double precision like the plain-TS backend.
 */

/** The first `count` (0–3) floats at ptr; the other lanes are zero. */
// @ts-ignore: decorator
@inline
export function loadPartial(ptr: usize, count: i32): v128 {
  let v = f32x4.splat(0);
  if (count > 0) v = f32x4.replace_lane(v, 0, load<f32>(ptr));
  if (count > 1) v = f32x4.replace_lane(v, 1, load<f32>(ptr, 4));
  if (count > 2) v = f32x4.replace_lane(v, 2, load<f32>(ptr, 8));
  return v;
}

/** Stores the first `count` (0–3) lanes of v at ptr. */
// @ts-ignore: decorator
@inline
export function storePartial(ptr: usize, v: v128, count: i32): void {
  if (count > 0) store<f32>(ptr, f32x4.extract_lane(v, 0));
  if (count > 1) store<f32>(ptr, f32x4.extract_lane(v, 1), 4);
  if (count > 2) store<f32>(ptr, f32x4.extract_lane(v, 2), 8);
}

/** Two floats at ptr as an f64x2. */
// @ts-ignore: decorator
@inline
export function loadWide(ptr: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(ptr));
}

/** Rounds an f64x2 to two floats at ptr. */
// @ts-ignore: decorator
@inline
export function storeNarrow(ptr: usize, v: v128): void {
  v128.store64_lane(ptr, f32x4.demote_f64x2_zero(v), 0);
}

/** Float offset i as a byte offset. */
// @ts-ignore: decorator
@inline
export function bytes(i: i32): usize {
  return <usize>i << 2;
}
