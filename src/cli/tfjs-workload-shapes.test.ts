import { describe, expect, it } from 'vitest';
import { parseWorkloadName } from './tfjs-workload-shapes';
import { WORKLOADS } from './workloads';

describe('parseWorkloadName', () => {
  it('reads forward, train and matmul shapes from the names', () => {
    expect(parseWorkloadName('forward-10x500-b1000')).toEqual({
      kind: 'forward',
      depth: 10,
      width: 500,
      batch: 1000,
    });
    expect(parseWorkloadName('train-6x100-b128')).toEqual({
      kind: 'train',
      depth: 6,
      width: 100,
      batch: 128,
    });
    expect(parseWorkloadName('matmul-512')).toEqual({ kind: 'matmul', n: 512 });
  });

  it('refuses names it does not know rather than guessing a shape', () => {
    for (const name of ['forward-10x500', 'train-0x500-b256', 'matmul-512x2', 'conv-3x3', '']) {
      expect(parseWorkloadName(name)).toBeUndefined();
    }
  });

  it('knows every workload of the benchmark, so the peers cover them all', () => {
    for (const workload of WORKLOADS) {
      expect(parseWorkloadName(workload.name), workload.name).toBeDefined();
    }
  });
});
