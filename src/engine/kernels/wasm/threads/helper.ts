/**
 * A helper thread's side of the pool, the same in a page's Web Worker and a Node worker thread:
 * it keeps one instance of the kernels' module per kernels instance it is attached to (all on
 * their shared memories), sleeps on the pool's job counter, and runs the parts it can claim of
 * each job. It sleeps in Atomics.wait, which wakes in tens of microseconds (Atomics.waitAsync
 * took a millisecond and more to resolve in Node 20: the caller had run the parts by then), but
 * only for a while at a time, so attach messages keep arriving between waits.
 */
import {
  ARGS_OFFSET,
  ARGS_PER_PART,
  ATTACHED,
  INSTANCE,
  MAX_PARTS,
  SCALAR_BYTE_OFFSET,
  SEQ,
  runClaimedParts,
  type HelperInit,
  type HelperMessage,
  type ThreadExports,
  type WasmModuleLike,
} from './protocol';

interface Attached {
  exports: ThreadExports;
  control: Int32Array;
  args: Int32Array;
  scalar: Float64Array;
}

/** Instantiates the module on an imported memory (the environment's WebAssembly). */
export type InstantiateOnMemory = (module: WasmModuleLike, memory: unknown) => ThreadExports;

/**
 * Polls for the next job this long (in loads of the job counter) before going to sleep: a
 * forward pass posts its jobs microseconds apart, and a sleeping thread takes tens of
 * microseconds to wake.
 */
const SPIN_LOADS = 20_000;
/** Sleep at most this long (ms) at a time, then let messages in. */
const WAIT_MS = 20;

export function startHelper(
  init: HelperInit,
  instantiate: InstantiateOnMemory,
): (message: HelperMessage) => void {
  const pool = new Int32Array(init.pool);
  const instances = new Map<number, Attached>();

  /** Runs what it can of the current job; false when the job's instance is not attached here. */
  function serveCurrentJob(): boolean {
    const attached = instances.get(Atomics.load(pool, INSTANCE));
    if (!attached) return false;
    runClaimedParts(attached.exports, attached.control, attached.args, attached.scalar);
    return true;
  }

  /** Spins, then sleeps until the job counter moves past `seen` or the wait times out. */
  async function nextJob(seen: number): Promise<void> {
    for (let i = 0; i < SPIN_LOADS; i++) if (Atomics.load(pool, SEQ) !== seen) return;
    if (Atomics.wait(pool, SEQ, seen, WAIT_MS) === 'timed-out') {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  async function serve(): Promise<void> {
    let seen = Atomics.load(pool, SEQ);
    for (;;) {
      await nextJob(seen);
      const now = Atomics.load(pool, SEQ);
      if (now === seen) continue;
      seen = now;
      // Jobs of an instance not attached yet: its attach message is queued behind this loop,
      // whose waits resolve as microtasks while jobs keep coming. Let the message in.
      if (!serveCurrentJob()) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  void serve();

  return (message) => {
    if (message.type === 'detach') {
      instances.delete(message.id);
      return;
    }
    const exports = instantiate(message.module, message.memory);
    exports.useScratch(message.scratch);
    const control = new Int32Array(message.control);
    const args = new Int32Array(message.control, ARGS_OFFSET * 4, MAX_PARTS * ARGS_PER_PART);
    const scalar = new Float64Array(message.control, SCALAR_BYTE_OFFSET, 1);
    instances.set(message.id, { exports, control, args, scalar });
    Atomics.add(control, ATTACHED, 1);
    // A job may be waiting for helpers already.
    serveCurrentJob();
  };
}
