/**
 * The benchmark: the same workloads on our engine and, with --peers, on TensorFlow.js (cpu,
 * wasm and threaded wasm backends, each in its own process). One JSON line per workload and engine.
 *   npm run --silent bench [-- --backend ts|wasm] [--threads N] [--peers] [--relaxed]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createKernels } from '../engine/kernels';
import { threadsStarted } from '../engine/kernels/wasm';
import type { BackendName } from '../engine/kernels/kernels';
import {
  backendFlag,
  type FlagSpec,
  helpText,
  numberFlag,
  oneOf,
  parseArgs,
  runCommand,
  stringFlag,
  THREADS_FLAG,
  threadsFlag,
} from './args';
import { type BenchResult, WORKLOADS, runWorkload } from './workloads';

const FLAGS: Record<string, FlagSpec> = {
  backend: { help: 'engine backend: ts or wasm (default: the one the page uses)' },
  peers: {
    boolean: true,
    help: 'also run TensorFlow.js (cpu, wasm, threaded wasm) and print our time ratio to each',
  },
  relaxed: {
    boolean: true,
    help: 'run Node with relaxed SIMD enabled, so the wasm backend uses it',
  },
  threads: THREADS_FLAG,
  workload: { help: `one workload: ${WORKLOADS.map((w) => w.name).join(', ')}` },
  runs: { default: '5', help: 'timed runs per workload (after 2 warm-ups)' },
  help: { boolean: true, help: 'print this help' },
};

const RELAXED_FLAG = '--experimental-wasm-relaxed-simd';

function runPeer(
  backend: 'cpu' | 'wasm' | 'wasm-threads',
  workload: string | undefined,
  runs: number,
  threads: number,
): BenchResult[] {
  const script = fileURLToPath(new URL('./tfjs-peer.ts', import.meta.url));
  const args = ['--import', 'tsx', script, '--backend', backend, '--runs', String(runs)];
  if (backend === 'wasm-threads') args.push('--threads', String(threads));
  if (workload) args.push('--workload', workload);
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0)
    throw new Error(`TensorFlow.js ${backend} peer failed (exit ${child.status})`);
  return child.stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as BenchResult);
}

runCommand(async () => {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv, FLAGS);
  if (args.has('help')) {
    process.stdout.write(helpText('Usage: npm run --silent bench -- [flags]', FLAGS) + '\n');
    return;
  }
  if (args.has('relaxed') && !process.execArgv.includes(RELAXED_FLAG)) {
    // V8 in Node 20 has relaxed SIMD only behind a flag: run again with it.
    const script = fileURLToPath(import.meta.url);
    const child = spawnSync(process.execPath, [RELAXED_FLAG, '--import', 'tsx', script, ...argv], {
      stdio: 'inherit',
    });
    process.exit(child.status ?? 1);
  }
  const backend: BackendName = backendFlag(args, FLAGS);
  const threads = threadsFlag(args, FLAGS);
  const only = args.has('workload')
    ? oneOf(
        stringFlag(args, 'workload', FLAGS),
        WORKLOADS.map((w) => w.name),
        'workload',
      )
    : undefined;
  const runs = numberFlag(args, 'runs', FLAGS, true);
  if (runs < 1) throw new Error('--runs must be at least 1');

  const peers: BenchResult[] = [];
  if (args.has('peers')) {
    // TF.js' threaded build gets as many threads as our kernels (--threads, else all cores).
    for (const peer of ['cpu', 'wasm', 'wasm-threads'] as const) {
      for (const line of runPeer(peer, only, runs, threads)) {
        peers.push(line);
        process.stdout.write(JSON.stringify(line) + '\n');
      }
    }
  }
  for (const workload of WORKLOADS) {
    if (only && workload.name !== only) continue;
    const kernels = createKernels(backend);
    // Helper threads start asynchronously: time the kernels on all their threads.
    await threadsStarted(kernels);
    const result = runWorkload(workload, kernels, runs);
    for (const peer of peers) {
      if (peer.workload !== workload.name) continue;
      // Our time over theirs: below 1 means we are faster.
      result[`time_ratio_vs_${peer.engine.replaceAll('-', '_')}`] =
        Math.round((result.median_ms / peer.median_ms) * 1000) / 1000;
    }
    process.stdout.write(JSON.stringify(result) + '\n');
  }
});
