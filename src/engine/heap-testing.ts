/**
 * Test helper (Node only): how many bytes a function allocates per call, counted as allocated,
 * not as kept. A heap reading after a collection only sees what survives, so a step that makes
 * 2 KiB of garbage would look clean; here no collection may run inside the measured window, and
 * the young generation's growth (plus array-buffer backing stores, which live outside the JS
 * heap) is exactly what the calls allocated. The array-buffer count is per process: vitest's
 * default pool (forks) runs each test file in a process of its own.
 */
import { GCProfiler, getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'vitest';

export interface Allocation {
  /** Bytes allocated per call, the measurement's own allocations subtracted. */
  bytesPerCall: number;
  /** Collections inside the window; any makes the figure meaningless (and means garbage). */
  collections: number;
}

/** The real collector (Node can switch --expose-gc on at run time, as vitest.config.ts does too). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Bytes in the young generation and in array-buffer stores; only a collection lowers them. */
function youngBytes(): number {
  let bytes = process.memoryUsage().arrayBuffers;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space') {
      bytes += space.space_used_size;
    }
  }
  return bytes;
}

function measureWindow(run: () => void, calls: number): { bytes: number; collections: number } {
  // Start from an empty young generation, so the window's allocations fit without a scavenge.
  // The second collection first finishes the sweep the first one started in the background, which
  // would otherwise free array buffers inside the window and hide the ones allocated there.
  const gc = collector();
  gc();
  gc();
  const profiler = new GCProfiler();
  profiler.start();
  const before = youngBytes();
  for (let i = 0; i < calls; i++) run();
  const after = youngBytes();
  const collections = profiler.stop().statistics.length;
  return { bytes: after - before, collections };
}

/**
 * Bytes `run` allocates per call over `calls` calls: the least of three windows without a
 * collection (JIT tier-ups only add to a window). Warm `run` up first: the JIT's first tiers box
 * numbers that optimized code keeps unboxed.
 */
export function allocationPerCall(run: () => void, calls = 100): Allocation {
  const idle = measureWindow(() => {}, calls);
  let best = { bytes: Infinity, collections: Infinity };
  for (let i = 0; i < 3; i++) {
    const busy = measureWindow(run, calls);
    if (
      busy.collections < best.collections ||
      (busy.collections === best.collections && busy.bytes < best.bytes)
    )
      best = busy;
  }
  return { bytesPerCall: (best.bytes - idle.bytes) / calls, collections: best.collections };
}

/** Keeps the positive controls' garbage observable, so the JIT cannot remove the allocation. */
const garbageSink: unknown[] = [null];

/**
 * The mutation the allocation tests must catch: about `bytes` of garbage, as a JS array (on the
 * heap) or as a Float32Array (its store outside the heap, like a scratch buffer in a kernel).
 */
export function makeGarbage(bytes: number, kind: 'array' | 'float32'): void {
  garbageSink[0] = kind === 'array' ? new Array(bytes / 8).fill(0.5) : new Float32Array(bytes / 4);
}

/**
 * Per training step: a few boxed numbers pass (measured under vitest: probe step ~130 bytes on
 * ts, ~0 on wasm; trainer step ~420 on ts, ~270 on wasm), half the garbage it must catch does not.
 */
export const STEP_BYTES_LIMIT = 1024;

/**
 * A warmed-up step allocates no buffer: under STEP_BYTES_LIMIT bytes. The positive controls run
 * the same measurement on the step plus the mutation it must catch (2 KiB of garbage per step,
 * on the JS heap or in an array buffer) and fail unless it sees them.
 */
export function expectStepAllocatesNoBuffers(step: () => void): void {
  const clean = allocationPerCall(step);
  expect(clean.collections, 'collections during the clean steps').toBe(0);
  expect(clean.bytesPerCall, 'bytes allocated per step').toBeLessThan(STEP_BYTES_LIMIT);
  for (const kind of ['array', 'float32'] as const) {
    const leaky = allocationPerCall(() => {
      step();
      makeGarbage(2048, kind);
    });
    expect(leaky.collections, `collections, control ${kind}`).toBe(0);
    expect(leaky.bytesPerCall, `bytes per step, control ${kind}`).toBeGreaterThanOrEqual(2048);
  }
}
