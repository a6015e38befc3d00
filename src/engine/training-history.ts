/**
 * What training reports, step by step and over time. The histories stay bounded however long the
 * run: each series keeps at most `capacity` points; when full, neighbouring points merge pairwise
 * (their mean, at the later step) and every later point averages twice as many values. A
 * 30-minute run thus keeps its whole span in view at a resolution that halves now and then.
 */
import type { ActivationName, TrainingConfig } from './config';
import { formatNumber } from './format';
import type { NonFinite } from './network';
import type { Histogram, LayerStats } from './stats';

/**
 * The loss has exploded when it stayed above EXPLOSION_FACTOR × the first step's loss for
 * EXPLOSION_PATIENCE steps in a row: the lecture's "cost > 3× the original cost: break out
 * early", made patient because SGD at a high rate throws single spikes (up to ~20× on the Dead
 * ReLUs demo) that recover, and those spikes are what kill the units the demo shows dying. A run
 * that truly blows up stays up (or reaches NaN, caught at once).
 */
export const EXPLOSION_FACTOR = 3;
export const EXPLOSION_PATIENCE = 10;

export interface Divergence {
  step: number;
  reason: 'non-finite' | 'exploded';
  loss: number;
  /** Where the first NaN/Inf appeared ('update': the optimizer's step); null when exploded. */
  phase: NonFinite['phase'] | 'update' | null;
  /** 1-based hidden layer (depth + 1: output layer) where it began or updates were largest. */
  layer: number;
  learningRate: number;
  optimizer: TrainingConfig['optimizer'];
  /** For the alert: what happened, why, and the fix. */
  message: string;
}

/** The last step's outcome: one object, updated in place (copy what you keep). */
export interface StepResult {
  /** Good steps taken since reset. */
  step: number;
  loss: number;
  accuracy: number;
  diverged: Divergence | null;
}

export interface MonitorOptions {
  /** x-range of the activation histograms; by default fixed at the first monitor after reset. */
  activationRange?: [number, number];
  activationBins?: number;
  /** log10 |∂L/∂h| range of the gradient histograms (default TRAINING_GRADIENT_LOG_RANGE). */
  gradientLogRange?: [number, number];
  gradientBins?: number;
}

export interface MonitorResult {
  step: number;
  /** Loss and accuracy on the monitoring batch. */
  loss: number;
  accuracy: number;
  layers: LayerStats[];
  activationHistograms: Histogram[];
  /** Histograms of log10 |∂L/∂h|. */
  gradientHistograms: Histogram[];
  /** Per hidden layer, per unit (column): the fraction of the batch on which it fires. */
  firing: Float32Array[];
}

export interface Evaluation {
  loss: number;
  accuracy: number;
}

/** The alert's text: what happened, why, and the fix. */
export function divergenceMessage(
  divergence: Omit<Divergence, 'message' | 'optimizer'>,
  depth: number,
  explosionFactor = EXPLOSION_FACTOR,
): string {
  const { step, reason, loss, phase, layer, learningRate } = divergence;
  const where = layer > depth ? 'the output layer' : `layer ${layer}`;
  const what =
    reason === 'exploded'
      ? `the loss exploded to ${formatNumber(loss, 3)}, above ${explosionFactor}× its start for ${EXPLOSION_PATIENCE} steps (largest updates in ${where})`
      : phase === 'update'
        ? `the weight update of ${where} overflowed to NaN or Infinity`
        : phase === 'loss'
          ? 'the loss turned NaN or Infinity'
          : `the ${phase} pass produced NaN or Infinity in ${where}`;
  return `Training diverged${reason === 'non-finite' ? ' (NaN)' : ''} at step ${step}: ${what}. The learning rate ${learningRate} is too high for this network; lower it (try ${learningRate / 10}) and press Reset.`;
}

/** Default points per series: about one per pixel of a wide chart. */
export const SERIES_CAPACITY = 1024;
/** Default histogram snapshots per layer and kind (rows of a ridgeline). */
export const SNAPSHOT_CAPACITY = 64;

/** Rounds up to 1, 2 or 5 times a power of ten, so axis ends are readable. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 5]) if (value <= step * power * (1 + 1e-9)) return step * power;
  return 10 * power;
}

/**
 * The activation histograms' x-range, shared by all layers (and fixed for a whole training run,
 * so the ridgeline's rows compare): the activation's own range when bounded, else up to 5 (3.5 σ
 * of a He-initialized ReLU layer's unit-variance pre-activation), the same for every sane
 * configuration so that A/B overlays line up; a network that explodes gets 3× its largest
 * pre-activation std, capped at 1e38 (float32 holds nothing beyond). Values beyond count as
 * outliers. With residual connections a layer's output x + α·f(x) is not bounded by f: the range
 * is then the linear one, and `largestSpread` the largest output std.
 */
export function activationHistogramRange(
  activation: ActivationName,
  largestSpread: number,
  residual = false,
): [number, number] {
  const reach = Math.min(1e38, Math.max(5, niceCeiling(3 * largestSpread)));
  if (residual) return [-reach, reach];
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
    if (this.count === this.capacity) {
      this.merge();
      // The new point must average as many values as its (now merged) neighbours.
      if (this.pendingCount < this.stride) return;
    }
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
      // Keep the even ones: the first snapshot (the network at initialization) stays.
      this.items = this.items.filter((_, i) => i % 2 === 0);
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
