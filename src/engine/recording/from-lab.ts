/**
 * The lab's own runs as recordings (docs/recording-format.md), so a page export opens like a
 * Python one: the probe's single pass, and a training run from what the training view holds.
 * Types only from format.ts: the schemas (zod) stay out of the page's bundle.
 */
import type { NetworkConfig } from '../config';
import { TRAINING_GRADIENT_LOG_RANGE } from '../histogram-ranges';
import type { Histogram, LayerStats } from '../stats';
import type {
  BinDefinition,
  RecordedHistogram,
  RecordedLayerStep,
  RecordedStep,
  Recording,
  RecordingLayer,
} from './format';

/** One hidden layer as the page holds it (store/result-slices/probe.ts LayerView). */
export interface LabLayer {
  stats: LayerStats;
  actHistogram: Histogram | null;
  gradLogHistogram: Histogram | null;
}

export interface ProbeRecordingInput {
  config: NetworkConfig;
  batch: number;
  layers: LabLayer[];
  /** The mean-field prediction per layer (null: none for that layer); null or absent: none. */
  theory?: ({ actStd: number | null; gradStd: number | null } | null)[] | null;
  loss: number | null;
  producerVersion: string;
}

/** JSON has no NaN or ±Infinity (docs/recording-format.md). */
function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The bins a recording defines, each id given once and never redefined. */
class BinBook {
  readonly bins: Record<string, BinDefinition> = {};

  /** The histogram in the format, over bins with the id `base` (or a variant naming its range). */
  histogram(histogram: Histogram | null, base: string): RecordedHistogram | null {
    if (!histogram) return null;
    return {
      bins: this.idOf(histogram, base),
      counts: Array.from(histogram.counts),
      under: histogram.under,
      over: histogram.over,
      non_finite: histogram.nonFinite,
    };
  }

  private idOf(h: Histogram, base: string): string {
    const count = h.counts.length;
    const same = (d: BinDefinition | undefined) =>
      d && d.mode === h.mode && d.low === h.low && d.high === h.high && d.count === count;
    // 'grad:log10abs' means the training bins in every recording (the Python recorder's too);
    // other log bins, as the probe's, get an id of their own.
    const [low, high] = TRAINING_GRADIENT_LOG_RANGE;
    const training = h.low === low && h.high === high && count === 4 * (high - low);
    const canonical = base !== 'grad:log10abs' || training;
    let id = canonical ? base : `${base}[${h.low},${h.high}]x${count}`;
    for (let n = 2; this.bins[id] && !same(this.bins[id]); n++) id = `${base}#${n}`;
    if (!this.bins[id]) {
      const edges = Array.from({ length: count }, (_, i) => h.low + ((h.high - h.low) * i) / count);
      this.bins[id] = { mode: h.mode, low: h.low, high: h.high, count, edges: [...edges, h.high] };
    }
    return id;
  }
}

const layerName = (i: number) => `layer ${i + 1}`;

/** A hidden layer's normalization: batch or layer, whatever its place (config.ts). */
function normOf(config: NetworkConfig, i: number): RecordingLayer['norm'] {
  if (config.batchnorm) return { name: `${layerName(i)}.batchnorm`, kind: 'batchnorm' };
  if (config.layernorm) return { name: `${layerName(i)}.layernorm`, kind: 'layernorm' };
  return null;
}

/** The hidden layers as the lab builds them (src/engine/layer.ts). */
function describeLayers(config: NetworkConfig): RecordingLayer[] {
  // Out × in, as nn.Linear stores it (the lab's own W is in × out), so lab and PyTorch
  // recordings of one network describe it alike; maxout's linear map has two pieces a unit.
  const cols = config.activation === 'maxout' ? 2 * config.width : config.width;
  return Array.from({ length: config.depth }, (_, i) => ({
    name: layerName(i),
    kind: 'dense',
    units: config.width,
    weight: `${layerName(i)}.weight`,
    weight_shape: [cols, i === 0 ? config.inputDim : config.width],
    norm: normOf(config, i),
    activation: config.activation,
    activation_module: null,
  }));
}

/** A layer of a step with nothing known yet: the statistics a source lacks stay null. */
function emptyLayerStep(i: number): RecordedLayerStep {
  return {
    layer: i + 1,
    name: layerName(i),
    preact: null,
    act: null,
    saturated: null,
    dead: null,
    grad_act_std: null,
    grad_w_std: null,
    w_std: null,
    grad_data_ratio: null,
    // A count, never null in the format: 0 where the source did not count.
    non_finite: 0,
    histograms: { act: null, grad: null },
  };
}

function layerStep(i: number, layer: LabLayer, book: BinBook, activation: string) {
  const s = layer.stats;
  const step: RecordedLayerStep = {
    ...emptyLayerStep(i),
    preact: { mean: finite(s.preact.mean), std: finite(s.preact.std) },
    act: { mean: finite(s.act.mean), std: finite(s.act.std) },
    saturated: finite(s.saturated),
    dead: finite(s.dead),
    grad_act_std: finite(s.grad_act_std),
    grad_w_std: finite(s.grad_w_std),
    w_std: finite(s.w_std),
    grad_data_ratio: finite(s.grad_data_ratio),
    non_finite: s.non_finite,
  };
  step.histograms = {
    act: book.histogram(layer.actHistogram, `act:${activation}`),
    grad: book.histogram(layer.gradLogHistogram, 'grad:log10abs'),
  };
  return step;
}

function recordingOf(
  config: Record<string, unknown>,
  network: NetworkConfig,
  producerVersion: string,
  book: BinBook,
  steps: RecordedStep[],
): Recording {
  return {
    format: 'activation-lab-recording',
    version: 1,
    source: 'activation-lab',
    producer: { name: 'activation-lab', version: producerVersion },
    model: { name: null, layers: describeLayers(network), config },
    bins: book.bins,
    steps,
  };
}

/** The probe's forward and backward pass as a recording of one step, step 0. */
export function recordingOfProbe(input: ProbeRecordingInput): Recording {
  const { config, batch, layers, theory, loss } = input;
  const book = new BinBook();
  const recorded = layers.map((layer, i) => {
    const step = layerStep(i, layer, book, config.activation);
    if (!theory) return step;
    const t = theory[i];
    const predicted = t ? { act_std: finite(t.actStd), grad_act_std: finite(t.gradStd) } : null;
    return { ...step, theory: predicted };
  });
  const step: RecordedStep = {
    step: 0,
    loss: finite(loss),
    accuracy: null,
    layers: recorded,
    update_data: {},
  };
  // The batch beside the network, as the exported scripts' CONFIG has it.
  return recordingOf({ ...config, batch }, config, input.producerVersion, book, [step]);
}

/** Points of one series: steps[i] is when values[i] was measured. */
export interface SeriesPoints {
  steps: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** What the training view keeps of a run's history (TrainSeries in src/worker/protocol.ts). */
export interface TrainingSeriesInput {
  loss: SeriesPoints;
  accuracy: SeriesPoints;
  dead: readonly SeriesPoints[];
  saturated: readonly SeriesPoints[];
  updateRatio: readonly SeriesPoints[];
  actSnapshots: readonly (readonly { step: number; histogram: Histogram }[])[];
  gradSnapshots: readonly (readonly { step: number; histogram: Histogram }[])[];
}

export interface TrainingRecordingInput {
  config: NetworkConfig;
  /** The run's settings (optimizer, rates, data set), kept in model.config. */
  training?: Record<string, unknown>;
  series: TrainingSeriesInput | null;
  /** The latest frame: its step and every layer's statistics on the monitoring batch. */
  current: { step: number; layers: LabLayer[] } | null;
  producerVersion: string;
}

function eachPoint(points: SeriesPoints, visit: (step: number, value: number) => void) {
  const count = Math.min(points.steps.length, points.values.length);
  for (let i = 0; i < count; i++) visit(points.steps[i], points.values[i]);
}

/** Steps by number, each built up from the series that have a point there. */
class StepBook {
  private readonly steps = new Map<number, RecordedStep>();
  private readonly layers = new Map<number, Map<number, RecordedLayerStep>>();

  step(k: number): RecordedStep | null {
    if (!Number.isInteger(k) || k < 0) return null;
    let step = this.steps.get(k);
    if (!step) {
      step = { step: k, loss: null, accuracy: null, layers: [], update_data: {} };
      this.steps.set(k, step);
      this.layers.set(k, new Map());
    }
    return step;
  }

  layer(k: number, i: number): RecordedLayerStep | null {
    if (!this.step(k)) return null;
    const layers = this.layers.get(k)!;
    if (!layers.has(i)) layers.set(i, emptyLayerStep(i));
    return layers.get(i)!;
  }

  setLayer(k: number, i: number, layer: RecordedLayerStep): void {
    if (this.step(k)) this.layers.get(k)!.set(i, layer);
  }

  sorted(): RecordedStep[] {
    return [...this.steps.keys()]
      .sort((a, b) => a - b)
      .map((k) => {
        const layers = [...this.layers.get(k)!.entries()].sort(([a], [b]) => a - b);
        return { ...this.steps.get(k)!, layers: layers.map(([, layer]) => layer) };
      });
  }
}

/**
 * Fills the steps from the series. The trainer (src/engine/trainer.ts) puts a training step's
 * loss and update:data at the step count after it (s), the monitor's dead and saturated
 * fractions and histogram snapshots at the count of updates so far; recording step k is the
 * pass that computed update k + 1, so the former go to step s − 1. Long runs' series are
 * downsampled: a point there is a mean over the steps up to it.
 */
function addSeries(book: StepBook, bins: BinBook, series: TrainingSeriesInput, act: string) {
  eachPoint(series.loss, (s, v) => {
    const step = book.step(s - 1);
    if (step) step.loss = finite(v);
  });
  eachPoint(series.accuracy, (s, v) => {
    const step = book.step(s - 1);
    if (step) step.accuracy = v >= 0 && v <= 1 ? v : null;
  });
  series.updateRatio.forEach((points, i) =>
    eachPoint(points, (s, v) => {
      const step = book.step(s - 1);
      if (step) step.update_data[`${layerName(i)}.weight`] = finite(v);
    }),
  );
  for (const key of ['dead', 'saturated'] as const)
    series[key].forEach((points, i) =>
      eachPoint(points, (s, v) => {
        const layer = book.layer(s, i);
        if (layer) layer[key] = v >= 0 && v <= 1 ? v : null;
      }),
    );
  const snapshots = [
    ['act', series.actSnapshots, `act:${act}`],
    ['grad', series.gradSnapshots, 'grad:log10abs'],
  ] as const;
  for (const [key, perLayer, base] of snapshots)
    perLayer.forEach((taken, i) => {
      for (const { step, histogram } of taken) {
        const layer = book.layer(step, i);
        if (layer) layer.histograms[key] = bins.histogram(histogram, base);
      }
    });
}

/**
 * A training run as far as the page holds it: per step, what its series carry (loss, accuracy,
 * update:data, dead and saturated fractions, ridgeline histograms), the other statistics null;
 * the latest frame's step with every statistic. Layer statistics are the monitoring batch's.
 */
export function recordingOfTraining(input: TrainingRecordingInput): Recording {
  const { config, series, current } = input;
  const book = new StepBook();
  const bins = new BinBook();
  if (series) addSeries(book, bins, series, config.activation);
  current?.layers.forEach((layer, i) =>
    book.setLayer(current.step, i, layerStep(i, layer, bins, config.activation)),
  );
  const modelConfig = { ...config, ...(input.training ? { training: input.training } : {}) };
  return recordingOf(modelConfig, config, input.producerVersion, bins, book.sorted());
}
