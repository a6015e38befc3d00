/** The neuron map marks dead units only where a unit can die (the ReLU family). */
import { describe, expect, it } from 'vitest';
import { describeNeuronMap, isDeadCell } from './neuron-map-text';

const firing = new Float32Array([0, 0, 0.5, 1]);

describe('neuron map', () => {
  it('marks a ReLU unit that never fires as dead and says so', () => {
    expect(isDeadCell(0, true)).toBe(true);
    expect(isDeadCell(0.01, true)).toBe(false);
    const text = describeNeuronMap({ firing, label: 'Layer 2', deadUnits: true });
    expect(text).toMatch(/^Layer 2 neuron map: 4 units, 2 never fire \(50 %\)/);
  });

  it('outside the ReLU family marks nothing dead and says what the map shows', () => {
    expect(isDeadCell(0, false)).toBe(false);
    const text = describeNeuronMap({ firing, label: 'Layer 2', deadUnits: false });
    expect(text).toContain('2 positive on no example');
    expect(text).toContain('pre-activation is positive on 38 % of examples');
    expect(text).not.toContain('never fire');
  });
});
