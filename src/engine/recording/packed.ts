/**
 * A recording packed into columns of typed arrays, as the worker hands it to the page: a
 * 100-layer × 1,000-step recording is some 200,000 small objects, and copying those between
 * threads took about a second of the page's main thread (docs/decisions.md); typed arrays are
 * transferred instead, and read back here one value or one histogram at a time.
 * Layout: a statistic of layer l (its place in model.layers) at step s (its place in steps) is at
 * l·S + s; a histogram of kind k (0 outputs, 1 gradients) at (k·L + l)·S + s. NaN is "null".
 */
import { STATISTIC_COLUMNS } from '../statistic-names';
import type { BinDefinition, RecordedLayerStep, Recording, RecordingHeader } from './format';

export const STAT_KEYS = [...STATISTIC_COLUMNS, 'theory_act_std', 'theory_grad_act_std'] as const;
export type StatKey = (typeof STAT_KEYS)[number];
export type HistogramKind = 'act' | 'grad';

export interface PackedRecording {
  header: RecordingHeader;
  layerCount: number;
  stepCount: number;
  /** The optimizer step each recorded step is. */
  stepNumbers: Float64Array;
  loss: Float64Array;
  accuracy: Float64Array;
  /** Weight names (keys of the steps' update_data) and their ratios, at w·S + s. */
  weights: string[];
  updateData: Float64Array;
  /** 1 where layer l was recorded at step s. */
  present: Uint8Array;
  stats: Record<StatKey, Float64Array>;
  histograms: {
    binIds: string[];
    /** Index into binIds, −1: no histogram. */
    bin: Int32Array;
    offset: Int32Array;
    under: Uint32Array;
    over: Uint32Array;
    nonFinite: Uint32Array;
    counts: Uint32Array;
  };
}

const KINDS: HistogramKind[] = ['act', 'grad'];
const orNaN = (value: number | null | undefined) => value ?? NaN;

function statValues(row: RecordedLayerStep): Record<StatKey, number | null | undefined> {
  return {
    preact_mean: row.preact?.mean,
    preact_std: row.preact?.std,
    act_mean: row.act?.mean,
    act_std: row.act?.std,
    saturated: row.saturated,
    dead: row.dead,
    grad_act_std: row.grad_act_std,
    grad_w_std: row.grad_w_std,
    w_std: row.w_std,
    grad_data_ratio: row.grad_data_ratio,
    non_finite: row.non_finite,
    theory_act_std: row.theory?.act_std,
    theory_grad_act_std: row.theory?.grad_act_std,
  };
}

function packHistograms(recording: Recording, place: Map<string, number>) {
  const L = recording.model.layers.length;
  const S = recording.steps.length;
  const slots = 2 * L * S;
  const binIds = Object.keys(recording.bins);
  const binIndex = new Map(binIds.map((id, i) => [id, i]));
  const bin = new Int32Array(slots).fill(-1);
  const offset = new Int32Array(slots);
  const under = new Uint32Array(slots);
  const over = new Uint32Array(slots);
  const nonFinite = new Uint32Array(slots);
  let total = 0;
  for (const step of recording.steps)
    for (const row of step.layers)
      for (const kind of KINDS) total += row.histograms[kind]?.counts.length ?? 0;
  const counts = new Uint32Array(total);
  let next = 0;
  recording.steps.forEach((step, s) => {
    for (const row of step.layers) {
      const l = place.get(row.name)!;
      KINDS.forEach((kind, k) => {
        const histogram = row.histograms[kind];
        if (!histogram) return;
        const i = (k * L + l) * S + s;
        bin[i] = binIndex.get(histogram.bins)!;
        offset[i] = next;
        under[i] = histogram.under;
        over[i] = histogram.over;
        nonFinite[i] = histogram.non_finite;
        counts.set(histogram.counts, next);
        next += histogram.counts.length;
      });
    }
  });
  return { binIds, bin, offset, under, over, nonFinite, counts };
}

/** Packs a checked recording (src/engine/recording/parse.ts) for the page. */
export function packRecording(recording: Recording): PackedRecording {
  const { steps, ...header } = recording;
  const L = header.model.layers.length;
  const S = steps.length;
  const place = new Map(header.model.layers.map((layer, l) => [layer.name, l]));
  const stats = Object.fromEntries(
    STAT_KEYS.map((key) => [key, new Float64Array(L * S).fill(NaN)]),
  ) as Record<StatKey, Float64Array>;
  const present = new Uint8Array(L * S);
  const weights = [...new Set(steps.flatMap((step) => Object.keys(step.update_data)))];
  const updateData = new Float64Array(weights.length * S).fill(NaN);
  steps.forEach((step, s) => {
    for (const row of step.layers) {
      const i = place.get(row.name)! * S + s;
      present[i] = 1;
      const values = statValues(row);
      for (const key of STAT_KEYS) stats[key][i] = orNaN(values[key]);
    }
    weights.forEach((weight, w) => (updateData[w * S + s] = orNaN(step.update_data[weight])));
  });
  return {
    header,
    layerCount: L,
    stepCount: S,
    stepNumbers: Float64Array.from(steps, (step) => step.step),
    loss: Float64Array.from(steps, (step) => orNaN(step.loss)),
    accuracy: Float64Array.from(steps, (step) => orNaN(step.accuracy)),
    weights,
    updateData,
    present,
    stats,
    histograms: packHistograms(recording, place),
  };
}

/** The buffers to transfer (not copy) with the packed recording. */
export function transferables(packed: PackedRecording): ArrayBuffer[] {
  const { histograms: h } = packed;
  const arrays = [
    packed.stepNumbers,
    packed.loss,
    packed.accuracy,
    packed.updateData,
    packed.present,
    ...Object.values(packed.stats),
    ...[h.bin, h.offset, h.under, h.over, h.nonFinite, h.counts],
  ];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/** A statistic of layer `l` at step `s`, or null where it was not recorded (or was NaN/Inf). */
export function statAt(packed: PackedRecording, key: StatKey, l: number, s: number): number | null {
  const value = packed.stats[key][l * packed.stepCount + s];
  return Number.isFinite(value) ? value : null;
}

export function recordedAt(packed: PackedRecording, l: number, s: number): boolean {
  return packed.present[l * packed.stepCount + s] === 1;
}

export interface PackedHistogram {
  bins: BinDefinition;
  counts: Uint32Array;
  under: number;
  over: number;
  nonFinite: number;
}

/** Layer `l`'s histogram of `kind` at step `s` (a view into the packed counts), or null. */
export function histogramAt(
  packed: PackedRecording,
  kind: HistogramKind,
  l: number,
  s: number,
): PackedHistogram | null {
  const h = packed.histograms;
  const i = ((kind === 'act' ? 0 : 1) * packed.layerCount + l) * packed.stepCount + s;
  if (h.bin[i] < 0) return null;
  const bins = packed.header.bins[h.binIds[h.bin[i]]];
  return {
    bins,
    counts: h.counts.subarray(h.offset[i], h.offset[i] + bins.count),
    under: h.under[i],
    over: h.over[i],
    nonFinite: h.nonFinite[i],
  };
}
