/**
 * The wasm backend's heap: the module's memory, on which the engine's buffers are views. It
 * grows the memory on `reserve` (which replaces an unshared memory's ArrayBuffer: views and
 * `results()` are then made anew) and turns views into the byte addresses kernels take.
 */
import { RESULT_SLOTS } from '../kernels';
import type { WasmMemory } from './load';

const PAGE_BYTES = 65536;
/** Keep in step with ARGUMENT_SLOTS in assembly/layout.ts. */
const ARGUMENT_SLOTS = 8;

export class WasmHeap {
  private buffer: ArrayBuffer;
  private resultsView = new Float64Array(0);
  private argumentsView = new Float64Array(0);

  /**
   * `resultsBytes`: where the module writes its scalar results; `baseBytes`: where the engine's
   * region starts (above the module's data, results and scratch, and the helpers' scratch).
   */
  constructor(
    private readonly memory: WasmMemory,
    private readonly resultsBytes: number,
    private readonly argumentsBytes: number,
    readonly baseBytes: number,
  ) {
    this.buffer = memory.buffer;
    // The scratch below the caller's region must exist before the first kernel runs.
    this.grow(baseBytes);
  }

  /** The byte address of a heap view, refusing views of another heap or of a replaced buffer. */
  ptr(x: Float32Array): number {
    if (x.buffer !== this.buffer) {
      throw new Error('wasm kernels: array is not a view of the current heap (use kernels.view)');
    }
    return x.byteOffset;
  }

  grow(bytes: number): void {
    const { memory } = this;
    const have = memory.buffer.byteLength;
    if (have < bytes) {
      try {
        memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
      } catch (error) {
        const mib = Math.ceil(bytes / 2 ** 20);
        throw new RangeError(`wasm kernels: cannot grow the heap to ${mib} MiB (${error})`);
      }
    }
    if (memory.buffer !== this.buffer || this.resultsView.length === 0) {
      this.buffer = memory.buffer;
      this.resultsView = new Float64Array(this.buffer, this.resultsBytes, RESULT_SLOTS);
      this.argumentsView = new Float64Array(this.buffer, this.argumentsBytes, ARGUMENT_SLOTS);
    }
  }

  view(offset: number, length: number): Float32Array {
    if (offset < this.baseBytes / 4 || (offset + length) * 4 > this.buffer.byteLength) {
      throw new RangeError(
        `wasm kernels: view [${offset}, ${offset + length}) is outside the reserved region ` +
          `(it starts at the offset reserve() returned, ${this.baseBytes / 4})`,
      );
    }
    return new Float32Array(this.buffer, offset * 4, length);
  }

  results(): Float64Array {
    return this.resultsView;
  }

  /** The module's float64 arguments block (assembly/layout.ts). */
  floatArguments(): Float64Array {
    return this.argumentsView;
  }
}
