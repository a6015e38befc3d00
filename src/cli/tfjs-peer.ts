/**
 * TensorFlow.js benchmark peer: times the same workloads as our own engine so the two can be
 * compared, and prints one JSON line per workload on stdout (nothing else goes to stdout).
 *
 * Usage: npx tsx src/cli/tfjs-peer.ts --backend cpu|wasm|wasm-threads [--threads N]
 *          [--workload NAME] [--runs N] [--warmup N]
 *
 * See /work/shared/notes/tfjs-peer-in-node.md: load the union package with a dynamic import (the
 * tfjs-core files alone fail under Node's ESM loader and register no gradients), point the wasm
 * backend at its .wasm files, and run each backend in its own process. `wasm-threads` is the
 * threaded SIMD build with `--threads N` threads (default: the machine's cores), which needs the
 * shims of tfjs-threads.ts under Node.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Optimizer, Rank, Scalar, Tensor, Tensor2D, Variable } from '@tensorflow/tfjs';
import { errorStack } from '../engine/format';
import {
  PEER_USAGE,
  type PeerBackend,
  type PeerOptions,
  PeerUsageError,
  parsePeerOptions,
} from './tfjs-peer-options';
import { installWasmThreadShims } from './tfjs-threads';
import { TRAIN_CLASSES, parseWorkloadName, type WorkloadShape } from './tfjs-workload-shapes';
import { WORKLOADS as BENCH_WORKLOADS } from './workloads';

type Tf = typeof import('@tensorflow/tfjs');

/** A prepared workload: inputs and weights live across runs, each step allocates only temporaries. */
interface Session {
  /** One unit of work; resolves only after the result was read back, so the work is really done. */
  step: () => Promise<Float32Array>;
  /** Turns the first step's result into the check value. */
  check: (first: Float32Array) => number;
  dispose: () => void;
}

interface Workload {
  name: string;
  flops: number;
  prepare: (tf: Tf) => Session;
}

interface MlpSpec {
  inputDim: number;
  width: number;
  depth: number;
  classes: number;
  batch: number;
}

interface Result {
  engine: string;
  workload: string;
  median_ms: number;
  min_ms: number;
  max_ms: number;
  gflops: number;
  /** wasm-threads only: the threads TF.js reports it uses (getThreadsCount). */
  threads?: number;
  check: number;
}

const LEARNING_RATE = 0.01;
// Fixed per-tensor seeds so every run (and every --workload subset) sees the same numbers.
const SEED_INPUT = 1;
const SEED_OTHER = 2;
const SEED_LABELS = 3;
const SEED_WEIGHTS = 100;

// The pure-JavaScript backend runs about 1 GFLOP/s: larger workloads would take minutes a run.
const CPU_MAX_FLOPS = 20e9;

/** The benchmark's workloads (workloads.ts), with their shapes read from their names. */
const WORKLOADS: readonly Workload[] = BENCH_WORKLOADS.flatMap(({ name, flops }) => {
  const shape = parseWorkloadName(name);
  if (shape === undefined) {
    process.stderr.write(`tfjs-peer: no TensorFlow.js version of workload '${name}'; skipped\n`);
    return [];
  }
  return [{ name, flops, prepare: (tf: Tf) => prepareShape(tf, shape) }];
});

function prepareShape(tf: Tf, shape: WorkloadShape): Session {
  if (shape.kind === 'matmul') return prepareMatmul(tf, shape.n);
  const { depth, width, batch } = shape;
  if (shape.kind === 'forward') return prepareForward(tf, { batch, width, depth });
  return prepareTraining(tf, { inputDim: width, width, depth, classes: TRAIN_CLASSES, batch });
}

/** tfjs logs notices lazily (e.g. the cpu backend's "Hi, looks like..." on the first tensor), so
 * keep stdout for our JSON lines only. */
function routeConsoleToStderr(): void {
  const toStderr = (...args: unknown[]): void => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

/** Filesystem folder holding the backend's .wasm files; the trailing separator is required. */
function wasmDistDir(): string {
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  return path.dirname(entry) + path.sep;
}

/** The threads the backend ended up with (wasm-threads only; TF.js caps them at 8). */
interface Loaded {
  tf: Tf;
  threads?: number;
}

async function loadTf(backend: PeerBackend, threads: number): Promise<Loaded> {
  const tf = await import('@tensorflow/tfjs');
  if (backend === 'cpu') {
    await setBackend(tf, 'cpu');
    return { tf };
  }
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(wasmDistDir());
  if (backend === 'wasm') {
    await setBackend(tf, 'wasm');
    return { tf };
  }
  // Node is not detected as able to run threads (see tfjs-threads.ts): say it is, then shim.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  wasm.setThreadsCount(threads);
  const removeShims = installWasmThreadShims(threads);
  try {
    await setBackend(tf, 'wasm');
  } finally {
    removeShims();
  }
  const actual = wasm.getThreadsCount();
  if (actual !== threads) {
    process.stderr.write(`tfjs-peer: asked TF.js for ${threads} threads, it uses ${actual}\n`);
  }
  return { tf, threads: actual };
}

async function setBackend(tf: Tf, name: 'cpu' | 'wasm'): Promise<void> {
  if (!(await tf.setBackend(name))) {
    throw new Error(`could not initialise the ${name} backend`);
  }
  await tf.ready();
}

function normal(tf: Tf, shape: [number, number], std: number, seed: number): Tensor2D {
  return tf.randomNormal<Rank.R2>(shape, 0, std, 'float32', seed);
}

/** Layer sizes from input to output, e.g. [500, 500, ..., 500, 10]. */
function mlpDims(spec: MlpSpec): number[] {
  return [spec.inputDim, ...Array<number>(spec.depth).fill(spec.width), spec.classes];
}

/** Reads the result back (forcing the work to finish) and frees it so memory stays flat. */
async function readAndDispose(tensor: Tensor): Promise<Float32Array> {
  const values = await tensor.data<'float32'>();
  tensor.dispose();
  return values;
}

/** Population standard deviation, accumulated in doubles. */
function std(values: Float32Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return Math.sqrt(squares / values.length);
}

function prepareForward(
  tf: Tf,
  { batch, width, depth }: { batch: number; width: number; depth: number },
): Session {
  const x = normal(tf, [batch, width], 1, SEED_INPUT);
  // Xavier as in CS231n: N(0,1)/sqrt(fan_in).
  const weights = Array.from({ length: depth }, (_, i) =>
    normal(tf, [width, width], 1 / Math.sqrt(width), SEED_WEIGHTS + i),
  );
  const forward = (): Tensor2D =>
    tf.tidy(() => weights.reduce<Tensor2D>((h, w) => tf.tanh(tf.matMul<Tensor2D>(h, w)), x));
  return {
    step: () => readAndDispose(forward()),
    check: std,
    dispose: () => tf.dispose([x, ...weights]),
  };
}

function prepareTraining(tf: Tf, spec: MlpSpec): Session {
  const dims = mlpDims(spec);
  const x = normal(tf, [spec.batch, spec.inputDim], 1, SEED_INPUT);
  // Float one-hot labels up front so the loss does not cast them on every step.
  const labels = tf.tidy(() => {
    const classIds = tf.randomUniformInt([spec.batch], 0, spec.classes, SEED_LABELS);
    return tf.cast(tf.oneHot(classIds, spec.classes), 'float32');
  });
  // He init: N(0,1)·sqrt(2/fan_in); tidy frees the initial tensors, the variables keep the data.
  const weights: Variable[] = dims
    .slice(1)
    .map((fanOut, i) =>
      tf.tidy(() =>
        tf.variable(normal(tf, [dims[i], fanOut], Math.sqrt(2 / dims[i]), SEED_WEIGHTS + i)),
      ),
    );
  const optimizer: Optimizer = tf.train.sgd(LEARNING_RATE);
  const last = weights.length - 1;
  const loss = (): Scalar => {
    const logits = weights.reduce<Tensor>((h, w, i) => {
      const z = tf.matMul(h, w);
      return i < last ? tf.relu(z) : z;
    }, x);
    return tf.losses.softmaxCrossEntropy(labels, logits);
  };
  const step = (): Promise<Float32Array> => {
    // minimize = variableGrads + the plain SGD update w += -lr·g on every weight. The cpu and
    // wasm kernels run eagerly, so the updates are done once minimize returns; reading the loss
    // back then completes the step.
    const cost = optimizer.minimize(loss, true, weights);
    if (cost === null) throw new Error('optimizer returned no loss');
    return readAndDispose(cost);
  };
  return {
    step,
    check: (first) => first[0],
    dispose: () => {
      optimizer.dispose();
      tf.dispose([x, labels, ...weights]);
    },
  };
}

function prepareMatmul(tf: Tf, n: number): Session {
  const a = normal(tf, [n, n], 1, SEED_INPUT);
  const b = normal(tf, [n, n], 1, SEED_OTHER);
  return {
    step: () => readAndDispose(tf.matMul(a, b)),
    check: (product) => product.subarray(0, n).reduce((sum, v) => sum + v, 0),
    dispose: () => tf.dispose([a, b]),
  };
}

/** Runs warmup then timed steps; keeps the very first step's result for the check value. */
async function measure(
  session: Session,
  runs: number,
  warmup: number,
): Promise<{ times: number[]; first: Float32Array }> {
  let first: Float32Array | undefined;
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    const values = await session.step();
    const elapsed = performance.now() - start;
    first ??= values;
    if (i >= warmup) times.push(elapsed);
  }
  if (first === undefined) throw new Error('no steps were run');
  return { times, first };
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

async function benchmark(
  { tf, threads }: Loaded,
  workload: Workload,
  options: PeerOptions,
): Promise<Result> {
  const session = workload.prepare(tf);
  try {
    const { times, first } = await measure(session, options.runs, options.warmup);
    const sorted = [...times].sort((p, q) => p - q);
    const medianMs = median(sorted);
    return {
      engine: `tfjs-${options.backend}`,
      workload: workload.name,
      median_ms: round2(medianMs),
      min_ms: round2(sorted[0]),
      max_ms: round2(sorted[sorted.length - 1]),
      gflops: round2(workload.flops / (medianMs * 1e6)),
      ...(threads === undefined ? {} : { threads }),
      // float32 results: more than 7 significant digits would be noise.
      check: Number(session.check(first).toPrecision(7)),
    };
  } finally {
    session.dispose();
  }
}

async function main(): Promise<void> {
  const options = parsePeerOptions(
    process.argv.slice(2),
    WORKLOADS.map((w) => w.name),
    os.availableParallelism(),
  );
  routeConsoleToStderr();
  const loaded = await loadTf(options.backend, options.threads);
  const selected = WORKLOADS.filter(
    (w) => options.workload === undefined || w.name === options.workload,
  );
  for (const workload of selected) {
    if (options.backend === 'cpu' && workload.flops > CPU_MAX_FLOPS) {
      process.stderr.write(
        `tfjs-peer: ${workload.name} is too large for the cpu backend; skipped\n`,
      );
      continue;
    }
    const result = await benchmark(loaded, workload, options);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

// Exit explicitly: the threaded backend's pthread workers would keep the process alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof PeerUsageError) {
      // Bad usage: one stderr line and exit code 2.
      process.stderr.write(`tfjs-peer: ${error.message}; ${PEER_USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`tfjs-peer: ${errorStack(error)}\n`);
    process.exit(1);
  },
);
