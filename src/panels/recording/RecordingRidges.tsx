/** Histograms over the recorded steps, per layer (outputs h, then log₁₀|∂L/∂h|; newest in front). */
import { memo, useState } from 'react';
import { drawRidgeline, type RidgelineData } from '../../charts/ridgeline';
import type { Size } from '../../charts/types';
import { RELU_FAMILY } from '../../engine/config';
import type { Recording, RecordingLayer } from '../../engine/recording/format';
import { useChart } from '../useChart';
import { histogramData, layerAt } from './recording-data';

type RidgeInput = RidgelineData & { logCounts: boolean };

function draw(svg: SVGSVGElement, data: RidgeInput, size: Size) {
  drawRidgeline(svg, data, size, { logCounts: data.logCounts });
}

function Ridge({ data }: { data: RidgeInput }) {
  const ref = useChart(draw, data, 110);
  return <svg ref={ref} height={110} />;
}

function snapshots(recording: Recording, name: string, which: 'act' | 'grad') {
  return recording.steps.flatMap((step) => {
    const histogram = histogramData(recording, layerAt(step, name)?.histograms[which]);
    return histogram ? [{ step: step.step, histogram }] : [];
  });
}

const LayerRidges = memo(function LayerRidges(props: {
  recording: Recording;
  layer: RecordingLayer;
}) {
  const { recording, layer } = props;
  const spiky = layer.activation !== null && RELU_FAMILY.includes(layer.activation);
  const act = snapshots(recording, layer.name, 'act');
  const grad = snapshots(recording, layer.name, 'grad');
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

export function RecordingRidges({ recording }: { recording: Recording }) {
  // Drawn only once opened: a hundred layers' ridges cost time nobody asked for.
  const [open, setOpen] = useState(false);
  if (recording.steps.length < 2) return null;
  return (
    <details
      className="ridgelines"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Histograms over the recorded steps (outputs h, then log₁₀ |∂L/∂h|)</summary>
      {open && (
        <div className="ridge-grid">
          {recording.model.layers.map((layer) => (
            <LayerRidges key={layer.name} recording={recording} layer={layer} />
          ))}
        </div>
      )}
    </details>
  );
}
