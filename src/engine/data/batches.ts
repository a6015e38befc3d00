/**
 * Which training rows the network sees: shuffled epochs of minibatches drawn from the seed, and
 * the fixed monitoring batch. Rows are copied value by value into buffers the caller owns, so
 * drawing a batch allocates nothing.
 */
import { Rng, Streams } from '../rng';
import type { DataSplit } from './dataset';

/** Copies row `source` of `split` into row `target` of (input, labels). */
export function copyRow(
  split: DataSplit,
  dim: number,
  source: number,
  input: Float32Array,
  labels: Float32Array,
  target: number,
): void {
  const from = source * dim;
  const to = target * dim;
  for (let f = 0; f < dim; f++) input[to + f] = split.x[from + f];
  labels[target] = split.y[source];
}

/**
 * Minibatches of shuffled epochs: a permutation of the rows is consumed in order and reshuffled
 * when used up (mid-batch if need be, so every batch is full). The same seed gives the same
 * sequence after reset().
 */
export class BatchSampler {
  private readonly order: Int32Array;
  private rng: Rng;
  private cursor = 0;

  constructor(
    private readonly split: DataSplit,
    private readonly dim: number,
    private readonly seed: number,
  ) {
    this.order = new Int32Array(split.count);
    this.rng = new Rng(seed, Streams.Batches);
    this.reset();
  }

  reset(): void {
    this.rng = new Rng(this.seed, Streams.Batches);
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    this.rng.shuffle(this.order);
    this.cursor = 0;
  }

  /** Writes the next `rows` rows into input (rows × dim) and labels. */
  next(input: Float32Array, labels: Float32Array, rows: number): void {
    const { order } = this;
    for (let r = 0; r < rows; r++) {
      if (this.cursor === order.length) {
        this.rng.shuffle(order);
        this.cursor = 0;
      }
      copyRow(this.split, this.dim, order[this.cursor++], input, labels, r);
    }
  }
}

/** `rows` distinct rows of `split`, drawn once per seed (a partial Fisher–Yates shuffle). */
export function drawFixedBatch(
  split: DataSplit,
  dim: number,
  rows: number,
  seed: number,
): DataSplit {
  const count = Math.min(rows, split.count);
  const pick = new Int32Array(split.count).map((_, i) => i);
  const rng = new Rng(seed, Streams.Monitor);
  const batch: DataSplit = { x: new Float32Array(count * dim), y: new Uint8Array(count), count };
  for (let r = 0; r < count; r++) {
    const j = r + rng.int(split.count - r);
    [pick[r], pick[j]] = [pick[j], pick[r]];
    batch.x.set(split.x.subarray(pick[r] * dim, (pick[r] + 1) * dim), r * dim);
    batch.y[r] = split.y[pick[r]];
  }
  return batch;
}
