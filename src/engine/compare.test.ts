import { describe, expect, it } from 'vitest';
import { describeDifferences } from './compare';
import { LECTURE_NETWORK } from './config';
import { createKernels } from './kernels';
import { runProbe } from './probe';

describe('describeDifferences', () => {
  it('names the changed setting and the layer that moved most (ReLU: Xavier → He)', () => {
    const base = { ...LECTURE_NETWORK, activation: 'relu' as const, width: 100, inputDim: 100 };
    const a = { ...base, init: 'xavier' as const };
    const b = { ...base, init: 'he' as const };
    const lines = describeDifferences(
      a,
      b,
      runProbe(a, 200, createKernels('ts')).layers,
      runProbe(b, 200, createKernels('ts')).layers,
    );
    expect(lines[0]).toBe('init: xavier → he');
    // Xavier halves the variance per ReLU layer; He keeps it: the deep layers move most.
    expect(lines.some((line) => /^layer 10 std: /.test(line))).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(6);
  });
  it('says nothing for identical runs', () => {
    const result = runProbe(
      { ...LECTURE_NETWORK, width: 50, inputDim: 50 },
      50,
      createKernels('ts'),
    );
    expect(describeDifferences(result.config, result.config, result.layers, result.layers)).toEqual(
      [],
    );
  });
});
