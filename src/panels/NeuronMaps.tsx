/**
 * One neuron map per layer: a cell per unit, bright when it fires; in the ReLU family dead units
 * go dark and crossed. Outside it (tanh, sigmoid…) a unit cannot die, so the map shows the share
 * of the batch on which its pre-activation is positive and marks nothing as dead.
 */
import { memo } from 'react';
import { drawNeuronMap, type NeuronMapData } from '../charts/neuron-map';
import type { Size } from '../charts/types';
import { RELU_FAMILY } from '../engine/config';
import { useResults } from '../store/results';
import { formatPercent } from './format';
import { useChart } from './useChart';

function draw(canvas: HTMLCanvasElement, input: NeuronMapData, size: Size) {
  drawNeuronMap(canvas, input, size);
}

/** The mean of the finite shares (the caption's "positive 48 %"). */
function meanShare(firing: Float32Array | null): number | null {
  let sum = 0;
  let n = 0;
  for (const f of firing ?? []) {
    if (!Number.isFinite(f)) continue;
    sum += f;
    n++;
  }
  return n > 0 ? sum / n : null;
}

const NeuronMap = memo(function NeuronMap({
  index,
  deadUnits,
}: {
  index: number;
  deadUnits: boolean;
}) {
  const firing = useResults((s) => s.training?.firing[index] ?? null);
  const dead = useResults((s) => s.layers[index]?.stats?.dead ?? null);
  const input: NeuronMapData = {
    firing: firing ?? new Float32Array(0),
    label: `Layer ${index + 1} neuron map`,
    deadUnits,
  };
  const ref = useChart<NeuronMapData, HTMLCanvasElement>(draw, input, 90);
  return (
    <figure
      className="neuron-map"
      data-testid={`neuron-map-${index + 1}`}
      data-dead={deadUnits ? (dead ?? undefined) : undefined}
    >
      <figcaption>
        Layer {index + 1} ·{' '}
        {deadUnits ? `dead ${formatPercent(dead)}` : `positive ${formatPercent(meanShare(firing))}`}
      </figcaption>
      <canvas ref={ref} />
    </figure>
  );
});

export function NeuronMaps() {
  const depth = useResults((s) => s.training?.firing.length ?? 0);
  const activation = useResults((s) => s.config?.activation);
  if (depth === 0) return null;
  const deadUnits = activation !== undefined && RELU_FAMILY.includes(activation);
  return (
    <section className="neuron-maps" aria-labelledby="neuron-maps-title">
      <h3 id="neuron-maps-title">
        {deadUnits
          ? 'Neuron maps: the share of the monitoring batch on which each unit fires'
          : 'Neuron maps: the share of the monitoring batch on which each unit’s pre-activation is positive'}
      </h3>
      <div className="neuron-map-grid">
        {Array.from({ length: depth }, (_, i) => (
          <NeuronMap key={i} index={i} deadUnits={deadUnits} />
        ))}
      </div>
    </section>
  );
}
