/**
 * The WebAssembly SIMD backend. Its heap is the module's own memory: the engine's buffers are
 * views of it, so kernels run on them in place (no copying in or out). With more than one thread
 * the memory is shared, and the products and the large passes run in parts on helper threads
 * (./threads); the engine sees the same Kernels either way.
 */
import { MAX_KERNEL_THREADS, type Kernels } from '../kernels';
import { kernelsOn, wasmKernelMethods } from './wasm-kernels';
import { WasmHeap } from './heap';
import {
  bestVariant,
  instantiate,
  instantiateShared,
  threadedBuildLoaded,
  wasmUnavailableReason,
  type WasmExports,
  type WasmVariant,
} from './load';
import { KernelThreads, threadsUnavailableReason } from './threads/pool';
import type { ThreadExports } from './threads/protocol';
import { threadedKernelMethods } from './threads/threaded-kernels';
import { errorMessage } from '../../format';

export type { WasmVariant } from './load';
export { wasmUnavailableReason } from './load';

export { provideHelperSpawner, threadsUnavailableReason } from './threads/pool';

/**
 * Node (CLI, tests): makes the wasm backend available when its build exists. A missing build is
 * not an error (the ts backend needs none; wasmUnavailableReason() then says what to run); any
 * other failure to load it is.
 */
export async function loadBuiltWasm(): Promise<void> {
  try {
    await import('./built');
    await import('./built-threads');
  } catch (error) {
    const message = errorMessage(error);
    if (!message.includes('build/modules')) throw error;
  }
}

/** Whether the wasm backend can be created here: its build is present and SIMD validates. */
export function wasmSimdSupported(): boolean {
  return wasmUnavailableReason() === null;
}

let defaultThreads = 1;

/**
 * How many threads new wasm kernels run on, where threads are available (the CLI's --threads,
 * the page's ?threads=; 1 until set). Where they are not, kernels run on one and say so.
 */
export function setKernelThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_KERNEL_THREADS) {
    throw new RangeError(
      `threads must be a whole number from 1 to ${MAX_KERNEL_THREADS} (got ${threads})`,
    );
  }
  defaultThreads = threads;
}

export function kernelThreads(): number {
  return defaultThreads;
}

/** Why wasm kernels asked for `threads` threads would run on one, or null. */
export function singleThreadReason(threads = defaultThreads): string | null {
  if (threads <= 1) return null;
  if (!threadedBuildLoaded()) return 'the threaded WebAssembly build is not loaded';
  return threadsUnavailableReason();
}

const LINE_BYTES = 64;
const alignLine = (bytes: number) => Math.ceil(bytes / LINE_BYTES) * LINE_BYTES;

/**
 * A new wasm backend with its own memory. `variant` defaults to the fastest this runtime
 * supports (relaxed SIMD where it validates, else standard SIMD); name one to compare them.
 * `threads` above 1 runs it on helper threads too, where this environment has them.
 */
export function createWasmKernels(
  variant: WasmVariant = bestVariant(),
  threads: number = defaultThreads,
): Kernels {
  if (singleThreadReason(threads) !== null) return bindKernels(instantiate(variant), variant);
  const { exports, module, memory } = instantiateShared(variant);
  const wasm = exports as ThreadExports;
  const scratchBytes = alignLine(wasm.scratchBytes());
  const helperScratch = alignLine(wasm.callerOffset());
  const scratch = Array.from({ length: threads - 1 }, (_, i) => helperScratch + i * scratchBytes);
  const base = helperScratch + scratch.length * scratchBytes;
  const heap = new WasmHeap(memory, wasm.resultsOffset(), wasm.argumentsOffset(), base);
  const pool = new KernelThreads(wasm, module, memory, scratch);
  const rowBytes = [0, 0, 0, 4];
  const state = { name: 'wasm' as const, variant, threads, w: wasm, heap, pool, rowBytes };
  const kernels = kernelsOn(threadedKernelMethods, state);
  pools.set(kernels, pool);
  return kernels;
}

const pools = new WeakMap<Kernels, KernelThreads>();

/**
 * Resolves when `kernels` can run on all their threads (helpers start asynchronously; until
 * then calls run in fewer parts), or rejects after `timeoutMs`. Benchmarks wait for it.
 */
export async function threadsStarted(kernels: Kernels, timeoutMs = 30_000): Promise<void> {
  const pool = pools.get(kernels);
  const started = Date.now();
  while (pool && pool.available() < kernels.threads) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`kernel threads: ${pool.available()} of ${kernels.threads} started`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The Kernels interface on one module instance (one thread). */
function bindKernels(
  wasm: WasmExports,
  variant: WasmVariant,
  heap = new WasmHeap(
    wasm.memory,
    wasm.resultsOffset(),
    wasm.argumentsOffset(),
    wasm.callerOffset(),
  ),
): Kernels {
  return kernelsOn(wasmKernelMethods, { name: 'wasm', variant, threads: 1, w: wasm, heap });
}
