/**
 * What the recording view draws, read from a recording (docs/recording-format.md): histograms in
 * the charts' shape, a layer's statistics at a step, per-layer series over the recorded steps.
 * Lookups go by the layer's name, so A and B line up even when one recorded fewer layers.
 */
import type { HistogramData } from '../../charts/types';
import type {
  RecordedHistogram,
  RecordedLayerStep,
  RecordedStep,
  Recording,
  RecordingLayer,
} from '../../engine/recording/format';

export function histogramData(
  recording: Recording,
  histogram: RecordedHistogram | null | undefined,
): HistogramData | null {
  const bins = histogram ? recording.bins[histogram.bins] : undefined;
  if (!histogram || !bins) return null;
  return {
    counts: histogram.counts,
    low: bins.low,
    high: bins.high,
    under: histogram.under,
    over: histogram.over,
    nonFinite: histogram.non_finite,
    mode: bins.mode,
  };
}

export function layerAt(step: RecordedStep | undefined, name: string): RecordedLayerStep | null {
  return step?.layers.find((layer) => layer.name === name) ?? null;
}

/**
 * A's layer beside B's: the one of the same name, else the one at the same place (a PyTorch
 * model's "fc1" against the lab's "layer 1").
 */
export function counterpart(
  recording: Recording,
  step: RecordedStep | undefined,
  name: string,
  position: number,
): RecordedLayerStep | null {
  const named = layerAt(step, name);
  if (named) return named;
  const layer = recording.model.layers[position - 1];
  return layer ? layerAt(step, layer.name) : null;
}

/** The step of A nearest to B's step number (the two need not record the same steps). */
export function nearestStep(recording: Recording, step: number): RecordedStep | undefined {
  let best: RecordedStep | undefined;
  for (const s of recording.steps)
    if (!best || Math.abs(s.step - step) < Math.abs(best.step - step)) best = s;
  return best;
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

/** What follows the weights: "BatchNorm1d → ReLU" in the lab's words. */
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

/** One series per layer of a statistic over the recorded steps (missing values skipped). */
export function layerSeries(
  recording: Recording,
  value: (layer: RecordedLayerStep) => number | null | undefined,
): StepSeries[] {
  return recording.model.layers.map((layer) => ({
    name: layer.name,
    points: recording.steps.flatMap((step) => {
      const found = layerAt(step, layer.name);
      const y = found ? value(found) : null;
      return y === null || y === undefined || !Number.isFinite(y) ? [] : [{ x: step.step, y }];
    }),
  }));
}

/** update:data per layer over the steps: the layer's weight's entry of each step's `update_data`. */
export function updateSeries(recording: Recording): StepSeries[] {
  return recording.model.layers.flatMap(({ name, weight }) => {
    if (weight === null) return [];
    const points = recording.steps.flatMap((step) => {
      const y = step.update_data[weight];
      return typeof y === 'number' && Number.isFinite(y) && y > 0 ? [{ x: step.step, y }] : [];
    });
    return points.length > 0 ? [{ name, points }] : [];
  });
}

/** Loss over the steps, where the run logged it. */
export function lossSeries(recording: Recording): StepSeries['points'] {
  return recording.steps.flatMap((step) =>
    step.loss !== null && Number.isFinite(step.loss) ? [{ x: step.step, y: step.loss }] : [],
  );
}
