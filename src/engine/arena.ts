/**
 * Buffers for one network, laid out back to back in the backend's heap. Sizes are requested
 * first and the heap is reserved once (`commit`), so growing the heap (which may replace the
 * underlying memory) happens before any view is handed out.
 */
import type { Kernels } from './kernels/kernels';

export interface Buffer {
  readonly length: number;
  /** Valid after the arena is committed. */
  data: Float32Array;
}

interface Slot extends Buffer {
  offset: number;
}

/** 16-byte alignment lets SIMD kernels load whole vectors. */
const ALIGN_FLOATS = 4;

export class Arena {
  private slots: Slot[] = [];
  private floats = 0;
  private committed = false;

  constructor(private readonly kernels: Kernels) {}

  alloc(length: number): Buffer {
    if (this.committed) throw new Error('arena already committed');
    const slot: Slot = { offset: this.floats, length, data: new Float32Array(0) };
    this.floats += Math.ceil(length / ALIGN_FLOATS) * ALIGN_FLOATS;
    this.slots.push(slot);
    return slot;
  }

  /** Reserves the heap and makes every buffer's view, zero-filled. */
  commit(): void {
    const base = this.kernels.reserve(this.floats);
    for (const slot of this.slots) {
      slot.data = this.kernels.view(base + slot.offset, slot.length);
      slot.data.fill(0);
    }
    this.committed = true;
  }

  get totalFloats(): number {
    return this.floats;
  }
}
