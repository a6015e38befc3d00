/**
 * How a kernel call is cut into parts for the thread pool: each function writes the arguments
 * of every part (ARGS_PER_PART int32 per part) and returns how many parts it wrote. The cuts
 * keep the result bit-identical to one call: a product is cut into blocks of whole rows or
 * whole columns of C (each element still summed in the same order), an elementwise pass at
 * multiples of 16 floats (so only the last part has a SIMD tail, as the whole call had), a
 * row-wise pass between rows. Nothing here allocates: it runs on every kernel call.
 */
import { ARGS_PER_PART, MAX_PARTS } from './protocol';

/** The products' register block (layout.ts): row blocks of MR, column blocks of NR. */
const MR = 4;
const NR = 8;
/** Elementwise parts start on a multiple of this many floats (a cache line, 4 SIMD vectors). */
const ELEMENT_ALIGN = 16;

/** Cuts `total` units into at most `parts` spans of whole `align`-unit blocks; the span length. */
function spanLength(total: number, parts: number, align: number): number {
  const blocks = Math.ceil(total / align);
  return Math.ceil(blocks / Math.min(parts, MAX_PARTS)) * align;
}

/**
 * gemmBlock arguments for C[m×n] (+)= op(A)·op(B) (`kind` 0, 1, 2: gemm, gemmTN, gemmNT) in
 * up to `parts` blocks: of rows when C has at least as many rows as columns, else of columns.
 */
export function splitProduct(
  args: Int32Array,
  parts: number,
  kind: number,
  a: number,
  b: number,
  c: number,
  m: number,
  k: number,
  n: number,
  acc: number,
): number {
  const byRows = m >= n;
  const total = byRows ? m : n;
  const span = spanLength(total, parts, byRows ? MR : NR);
  let written = 0;
  for (let from = 0; from < total; from += span, written++) {
    const to = Math.min(total, from + span);
    const i = written * ARGS_PER_PART;
    args[i] = kind;
    args[i + 1] = a;
    args[i + 2] = b;
    args[i + 3] = c;
    args[i + 4] = m;
    args[i + 5] = k;
    args[i + 6] = n;
    args[i + 7] = acc;
    args[i + 8] = byRows ? from : 0;
    args[i + 9] = byRows ? to : m;
    args[i + 10] = byRows ? 0 : from;
    args[i + 11] = byRows ? n : to;
  }
  return written;
}

/**
 * The parts of a call whose arguments are already in row 0 of `args`: its count argument (at
 * `countSlot`, `total` units) is cut into spans of whole `align`-unit blocks, and each pointer
 * slot in `pointers` moves on by `unitBytes` per unit (one byte count per pointer slot).
 */
export function splitSpan(
  args: Int32Array,
  parts: number,
  total: number,
  align: number,
  countSlot: number,
  pointers: readonly number[],
  unitBytes: readonly number[],
): number {
  const span = spanLength(total, parts, align);
  const count = Math.max(1, Math.ceil(total / span));
  // Backwards, so row 0 is read as the template before it is rewritten.
  for (let part = count - 1; part >= 0; part--) {
    const i = part * ARGS_PER_PART;
    const from = part * span;
    if (part > 0) args.copyWithin(i, 0, ARGS_PER_PART);
    args[i + countSlot] = Math.min(total, from + span) - from;
    for (let p = 0; p < pointers.length; p++) args[i + pointers[p]] += from * unitBytes[p];
  }
  return count;
}

/** Elementwise calls: the pointer slots move 4 bytes per float. */
export const FOUR_BYTES: readonly number[] = [4, 4, 4, 4];
export { ELEMENT_ALIGN };
