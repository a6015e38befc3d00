/**
 * What the training views draw over time, in bounded memory however long the run: each series
 * keeps at most `capacity` points; when full, neighbouring points merge pairwise (their mean, at
 * the later step) and every later point averages twice as many values. A 30-minute run thus keeps
 * its whole span in view at a resolution that halves now and then, never growing.
 */
import type { ActivationName } from './config';
import type { Histogram } from './stats';

/** Default points per series: about one per pixel of a wide chart. */
export const SERIES_CAPACITY = 1024;
/** Default histogram snapshots per layer and kind (rows of a ridgeline). */
export const SNAPSHOT_CAPACITY = 64;

/** Bins of the activation histograms. */
export const ACTIVATION_BINS = 50;
/** log10 |∂L/∂h| from 1e-12 to 1e2, four bins a decade: training gradients span many decades. */
export const GRADIENT_LOG_RANGE: [number, number] = [-12, 2];

/** Rounds up to 1, 2 or 5 times a power of ten, so axis ends are readable. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 5]) if (value <= step * power * (1 + 1e-9)) return step * power;
  return 10 * power;
}

/**
 * The activation histograms' x-range, fixed for a whole run so the ridgeline's rows compare: the
 * activation's own range when bounded, else up to 3× the largest pre-activation std (measured
 * once, at the start); values beyond count as outliers.
 */
export function activationHistogramRange(
  activation: ActivationName,
  largestPreactStd: number,
): [number, number] {
  const reach = niceCeiling(3 * largestPreactStd);
  const low: Record<ActivationName, number> = {
    tanh: -1,
    sigmoid: 0,
    relu: 0,
    'leaky-relu': -reach / 10,
    elu: -1,
    gelu: -0.5,
    silu: -0.5,
    linear: -reach,
    maxout: -reach,
  };
  const high = activation === 'tanh' || activation === 'sigmoid' ? 1 : reach;
  return [low[activation], high];
}

export interface SeriesData {
  steps: Float64Array;
  values: Float32Array;
}

export class DownsampledSeries {
  private readonly steps: Float64Array;
  private readonly values: Float32Array;
  private count = 0;
  /** Values each stored point averages (doubles on each merge). */
  private stride = 1;
  private pendingSum = 0;
  private pendingCount = 0;
  /** Bumped on every merge or clear, so a reader sending deltas knows to resend. */
  revision = 0;

  constructor(readonly capacity = SERIES_CAPACITY) {
    if (capacity < 2 || capacity % 2 !== 0) throw new Error('capacity must be even and ≥ 2');
    this.steps = new Float64Array(capacity);
    this.values = new Float32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Adds the value at `step`; non-finite values are skipped (the last good curve stays). */
  push(step: number, value: number): void {
    if (!Number.isFinite(value)) return;
    this.pendingSum += value;
    this.pendingCount++;
    if (this.pendingCount < this.stride) return;
    if (this.count === this.capacity) this.merge();
    this.steps[this.count] = step;
    this.values[this.count] = this.pendingSum / this.pendingCount;
    this.count++;
    this.pendingSum = 0;
    this.pendingCount = 0;
  }

  private merge(): void {
    const half = this.capacity / 2;
    for (let i = 0; i < half; i++) {
      this.steps[i] = this.steps[2 * i + 1];
      this.values[i] = (this.values[2 * i] + this.values[2 * i + 1]) / 2;
    }
    this.count = half;
    this.stride *= 2;
    this.revision++;
  }

  clear(): void {
    this.count = 0;
    this.stride = 1;
    this.pendingSum = 0;
    this.pendingCount = 0;
    this.revision++;
  }

  /** The most recent stored value, or NaN. */
  last(): number {
    return this.count > 0 ? this.values[this.count - 1] : NaN;
  }

  /** A copy of the points from index `from` on (transferable to the page). */
  data(from = 0): SeriesData {
    const start = Math.min(from, this.count);
    return {
      steps: this.steps.slice(start, this.count),
      values: this.values.slice(start, this.count),
    };
  }
}

export interface Snapshot<T> {
  step: number;
  value: T;
}

/**
 * Snapshots taken at least `interval` steps apart; when full, every other one is dropped and the
 * interval doubles, so the snapshots stay spread over the whole run.
 */
export class SnapshotSeries<T> {
  private items: Snapshot<T>[] = [];
  private interval: number;

  constructor(
    readonly capacity = SNAPSHOT_CAPACITY,
    private readonly initialInterval = 1,
  ) {
    this.interval = initialInterval;
  }

  /** Keeps `value` when `step` is far enough from the last snapshot; returns whether it did. */
  offer(step: number, value: T): boolean {
    const last = this.items[this.items.length - 1];
    if (last && step - last.step < this.interval) return false;
    if (this.items.length === this.capacity) {
      this.items = this.items.filter((_, i) => i % 2 === 1);
      this.interval *= 2;
    }
    this.items.push({ step, value });
    return true;
  }

  get snapshots(): readonly Snapshot<T>[] {
    return this.items;
  }

  clear(): void {
    this.items = [];
    this.interval = this.initialInterval;
  }
}

/** Per hidden layer, what the time-series charts draw. */
export interface LayerHistory {
  dead: DownsampledSeries;
  saturated: DownsampledSeries;
  /** std(ΔW)/std(W) of each step (the lecture's ~1e-3 rule). */
  updateRatio: DownsampledSeries;
  activations: SnapshotSeries<Histogram>;
  gradients: SnapshotSeries<Histogram>;
}

export class TrainingHistory {
  readonly loss: DownsampledSeries;
  readonly accuracy: DownsampledSeries;
  readonly validationLoss: DownsampledSeries;
  readonly validationAccuracy: DownsampledSeries;
  readonly layers: LayerHistory[];

  constructor(depth: number, capacity = SERIES_CAPACITY, snapshots = SNAPSHOT_CAPACITY) {
    this.loss = new DownsampledSeries(capacity);
    this.accuracy = new DownsampledSeries(capacity);
    this.validationLoss = new DownsampledSeries(capacity);
    this.validationAccuracy = new DownsampledSeries(capacity);
    this.layers = Array.from({ length: depth }, () => ({
      dead: new DownsampledSeries(capacity),
      saturated: new DownsampledSeries(capacity),
      updateRatio: new DownsampledSeries(capacity),
      activations: new SnapshotSeries<Histogram>(snapshots),
      gradients: new SnapshotSeries<Histogram>(snapshots),
    }));
  }

  clear(): void {
    for (const series of [this.loss, this.accuracy, this.validationLoss, this.validationAccuracy])
      series.clear();
    for (const layer of this.layers) {
      layer.dead.clear();
      layer.saturated.clear();
      layer.updateRatio.clear();
      layer.activations.clear();
      layer.gradients.clear();
    }
  }
}
