import { describe, expect, it } from 'vitest';
import { PeerUsageError, parsePeerOptions } from './tfjs-peer-options';

const NAMES = ['forward-10x500-b1000', 'matmul-512'];

describe('parsePeerOptions', () => {
  it('defaults threads to the cores given, runs to 5 and warm-ups to 2', () => {
    expect(parsePeerOptions(['--backend', 'wasm-threads'], NAMES, 4)).toEqual({
      backend: 'wasm-threads',
      threads: 4,
      workload: undefined,
      runs: 5,
      warmup: 2,
    });
  });

  it('reads every flag', () => {
    const argv = ['--backend=cpu', '--threads', '2', '--workload', 'matmul-512', '--runs', '3'];
    expect(parsePeerOptions([...argv, '--warmup', '0'], NAMES, 8)).toEqual({
      backend: 'cpu',
      threads: 2,
      workload: 'matmul-512',
      runs: 3,
      warmup: 0,
    });
  });

  it.each([
    [[], /missing --backend/],
    [['--backend', 'webgl'], /must be one of cpu, wasm, wasm-threads/],
    [['--backend', 'wasm', '--threads', '0'], /--threads must be an integer >= 1/],
    [['--backend', 'wasm', '--threads', '1.5'], /--threads must be an integer/],
    [['--backend', 'wasm', '--workload', 'matmul-9'], /unknown --workload 'matmul-9'/],
    [['--backend', 'wasm', '--bogus'], /bogus/],
  ])('refuses %j', (argv, message) => {
    expect(() => parsePeerOptions(argv, NAMES, 2)).toThrow(PeerUsageError);
    expect(() => parsePeerOptions(argv, NAMES, 2)).toThrow(message);
  });
});
