/**
 * Memory layout of the module. AssemblyScript's own data ends at __heap_base (the stub runtime
 * never allocates: kernels use no GC objects). Above it, in this order:
 *   results  RESULT_SLOTS float64 values the JS side reads through `results()`;
 *   floats   ARGUMENT_SLOTS float64 arguments JS writes for a call (a float passed as a call's
 *            argument is boxed by the JS-to-wasm call: a heap number per argument per call);
 *   scratch  packed matrix panels for the products, reused as column buffers by other kernels;
 *   caller   the engine's buffers, from `callerBase()` up; JS grows the memory to fit them.
 * Every region starts on a 64-byte cache line. In the threaded build every instance on the
 * shared memory needs a scratch of its own: a helper's instance is pointed (`useScratch`) at
 * one that JS keeps for it in the caller's region.
 */

/** Keep in step with RESULT_SLOTS in kernels.ts. */
export const RESULT_SLOTS: usize = 1024;

/** Rows of A and columns of B in one register block of the matrix products. */
export const MR: i32 = 4;
export const NR: i32 = 8;
/** Depth of one packed panel: an MR×KC strip of A and a KC×NR panel of B (8 KiB) stay in L1. */
export const KC: i32 = 256;
/** Rows of A packed at once (MC×KC floats = 128 KiB, in L2). */
export const MC: i32 = 128;
/** Columns of B packed at once (KC×NC floats = 512 KiB, in L2). */
export const NC: i32 = 512;

/** Float64 slots per column-statistics buffer, and how many such buffers fit the scratch. */
export const COLUMN_BLOCK: i32 = 4096;
export const COLUMN_BUFFERS: i32 = 8;

const PACK_A_BYTES: usize = <usize>(MC * KC) << 2;
const PACK_B_BYTES: usize = <usize>(KC * NC) << 2;
/** A 4×8 tile for partial register blocks at the edges of C. */
const TILE_BYTES: usize = <usize>(MR * NR) << 2;
export const SCRATCH_BYTES: usize = PACK_A_BYTES + PACK_B_BYTES + TILE_BYTES;

// @ts-ignore: decorator
@inline
function alignLine(x: usize): usize {
  return (x + 63) & ~(<usize>63);
}

// @ts-ignore: decorator
@inline
export function resultsPtr(): usize {
  return alignLine(__heap_base);
}

/** Float64 arguments of a call, written by JS (the optimizer's seven). */
export const ARGUMENT_SLOTS: usize = 8;

// @ts-ignore: decorator
@inline
export function argumentsPtr(): usize {
  return resultsPtr() + (RESULT_SLOTS << 3);
}

/** Where this instance's scratch starts (a global: each instance on a shared memory has its own). */
let scratch: usize = argumentsPtr() + (ARGUMENT_SLOTS << 3);

/** Points this instance's scratch at `at` (SCRATCH_BYTES, 64-byte aligned, kept for it by JS). */
export function useScratch(at: usize): void {
  scratch = at;
}

// @ts-ignore: decorator
@inline
export function packAPtr(): usize {
  return scratch;
}

// @ts-ignore: decorator
@inline
export function packBPtr(): usize {
  return packAPtr() + PACK_A_BYTES;
}

// @ts-ignore: decorator
@inline
export function tilePtr(): usize {
  return packBPtr() + PACK_B_BYTES;
}

/** The i-th float64 column buffer (COLUMN_BLOCK slots each) inside the scratch. */
// @ts-ignore: decorator
@inline
export function columnBuffer(i: i32): usize {
  return packAPtr() + (<usize>(i * COLUMN_BLOCK) << 3);
}

/** Byte address where the engine's region starts. */
// @ts-ignore: decorator
@inline
export function callerBase(): usize {
  return alignLine(argumentsPtr() + (ARGUMENT_SLOTS << 3) + SCRATCH_BYTES);
}

// @ts-ignore: decorator
@inline
export function setResult(slot: i32, value: f64): void {
  store<f64>(resultsPtr() + (<usize>slot << 3), value);
}
