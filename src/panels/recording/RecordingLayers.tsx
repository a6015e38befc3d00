/**
 * The recording's layers at the slider's step, named as the model names them, with their shapes:
 * the outputs' histogram, the statistics in words, and log₁₀|∂L/∂h|. The element carries the
 * file's numbers as data-* attributes, as the lab's own layer panels do (LayerPanel.tsx).
 */
import { memo } from 'react';
import { drawHistogram } from '../../charts/histogram';
import type { HistogramData, Size } from '../../charts/types';
import type { OpenedRecording } from '../../store/results';
import { RELU_FAMILY } from '../../engine/config';
import type { RecordingLayer } from '../../engine/recording/format';
import type { HistogramKind } from '../../engine/recording/packed';
import { attribute, formatNumber, formatPercent } from '../format';
import { useChart } from '../useChart';
import {
  afterLabel,
  counterpart,
  histogramData,
  nearestStep,
  numbersAt,
  shapeLabel,
} from './recording-data';

interface HistogramInput {
  histogram: HistogramData | null;
  compare: HistogramData | null;
  color: string;
  label: string;
  logCounts: boolean;
}

function draw(svg: SVGSVGElement, input: HistogramInput, size: Size) {
  drawHistogram(svg, input.histogram, size, { ...input, animate: false });
}

function Histogram({ input, height }: { input: HistogramInput; height: number }) {
  const ref = useChart(draw, input, height);
  return <svg ref={ref} className="histogram" height={height} />;
}

/** A's histogram as an outline only when it counts over the same bins. */
function sameBins(a: HistogramData | null, b: HistogramData | null): HistogramData | null {
  if (!a || !b) return null;
  const same = a.low === b.low && a.high === b.high && a.mode === b.mode;
  return same && a.counts.length === b.counts.length ? a : null;
}

const RecordedLayer = memo(function RecordedLayer(props: {
  shown: OpenedRecording;
  pinned: OpenedRecording | null;
  /** The slider's place in B's steps. */
  step: number;
  layer: RecordingLayer;
  place: number;
}) {
  const { shown, pinned, step, layer, place } = props;
  const recording = shown.recording;
  const stats = numbersAt(recording, place, step);
  const stepNumber = recording.stepNumbers[step];
  const a = pinned?.recording ?? null;
  const stepA = a ? nearestStep(a, stepNumber) : 0;
  const placeA = a ? counterpart(a, layer.name, place) : -1;
  const canDie = layer.activation !== null && RELU_FAMILY.includes(layer.activation);
  const input = (kind: HistogramKind): HistogramInput => {
    const histogram = histogramData(recording, kind, place, step);
    const what = kind === 'act' ? 'outputs h' : 'gradients log10 |∂L/∂h|';
    return {
      histogram,
      compare: a ? sameBins(histogramData(a, kind, placeA, stepA), histogram) : null,
      color: kind === 'act' ? 'var(--chart-act)' : 'var(--chart-grad)',
      label: `${layer.name} ${what} at step ${stepNumber}`,
      // ReLU-like outputs pile up at 0: log(1 + count) heights keep the rest visible.
      logCounts: kind === 'act' && canDie,
    };
  };
  const saturating = layer.activation === 'tanh' || layer.activation === 'sigmoid';
  const title = `recording-layer-${place + 1}-title`;
  return (
    <section
      className="layer-panel recorded"
      aria-labelledby={title}
      data-testid={`recording-layer-${place + 1}`}
      data-name={layer.name}
      data-step={stepNumber}
      data-act-mean={attribute(stats?.act_mean)}
      data-act-std={attribute(stats?.act_std)}
      data-preact-std={attribute(stats?.preact_std)}
      data-saturated={attribute(stats?.saturated)}
      data-dead={attribute(stats?.dead)}
      data-grad-std={attribute(stats?.grad_act_std)}
      data-wgrad-std={attribute(stats?.grad_w_std)}
      data-grad-data={attribute(stats?.grad_data_ratio)}
    >
      <header className="chart-header">
        <h3 id={title}>{layer.name}</h3>
      </header>
      <p className="layer-shape">
        {shapeLabel(layer)} · {afterLabel(layer)}
      </p>
      <Histogram height={64} input={input('act')} />
      <p className="layer-stats">
        <span>mean {formatNumber(stats?.act_mean)}</span>
        <span className="std">std {formatNumber(stats?.act_std)}</span>
        {saturating && <span>saturated {formatPercent(stats?.saturated)}</span>}
        {canDie && <span>dead {formatPercent(stats?.dead)}</span>}
      </p>
      <Histogram height={48} input={input('grad')} />
      <p className="layer-stats grad">
        <span>∂L/∂h std {formatNumber(stats?.grad_act_std)}</span>
        <span>grad:data {formatNumber(stats?.grad_data_ratio)}</span>
      </p>
    </section>
  );
});

export function RecordingLayers(props: {
  shown: OpenedRecording;
  pinned: OpenedRecording | null;
  step: number;
}) {
  return (
    <div className="layer-grid" aria-label="Recorded layers">
      {props.shown.recording.header.model.layers.map((layer, i) => (
        <RecordedLayer key={layer.name} {...props} layer={layer} place={i} />
      ))}
    </div>
  );
}
