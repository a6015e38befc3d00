/**
 * The recording's layers at the slider's step, named as the model names them, with their shapes:
 * the outputs' histogram, the statistics in words, and log₁₀|∂L/∂h|. The element carries the
 * file's numbers as data-* attributes, as the lab's own layer panels do (LayerPanel.tsx).
 */
import { memo } from 'react';
import { drawHistogram } from '../../charts/histogram';
import type { HistogramData, Size } from '../../charts/types';
import type { OpenedRecording } from '../../store/results';
import type { RecordedStep, RecordingLayer } from '../../engine/recording/format';
import { attribute, formatNumber, formatPercent } from '../format';
import { useChart } from '../useChart';
import {
  afterLabel,
  counterpart,
  histogramData,
  layerAt,
  nearestStep,
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
  step: RecordedStep;
  layer: RecordingLayer;
  position: number;
}) {
  const { shown, pinned, step, layer, position } = props;
  const stats = layerAt(step, layer.name);
  const stepA = pinned ? nearestStep(pinned.recording, step.step) : undefined;
  const statsA = pinned ? counterpart(pinned.recording, stepA, layer.name, position) : null;
  const histogram = (recording: OpenedRecording | null, which: 'act' | 'grad', from = stats) =>
    recording ? histogramData(recording.recording, from?.histograms[which]) : null;
  const act = histogram(shown, 'act');
  const grad = histogram(shown, 'grad');
  const canDie = ['relu', 'leaky-relu', 'elu'].includes(layer.activation ?? '');
  const saturating = layer.activation === 'tanh' || layer.activation === 'sigmoid';
  const title = `recording-layer-${position}-title`;
  return (
    <section
      className="layer-panel recorded"
      aria-labelledby={title}
      data-testid={`recording-layer-${position}`}
      data-name={layer.name}
      data-step={step.step}
      data-act-mean={attribute(stats?.act?.mean)}
      data-act-std={attribute(stats?.act?.std)}
      data-preact-std={attribute(stats?.preact?.std)}
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
      <Histogram
        height={64}
        input={{
          histogram: act,
          compare: sameBins(histogram(pinned, 'act', statsA), act),
          color: 'var(--chart-act)',
          label: `${layer.name} outputs h at step ${step.step}`,
          logCounts: canDie,
        }}
      />
      <p className="layer-stats">
        <span>mean {formatNumber(stats?.act?.mean)}</span>
        <span className="std">std {formatNumber(stats?.act?.std)}</span>
        {saturating && <span>saturated {formatPercent(stats?.saturated)}</span>}
        {canDie && <span>dead {formatPercent(stats?.dead)}</span>}
      </p>
      <Histogram
        height={48}
        input={{
          histogram: grad,
          compare: sameBins(histogram(pinned, 'grad', statsA), grad),
          color: 'var(--chart-grad)',
          label: `${layer.name} gradients log10 |∂L/∂h| at step ${step.step}`,
          logCounts: false,
        }}
      />
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
  step: RecordedStep;
}) {
  return (
    <div className="layer-grid" aria-label="Recorded layers">
      {props.shown.recording.model.layers.map((layer, i) => (
        <RecordedLayer key={layer.name} {...props} layer={layer} position={i + 1} />
      ))}
    </div>
  );
}
