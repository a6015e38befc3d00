/**
 * The neuron map's words and its one rule (which cells are dead), apart from the drawing so the
 * unit tests check them without a DOM.
 */
import { formatPercent } from '../engine/format';

export interface NeuronMapData {
  /** Per unit, the fraction of the monitoring batch on which it fires (0…1; NaN = unknown). */
  firing: Float32Array | number[];
  /**
   * Names the layer, e.g. 'Layer 3' (or 'Layer 3 neuron map'); the aria-label reads
   * "Layer 3 neuron map: 500 units, 37 never fire (7 %); …".
   */
  label: string;
  /**
   * Whether a unit positive on no example is dead: true in the ReLU family (its gradient is zero
   * too). Elsewhere (tanh, sigmoid…) the map shows the share of the batch with a positive
   * pre-activation (for tanh, a positive output), and 0 is just the low end of the ramp.
   */
  deadUnits: boolean;
}

/** A unit positive on no example is dead only where units can die (the ReLU family). */
export function isDeadCell(fraction: number, deadUnits: boolean): boolean {
  return deadUnits && fraction <= 0;
}

/** The map's accessible name: "Layer 3 neuron map: 500 units, 37 never fire (7 %); …". */
export function describeNeuronMap(data: NeuronMapData): string {
  const { firing, label, deadUnits } = data;
  // 'Layer 3' and 'Layer 3 neuron map' both give "Layer 3 neuron map: …".
  const name = /neuron map\s*$/i.test(label) ? label.trim() : `${label} neuron map`.trim();
  const n = firing.length;
  if (n === 0) return `${name}: no units.`;
  let silent = 0;
  let unknown = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const f = firing[i];
    if (!Number.isFinite(f)) unknown++;
    else {
      if (f <= 0) silent++;
      sum += f;
    }
  }
  const share = formatPercent(silent / n);
  const parts = [
    deadUnits
      ? `${name}: ${n} units, ${silent} never fire (${share})`
      : `${name}: ${n} units, ${silent} positive on no example (${share}; not dead: the gradient still flows)`,
  ];
  const mean = formatPercent(sum / (n - unknown));
  if (n > unknown)
    parts.push(
      deadUnits
        ? `a unit fires on ${mean} of examples on average`
        : `a unit's pre-activation is positive on ${mean} of examples on average`,
    );
  if (unknown > 0) parts.push(`${unknown} not measured`);
  return `${parts.join('; ')}.`;
}
