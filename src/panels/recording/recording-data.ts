/**
 * What the recording view draws, read from the packed recording the worker sends
 * (src/engine/recording/packed.ts): histograms in the charts' shape, a layer's numbers at a step,
 * per-layer series over the recorded steps. Layers are their places in model.layers, steps their
 * places in the recording; A's layers line up with B's by name, else by place.
 */
import type { HistogramData } from '../../charts/types';
import type { RecordingLayer } from '../../engine/recording/format';
import {
  histogramAt,
  type HistogramKind,
  type PackedRecording,
  recordedAt,
  type StatKey,
  statAt,
} from '../../engine/recording/packed';

export function histogramData(
  recording: PackedRecording,
  kind: HistogramKind,
  layer: number,
  step: number,
): HistogramData | null {
  const histogram = layer < 0 ? null : histogramAt(recording, kind, layer, step);
  if (!histogram) return null;
  const { bins } = histogram;
  return {
    counts: Array.from(histogram.counts),
    low: bins.low,
    high: bins.high,
    under: histogram.under,
    over: histogram.over,
    nonFinite: histogram.nonFinite,
    mode: bins.mode,
  };
}

/** A layer's statistics at a step, by the format's names, or null where it was not recorded. */
export function numbersAt(
  recording: PackedRecording,
  layer: number,
  step: number,
): Record<StatKey, number | null> | null {
  if (layer < 0 || !recordedAt(recording, layer, step)) return null;
  const keys = Object.keys(recording.stats) as StatKey[];
  return Object.fromEntries(
    keys.map((key) => [key, statAt(recording, key, layer, step)]),
  ) as Record<StatKey, number | null>;
}

/** The place of A's step nearest to B's step number (the two need not record the same steps). */
export function nearestStep(recording: PackedRecording, stepNumber: number): number {
  let best = 0;
  recording.stepNumbers.forEach((n, s) => {
    if (Math.abs(n - stepNumber) < Math.abs(recording.stepNumbers[best] - stepNumber)) best = s;
  });
  return best;
}

/** A's layer beside B's: the one of the same name, else the one at the same place, else −1. */
export function counterpart(recording: PackedRecording, name: string, place: number): number {
  const layers = recording.header.model.layers;
  const named = layers.findIndex((layer) => layer.name === name);
  return named >= 0 ? named : place < layers.length ? place : -1;
}

/** "Linear 784 → 256", "Conv2d 3 → 16, 3×3 kernel", "dense 500 → 500". */
export function shapeLabel(layer: RecordingLayer): string {
  const kind = { linear: 'Linear', conv1d: 'Conv1d', conv2d: 'Conv2d', dense: 'dense' }[layer.kind];
  const shape = layer.weight_shape;
  if (!shape || shape.length < 2) return layer.units ? `${kind}, ${layer.units} units` : kind;
  const kernel = shape.slice(2);
  const sizes = `${shape[1]} → ${shape[0]}`;
  return kernel.length > 0 ? `${kind} ${sizes}, ${kernel.join('×')} kernel` : `${kind} ${sizes}`;
}

/** What follows the weights: "batchnorm → relu" in the lab's words. */
export function afterLabel(layer: RecordingLayer): string {
  const parts = [
    layer.norm ? (layer.norm.kind === 'batchnorm' ? 'batchnorm' : 'layer norm') : null,
    layer.activation ?? 'no activation module',
  ];
  return parts.filter(Boolean).join(' → ');
}

export interface StepSeries {
  name: string;
  points: { x: number; y: number }[];
}

/** A chart is a few hundred pixels wide: more points than this per line only cost drawing time. */
const MAX_POINTS = 300;

/** Every k-th step's place (and always the last), so no line has more than MAX_POINTS. */
function thinned(count: number): number[] {
  const stride = Math.max(1, Math.ceil(count / MAX_POINTS));
  const places: number[] = [];
  for (let s = 0; s < count; s += stride) places.push(s);
  if (count > 0 && places[places.length - 1] !== count - 1) places.push(count - 1);
  return places;
}

/** The finite values of one column over the steps, as points (x: the step number), thinned. */
function points(recording: PackedRecording, column: Float64Array, start: number, positive = false) {
  const out: StepSeries['points'] = [];
  for (const s of thinned(recording.stepCount)) {
    const y = column[start + s];
    if (Number.isFinite(y) && (!positive || y > 0)) out.push({ x: recording.stepNumbers[s], y });
  }
  return out;
}

/** One series per layer of a statistic over the recorded steps. */
export function layerSeries(recording: PackedRecording, key: StatKey): StepSeries[] {
  return recording.header.model.layers.map((layer, l) => ({
    name: layer.name,
    points: points(recording, recording.stats[key], l * recording.stepCount),
  }));
}

/** update:data per layer over the steps: its weight's ratio in each step's update_data. */
export function updateSeries(recording: PackedRecording): StepSeries[] {
  return recording.header.model.layers.flatMap(({ name, weight }) => {
    const w = weight === null ? -1 : recording.weights.indexOf(weight);
    if (w < 0) return [];
    const series = points(recording, recording.updateData, w * recording.stepCount, true);
    return series.length > 0 ? [{ name, points: series }] : [];
  });
}

/** Loss over the steps, where the run logged it. */
export function lossSeries(recording: PackedRecording): StepSeries['points'] {
  return points(recording, recording.loss, 0);
}
