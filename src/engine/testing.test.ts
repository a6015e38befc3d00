/**
 * The backends the engine's tests run on: an unavailable one shows as a skipped test with its
 * reason (not as a backend that silently vanished from every describe.each(testBackends())), and
 * one that fails for any other reason fails the run.
 */
import { describe, expect, it } from 'vitest';
import { createKernels } from './kernels';
import type { BackendName } from './kernels/kernels';
import { backendAvailability, testBackends } from './testing';

const backends = backendAvailability().map(({ name, skipped }) => [name, skipped] as const);

describe.each(backends)('the %s backend', (name, skipped) => {
  it.skipIf(skipped !== null)(
    `runs here, so every backend suite covers it${skipped ? ` (skipped: ${skipped})` : ''}`,
    () => {
      expect(testBackends()).toContain(name);
      expect(createKernels(name).name).toBe(name);
    },
  );
});

describe('backendAvailability', () => {
  it('a runtime without SIMD skips wasm and says why', () => {
    const backends = backendAvailability(createKernels, () => false, 1);
    expect(backends).toEqual([
      { name: 'ts', skipped: null },
      { name: 'wasm', skipped: 'this runtime does not support WebAssembly SIMD' },
    ]);
  });

  it('the run on threads skips ts (it has none) and says why', () => {
    expect(backendAvailability(createKernels, () => true, 2)).toEqual([
      { name: 'ts', skipped: 'this run checks the wasm kernels on 2 threads' },
      { name: 'wasm', skipped: null },
    ]);
  });

  it('any other failure to create a backend throws, naming it', () => {
    const broken = (name: BackendName) => {
      if (name === 'wasm') throw new Error('kernels not built');
      return createKernels(name);
    };
    expect(() => backendAvailability(broken, () => true)).toThrow(
      'the wasm backend cannot be created: Error: kernels not built',
    );
  });
});
