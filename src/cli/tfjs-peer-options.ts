/**
 * The TensorFlow.js peer's command line, kept apart from the peer so it can be tested without
 * loading TF.js: --backend cpu|wasm|wasm-threads [--threads N] [--workload NAME] [--runs N]
 * [--warmup N].
 */
import { parseArgs } from 'node:util';
import { errorMessage } from '../engine/format';

export const PEER_BACKENDS = ['cpu', 'wasm', 'wasm-threads'] as const;
export type PeerBackend = (typeof PEER_BACKENDS)[number];

export interface PeerOptions {
  backend: PeerBackend;
  /** Threads for wasm-threads (ignored by the other backends). */
  threads: number;
  workload: string | undefined;
  runs: number;
  warmup: number;
}

export const PEER_USAGE =
  'usage: tfjs-peer --backend cpu|wasm|wasm-threads [--threads N] [--workload NAME] [--runs N] [--warmup N]';

/** Bad usage; the message is one line (parseArgs messages can span lines). */
export class PeerUsageError extends Error {
  name = 'PeerUsageError';
  constructor(message: string) {
    super(message.replace(/\s+/g, ' ').replace(/\.$/, ''));
  }
}

function parseCount(flag: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min) {
    throw new PeerUsageError(`--${flag} must be an integer >= ${min}, got '${raw}'`);
  }
  return value;
}

function isBackend(name: string): name is PeerBackend {
  return (PEER_BACKENDS as readonly string[]).includes(name);
}

/**
 * Reads the peer's flags; `workloads` are the names it can run, `defaultThreads` the machine's
 * cores (passed in so the parsing stays pure).
 */
export function parsePeerOptions(
  argv: readonly string[],
  workloads: readonly string[],
  defaultThreads: number,
): PeerOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        backend: { type: 'string' },
        threads: { type: 'string' },
        workload: { type: 'string' },
        runs: { type: 'string' },
        warmup: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new PeerUsageError(errorMessage(error));
  }
  const { backend, workload } = values;
  const backendNames = PEER_BACKENDS.join(', ');
  if (backend === undefined) throw new PeerUsageError(`missing --backend (${backendNames})`);
  if (!isBackend(backend)) {
    throw new PeerUsageError(`--backend must be one of ${backendNames}, got '${backend}'`);
  }
  if (workload !== undefined && !workloads.includes(workload)) {
    throw new PeerUsageError(`unknown --workload '${workload}' (one of ${workloads.join(', ')})`);
  }
  return {
    backend,
    threads: parseCount('threads', values.threads, defaultThreads, 1),
    workload,
    runs: parseCount('runs', values.runs, 5, 1),
    warmup: parseCount('warmup', values.warmup, 2, 0),
  };
}
