/**
 * The caller's side of the kernels' threads: one pool of helper threads per thread that owns
 * kernels (the page's engine worker, a Node process), shared by all its threaded kernels
 * instances, and per instance the job control through which its kernels run in parts. How
 * helpers are started is the environment's: the engine worker and Node each provide a spawner.
 */
import {
  ARGS_OFFSET,
  ARGS_PER_PART,
  ATTACHED,
  DONE,
  INSTANCE,
  INSTANCE_CONTROL_BYTES,
  MAX_PARTS,
  OP,
  POOL_SLOTS,
  SCALAR_BYTE_OFFSET,
  SEQ,
  openJob,
  runClaimedParts,
  runPart,
  type HelperInit,
  type HelperMessage,
  type ThreadExports,
  type WasmModuleLike,
} from './protocol';

/** A started helper: where to post its messages. */
export interface HelperHandle {
  postMessage(message: HelperMessage): void;
}
export type HelperSpawner = (init: HelperInit) => HelperHandle;

let spawner: HelperSpawner | null = null;

/** Lets this environment start helper threads (Node's worker_threads, the page's workers). */
export function provideHelperSpawner(spawn: HelperSpawner): void {
  spawner = spawn;
}

/** Why kernels cannot use threads here, or null when they can. */
export function threadsUnavailableReason(): string | null {
  if (typeof SharedArrayBuffer !== 'function') {
    return 'SharedArrayBuffer is unavailable (the page is not cross-origin isolated)';
  }
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  if (isolated === false) return 'the page is not cross-origin isolated';
  if (!spawner) return 'no helper threads can be started here';
  return null;
}

/** Caller-side spin (loads of the done counter) before sleeping on it. */
const SPIN_LOADS = 20_000;

class HelperPool {
  readonly control = new Int32Array(new SharedArrayBuffer(POOL_SLOTS * 4));
  readonly helpers: HelperHandle[] = [];
  private nextInstance = 1;

  /** Starts helpers until there are `count`. */
  ensure(count: number, spawn: HelperSpawner): void {
    while (this.helpers.length < count) {
      this.helpers.push(spawn({ pool: this.control.buffer as SharedArrayBuffer }));
    }
  }

  newInstanceId(): number {
    return this.nextInstance++;
  }
}

let pool: HelperPool | null = null;

const detachOnCollect = new FinalizationRegistry<{ id: number; helpers: HelperHandle[] }>(
  ({ id, helpers }) => {
    for (const helper of helpers) helper.postMessage({ type: 'detach', id });
  },
);

/** One threaded kernels instance's jobs: it runs an op in parts on itself and its helpers. */
export class KernelThreads {
  /** The parts' arguments, ARGS_PER_PART per part: the split functions write them here. */
  readonly args: Int32Array;
  /** The job's float argument. */
  readonly scalar: Float64Array;
  private readonly control: Int32Array;
  private readonly id: number;
  private readonly pool: HelperPool;

  /**
   * `helperCount` helpers are attached to the module instance `exports` (on `memory`), each
   * with its own scratch at `scratch[i]`. They attach asynchronously: until they have, jobs
   * run in fewer parts, or on the caller alone.
   */
  constructor(
    private readonly exports: ThreadExports,
    module: WasmModuleLike,
    memory: unknown,
    scratch: readonly number[],
  ) {
    if (!spawner) throw new Error(`kernel threads: ${threadsUnavailableReason()}`);
    pool ??= new HelperPool();
    pool.ensure(scratch.length, spawner);
    this.pool = pool;
    const buffer = new SharedArrayBuffer(INSTANCE_CONTROL_BYTES);
    this.control = new Int32Array(buffer, 0, ARGS_OFFSET);
    this.args = new Int32Array(buffer, ARGS_OFFSET * 4, MAX_PARTS * ARGS_PER_PART);
    this.scalar = new Float64Array(buffer, SCALAR_BYTE_OFFSET, 1);
    this.id = pool.newInstanceId();
    const helpers = pool.helpers.slice(0, scratch.length);
    helpers.forEach((helper, i) =>
      helper.postMessage({
        type: 'attach',
        id: this.id,
        module,
        memory,
        control: buffer,
        scratch: scratch[i],
      }),
    );
    detachOnCollect.register(this, { id: this.id, helpers });
  }

  /** Threads that can take parts now: the caller and the helpers attached so far. */
  available(): number {
    return 1 + Atomics.load(this.control, ATTACHED);
  }

  /** Runs `parts` parts of `op` (arguments already in `args`) and returns when all are done. */
  run(op: number, parts: number): void {
    if (parts <= 1) {
      runPart(this.exports, op, this.args, this.scalar, 0);
      return;
    }
    const { control } = this;
    Atomics.store(control, OP, op);
    openJob(control, parts);
    const poolControl = this.pool.control;
    Atomics.store(poolControl, INSTANCE, this.id);
    Atomics.add(poolControl, SEQ, 1);
    Atomics.notify(poolControl, SEQ);
    runClaimedParts(this.exports, control, this.args, this.scalar);
    for (let spins = 0; ; spins++) {
      const done = Atomics.load(control, DONE);
      if (done >= parts) return;
      if (spins > SPIN_LOADS) Atomics.wait(control, DONE, done);
    }
  }
}
