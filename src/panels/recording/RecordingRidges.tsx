/** Histograms over the recorded steps, per layer (outputs h, then log₁₀|∂L/∂h|; newest in front). */
import { memo, useState } from 'react';
import {
  drawRidgeline,
  MAX_RIDGES,
  type RidgelineData,
  type RidgelineSnapshot,
} from '../../charts/ridgeline';
import type { Size } from '../../charts/types';
import { RELU_FAMILY } from '../../engine/config';
import type { RecordingLayer } from '../../engine/recording/format';
import type { HistogramKind, PackedRecording } from '../../engine/recording/packed';
import { useChart } from '../useChart';
import { histogramData } from './recording-data';

type RidgeInput = RidgelineData & { logCounts: boolean };

function draw(svg: SVGSVGElement, data: RidgeInput, size: Size) {
  drawRidgeline(svg, data, size, { logCounts: data.logCounts });
}

function Ridge({ data }: { data: RidgeInput }) {
  const ref = useChart(draw, data, 110);
  return <svg ref={ref} height={110} />;
}

/** The layer's histograms over the steps: at most MAX_RIDGES, evenly spaced, first and last kept. */
function snapshots(recording: PackedRecording, place: number, kind: HistogramKind) {
  const last = recording.stepCount - 1;
  const count = Math.min(recording.stepCount, MAX_RIDGES);
  const out: RidgelineSnapshot[] = [];
  for (let i = 0; i < count; i++) {
    const s = count === 1 ? 0 : Math.round((i * last) / (count - 1));
    const histogram = histogramData(recording, kind, place, s);
    if (histogram) out.push({ step: recording.stepNumbers[s], histogram });
  }
  return out;
}

const LayerRidges = memo(function LayerRidges(props: {
  recording: PackedRecording;
  layer: RecordingLayer;
  place: number;
}) {
  const { recording, layer, place } = props;
  const spiky = layer.activation !== null && RELU_FAMILY.includes(layer.activation);
  const act = snapshots(recording, place, 'act');
  const grad = snapshots(recording, place, 'grad');
  return (
    <figure className="ridge-pair">
      <figcaption>{layer.name}</figcaption>
      <Ridge
        data={{
          snapshots: act,
          color: 'var(--chart-act)',
          label: `${layer.name} outputs h over the recorded steps`,
          logCounts: spiky,
        }}
      />
      {grad.length > 0 && (
        <Ridge
          data={{
            snapshots: grad,
            color: 'var(--chart-grad)',
            label: `${layer.name} log10 |∂L/∂h| over the recorded steps`,
            logCounts: false,
          }}
        />
      )}
    </figure>
  );
});

export function RecordingRidges({ recording }: { recording: PackedRecording }) {
  // Drawn only once opened: a hundred layers' ridges cost time nobody asked for.
  const [open, setOpen] = useState(false);
  if (recording.stepCount < 2) return null;
  return (
    <details
      className="ridgelines"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Histograms over the recorded steps (outputs h, then log₁₀ |∂L/∂h|)</summary>
      {open && (
        <div className="ridge-grid">
          {recording.header.model.layers.map((layer, place) => (
            <LayerRidges key={layer.name} recording={recording} layer={layer} place={place} />
          ))}
        </div>
      )}
    </details>
  );
}
