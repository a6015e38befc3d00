/** One neuron map per layer: a cell per unit, bright when it fires; dead units go dark. */
import { memo } from 'react';
import { drawNeuronMap } from '../charts/neuron-map';
import type { Size } from '../charts/types';
import { useResults } from '../store/results';
import { formatPercent } from './format';
import { useChart } from './useChart';

interface MapInput {
  firing: Float32Array;
  label: string;
}

function draw(canvas: HTMLCanvasElement, input: MapInput, size: Size) {
  drawNeuronMap(canvas, input, size);
}

const NeuronMap = memo(function NeuronMap({ index }: { index: number }) {
  const firing = useResults((s) => s.training?.firing[index] ?? null);
  const dead = useResults((s) => s.layers[index]?.stats?.dead ?? null);
  const input: MapInput = {
    firing: firing ?? new Float32Array(0),
    label: `Layer ${index + 1} neuron map`,
  };
  const ref = useChart<MapInput, HTMLCanvasElement>(draw, input, 90);
  return (
    <figure
      className="neuron-map"
      data-testid={`neuron-map-${index + 1}`}
      data-dead={dead ?? undefined}
    >
      <figcaption>
        Layer {index + 1} · dead {formatPercent(dead)}
      </figcaption>
      <canvas ref={ref} />
    </figure>
  );
});

export function NeuronMaps() {
  const depth = useResults((s) => s.training?.firing.length ?? 0);
  if (depth === 0) return null;
  return (
    <section className="neuron-maps" aria-labelledby="neuron-maps-title">
      <h3 id="neuron-maps-title">
        Neuron maps: the share of the monitoring batch on which each unit fires
      </h3>
      <div className="neuron-map-grid">
        {Array.from({ length: depth }, (_, i) => (
          <NeuronMap key={i} index={i} />
        ))}
      </div>
    </section>
  );
}
