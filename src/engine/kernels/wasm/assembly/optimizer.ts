/**
 * One optimizer step (SGD, momentum, Adam) in float64 two parameters at a time, like the TS
 * backend, reporting Σ Δw and Σ Δw² in results[0..1]. Adam's bias corrections 1 − β^t come from
 * the caller so both backends use the same Math.pow. Adam with `decay` > 0 is AdamW: Δw also
 * holds −lr·decay·w (decoupled weight decay), in float64, so w is rounded once.
 */
import { argumentsPtr, setResult } from './layout';
import { bytes, loadWide, storeNarrow } from './lanes';

// Keep in step with OptCode in kernels.ts.
const SGD = 0;
const MOMENTUM = 1;

/** Δw for two parameters at float offset i, writing the new state; w is updated by the caller. */
// @ts-ignore: decorator
@inline
function delta(
  opt: i32, i: usize, g: usize, m: usize, v: usize,
  lr: f64, beta1: f64, beta2: f64, eps: f64, correction1: f64, correction2: f64,
): v128 {
  const gi = loadWide(g + i);
  if (opt == SGD) return f64x2.mul(f64x2.splat(-lr), gi);
  if (opt == MOMENTUM) {
    // m is the velocity: v ← β1·v − lr·g, w ← w + v (unrounded, as in the TS backend).
    const velocity = f64x2.sub(
      f64x2.mul(f64x2.splat(beta1), loadWide(m + i)),
      f64x2.mul(f64x2.splat(lr), gi),
    );
    storeNarrow(m + i, velocity);
    return velocity;
  }
  const m1 = f64x2.add(
    f64x2.mul(f64x2.splat(beta1), loadWide(m + i)),
    f64x2.mul(f64x2.splat(1 - beta1), gi),
  );
  const v1 = f64x2.add(
    f64x2.mul(f64x2.splat(beta2), loadWide(v + i)),
    f64x2.mul(f64x2.mul(f64x2.splat(1 - beta2), gi), gi),
  );
  storeNarrow(m + i, m1);
  storeNarrow(v + i, v1);
  // Read back the stored (rounded) moments, as the TS backend does.
  const mHat = f64x2.div(loadWide(m + i), f64x2.splat(correction1));
  const vHat = f64x2.div(loadWide(v + i), f64x2.splat(correction2));
  const step = f64x2.mul(f64x2.splat(-lr), mHat);
  return f64x2.div(step, f64x2.add(f64x2.sqrt(vHat), f64x2.splat(eps)));
}

/** The same for the odd last parameter (the pair version would touch the next float). */
function scalarDelta(
  opt: i32, i: usize, g: usize, m: usize, v: usize,
  lr: f64, beta1: f64, beta2: f64, eps: f64, correction1: f64, correction2: f64,
): f64 {
  const gi = <f64>load<f32>(g + i);
  if (opt == SGD) return -lr * gi;
  if (opt == MOMENTUM) {
    const velocity = beta1 * <f64>load<f32>(m + i) - lr * gi;
    store<f32>(m + i, <f32>velocity);
    return velocity;
  }
  store<f32>(m + i, <f32>(beta1 * <f64>load<f32>(m + i) + (1 - beta1) * gi));
  store<f32>(v + i, <f32>(beta2 * <f64>load<f32>(v + i) + (1 - beta2) * gi * gi));
  const mHat = <f64>load<f32>(m + i) / correction1;
  const vHat = <f64>load<f32>(v + i) / correction2;
  return (-lr * mHat) / (Math.sqrt(vHat) + eps);
}

// @ts-ignore: decorator
@inline
function run(
  opt: i32, w: usize, g: usize, m: usize, v: usize, n: i32,
  lr: f64, beta1: f64, beta2: f64, eps: f64, correction1: f64, correction2: f64, decay: f64,
): void {
  const shrink = f64x2.splat(lr * decay);
  let sum = f64x2.splat(0);
  let squares = f64x2.splat(0);
  const n2 = n & ~1;
  for (let i = 0; i < n2; i += 2) {
    const o = bytes(i);
    let d = delta(opt, o, g, m, v, lr, beta1, beta2, eps, correction1, correction2);
    if (decay != 0) d = f64x2.sub(d, f64x2.mul(shrink, loadWide(w + o)));
    storeNarrow(w + o, f64x2.add(loadWide(w + o), d));
    sum = f64x2.add(sum, d);
    squares = f64x2.add(squares, f64x2.mul(d, d));
  }
  let total = f64x2.extract_lane(sum, 0) + f64x2.extract_lane(sum, 1);
  let totalSquares = f64x2.extract_lane(squares, 0) + f64x2.extract_lane(squares, 1);
  if (n2 < n) {
    const o = bytes(n2);
    let d = scalarDelta(opt, o, g, m, v, lr, beta1, beta2, eps, correction1, correction2);
    if (decay != 0) d -= lr * decay * <f64>load<f32>(w + o);
    store<f32>(w + o, <f32>(<f64>load<f32>(w + o) + d));
    total += d;
    totalSquares += d * d;
  }
  setResult(0, total);
  setResult(1, totalSquares);
}

/**
 * The step's floats come from the arguments block (layout.ts), in this order: lr, β1, β2, ε,
 * the two bias corrections, decay.
 */
export function optimizerStep(opt: i32, w: usize, g: usize, m: usize, v: usize, n: i32): void {
  const at = argumentsPtr();
  const lr = load<f64>(at);
  const beta1 = load<f64>(at, 8);
  const beta2 = load<f64>(at, 16);
  const eps = load<f64>(at, 24);
  const correction1 = load<f64>(at, 32);
  const correction2 = load<f64>(at, 40);
  const decay = load<f64>(at, 48);
  if (opt == SGD) run(SGD, w, g, m, v, n, lr, beta1, beta2, eps, correction1, correction2, 0);
  else if (opt == MOMENTUM) {
    run(MOMENTUM, w, g, m, v, n, lr, beta1, beta2, eps, correction1, correction2, 0);
  } else run(2, w, g, m, v, n, lr, beta1, beta2, eps, correction1, correction2, decay);
}
