/**
 * What the kernels' caller and its helper threads share: the control blocks (Int32Array views of
 * SharedArrayBuffers), the operations a helper can run, and the messages that attach a helper to
 * a kernels instance. The scheme (see docs/decisions.md, "Threads"):
 *   pool control      one per owning thread: SEQ counts jobs, INSTANCE says whose job it is;
 *   instance control  one per kernels instance: the job's op, a claim word that caller and
 *                     helpers claim parts from (Atomics.add), a done counter the caller waits
 *                     on, the parts' arguments (int32 rows: addresses and sizes) and the job's
 *                     one float argument (float64). Integers, not float64 rows, so a part's
 *                     call allocates nothing even before the JIT has optimized it.
 * The claim word holds the part count above bit 16 and the next part below: a claim decodes
 * both from the one value it got, so a late claim on a finished job can never be read against
 * the next job's part count. A valid claim pins the job: the caller waits for its part.
 * Parts are claimed, not assigned: a helper that is slow to wake costs nothing, the caller runs
 * the parts nobody took. Every part writes its own block of the output, so the result does not
 * depend on who ran which part.
 */
import { MAX_KERNEL_THREADS } from '../../kernels';
import type { WasmExports } from '../load';

/** Pool control slots. */
export const SEQ = 0;
export const INSTANCE = 1;
export const POOL_SLOTS = 2;

/** Instance control slots (Int32): the job's slots, then the parts' arguments from ARGS_OFFSET. */
export const CLAIM = 0;
export const DONE = 1;
export const OP = 3;
export const PART_BITS = 16;
/** Helpers that have instantiated the module on this instance's memory. */
export const ATTACHED = 4;
export const ARGS_OFFSET = 8;
/** Arguments per part (the longest kernel signature, gemmBlock's) and parts per job. */
export const ARGS_PER_PART = 12;
export const MAX_PARTS = MAX_KERNEL_THREADS;
/** The job's float argument (a float64) after the arguments. */
export const SCALAR_BYTE_OFFSET = (ARGS_OFFSET + MAX_PARTS * ARGS_PER_PART) * 4;
export const INSTANCE_CONTROL_BYTES = SCALAR_BYTE_OFFSET + 8;

/** The operations a job can split. */
export const Op = {
  GemmBlock: 0,
  ActivationForward: 1,
  ActivationBackward: 2,
  AddRowVector: 3,
  LayernormForward: 4,
} as const;

/** The exports a part calls: the module's kernels plus the threaded build's additions. */
export interface ThreadExports extends WasmExports {
  gemmBlock(
    kind: number,
    a: number,
    b: number,
    c: number,
    m: number,
    k: number,
    n: number,
    acc: number,
    r0: number,
    r1: number,
    c0: number,
    c1: number,
  ): void;
  useScratch(at: number): void;
  scratchBytes(): number;
}

/** Runs part `part` of the job whose arguments are `args` (ARGS_PER_PART per part). */
export function runPart(
  w: ThreadExports,
  op: number,
  args: Int32Array,
  scalar: Float64Array,
  part: number,
): void {
  const i = part * ARGS_PER_PART;
  switch (op) {
    case Op.GemmBlock:
      w.gemmBlock(
        args[i],
        args[i + 1],
        args[i + 2],
        args[i + 3],
        args[i + 4],
        args[i + 5],
        args[i + 6],
        args[i + 7],
        args[i + 8],
        args[i + 9],
        args[i + 10],
        args[i + 11],
      );
      return;
    case Op.ActivationForward:
      w.activationForward(args[i], args[i + 1], args[i + 2], args[i + 3]);
      return;
    case Op.ActivationBackward:
      w.activationBackward(
        args[i],
        args[i + 1],
        args[i + 2],
        args[i + 3],
        args[i + 4],
        args[i + 5],
      );
      return;
    case Op.AddRowVector:
      w.addRowVector(args[i], args[i + 1], args[i + 2], args[i + 3]);
      return;
    case Op.LayernormForward:
      w.layernormForward(
        args[i],
        args[i + 1],
        args[i + 2],
        args[i + 3],
        args[i + 4],
        args[i + 5],
        args[i + 6],
        args[i + 7],
        scalar[0],
      );
      return;
    default:
      throw new Error(`kernel threads: unknown operation ${op}`);
  }
}

/** Opens a job of `parts` parts (arguments and op already written) for claiming. */
export function openJob(control: Int32Array, parts: number): void {
  Atomics.store(control, DONE, 0);
  Atomics.store(control, CLAIM, parts << PART_BITS);
}

/** Claims and runs parts of `control`'s current job until none is left. */
export function runClaimedParts(
  w: ThreadExports,
  control: Int32Array,
  args: Int32Array,
  scalar: Float64Array,
): void {
  for (;;) {
    const claim = Atomics.add(control, CLAIM, 1);
    const parts = claim >>> PART_BITS;
    const part = claim & ((1 << PART_BITS) - 1);
    if (part >= parts) return;
    runPart(w, Atomics.load(control, OP), args, scalar, part);
    if (Atomics.add(control, DONE, 1) + 1 === parts) Atomics.notify(control, DONE);
  }
}

/** The memory and module a helper instantiates, as the page's and Node's workers both pass them. */
export interface WasmModuleLike {
  readonly __brand?: 'WebAssembly.Module';
}

/** Caller → helper: instantiate `module` on `memory` for instance `id`, with scratch at `scratch`. */
export interface AttachMessage {
  type: 'attach';
  id: number;
  module: WasmModuleLike;
  memory: unknown;
  control: SharedArrayBuffer;
  scratch: number;
}
/** Caller → helper: forget instance `id` (its kernels were garbage-collected). */
export interface DetachMessage {
  type: 'detach';
  id: number;
}
export type HelperMessage = AttachMessage | DetachMessage;

/** What a helper is started with. */
export interface HelperInit {
  pool: SharedArrayBuffer;
}
