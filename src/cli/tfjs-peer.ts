/**
 * TensorFlow.js benchmark peer: times the same workloads as our own engine so the two can be
 * compared, and prints one JSON line per workload on stdout (nothing else goes to stdout).
 *
 * Usage: npx tsx src/cli/tfjs-peer.ts --backend cpu|wasm [--workload NAME] [--runs N] [--warmup N]
 *
 * See /work/shared/notes/tfjs-peer-in-node.md: load the union package with a dynamic import (the
 * tfjs-core files alone fail under Node's ESM loader and register no gradients), point the wasm
 * backend at its .wasm files, and run each backend in its own process.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Optimizer, Rank, Scalar, Tensor, Tensor2D, Variable } from '@tensorflow/tfjs';
import { errorMessage, errorStack } from '../engine/format';

type Tf = typeof import('@tensorflow/tfjs');
type Backend = 'cpu' | 'wasm';

interface Options {
  backend: Backend;
  workload: string | undefined;
  runs: number;
  warmup: number;
}

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
  check: number;
}

const USAGE = 'usage: tfjs-peer --backend cpu|wasm [--workload NAME] [--runs N] [--warmup N]';
const LEARNING_RATE = 0.01;
// Fixed per-tensor seeds so every run (and every --workload subset) sees the same numbers.
const SEED_INPUT = 1;
const SEED_OTHER = 2;
const SEED_LABELS = 3;
const SEED_WEIGHTS = 100;

const FORWARD = { batch: 1000, width: 500, depth: 10 };
const TRAIN_BIG: MlpSpec = { inputDim: 500, width: 500, depth: 10, classes: 10, batch: 256 };
const TRAIN_SMALL: MlpSpec = { inputDim: 100, width: 100, depth: 6, classes: 10, batch: 128 };
const MATMUL_N = 512;

const WORKLOADS: readonly Workload[] = [
  {
    name: 'forward-10x500-b1000',
    flops: FORWARD.depth * 2 * FORWARD.batch * FORWARD.width * FORWARD.width,
    prepare: prepareForward,
  },
  {
    name: 'train-10x500-b256',
    flops: trainingFlops(TRAIN_BIG),
    prepare: (tf) => prepareTraining(tf, TRAIN_BIG),
  },
  {
    name: 'train-6x100-b128',
    flops: trainingFlops(TRAIN_SMALL),
    prepare: (tf) => prepareTraining(tf, TRAIN_SMALL),
  },
  { name: 'matmul-512', flops: 2 * MATMUL_N ** 3, prepare: prepareMatmul },
];

/** Bad usage: one stderr line (parseArgs messages can span lines) and exit code 2. */
function fail(message: string): never {
  const line = message.replace(/\s+/g, ' ').replace(/\.$/, '');
  process.stderr.write(`tfjs-peer: ${line}; ${USAGE}\n`);
  process.exit(2);
}

function parseCount(flag: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min) {
    fail(`--${flag} must be an integer >= ${min}, got '${raw}'`);
  }
  return value;
}

function parseOptions(argv: string[]): Options {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        backend: { type: 'string' },
        workload: { type: 'string' },
        runs: { type: 'string' },
        warmup: { type: 'string' },
      },
    }));
  } catch (error) {
    fail(errorMessage(error));
  }
  const { backend, workload } = values;
  if (backend === undefined) fail('missing --backend (cpu or wasm)');
  if (backend !== 'cpu' && backend !== 'wasm') {
    fail(`--backend must be cpu or wasm, got '${backend}'`);
  }
  if (workload !== undefined && !WORKLOADS.some((w) => w.name === workload)) {
    fail(`unknown --workload '${workload}' (one of ${WORKLOADS.map((w) => w.name).join(', ')})`);
  }
  return {
    backend,
    workload,
    runs: parseCount('runs', values.runs, 5, 1),
    warmup: parseCount('warmup', values.warmup, 2, 0),
  };
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

async function loadTf(backend: Backend): Promise<Tf> {
  const tf = await import('@tensorflow/tfjs');
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(wasmDistDir());
  }
  if (!(await tf.setBackend(backend))) {
    throw new Error(`could not initialise the ${backend} backend`);
  }
  await tf.ready();
  return tf;
}

function normal(tf: Tf, shape: [number, number], std: number, seed: number): Tensor2D {
  return tf.randomNormal<Rank.R2>(shape, 0, std, 'float32', seed);
}

/** Layer sizes from input to output, e.g. [500, 500, ..., 500, 10]. */
function mlpDims(spec: MlpSpec): number[] {
  return [spec.inputDim, ...Array<number>(spec.depth).fill(spec.width), spec.classes];
}

/** Forward + backward is counted as three forward passes (2·B·Σ fan_in·fan_out each). */
function trainingFlops(spec: MlpSpec): number {
  const dims = mlpDims(spec);
  const macs = dims.slice(1).reduce((sum, fanOut, i) => sum + dims[i] * fanOut, 0);
  return 3 * 2 * spec.batch * macs;
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

function prepareForward(tf: Tf): Session {
  const { batch, width, depth } = FORWARD;
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

function prepareMatmul(tf: Tf): Session {
  const a = normal(tf, [MATMUL_N, MATMUL_N], 1, SEED_INPUT);
  const b = normal(tf, [MATMUL_N, MATMUL_N], 1, SEED_OTHER);
  return {
    step: () => readAndDispose(tf.matMul(a, b)),
    check: (product) => product.subarray(0, MATMUL_N).reduce((sum, v) => sum + v, 0),
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

async function benchmark(tf: Tf, workload: Workload, options: Options): Promise<Result> {
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
      // float32 results: more than 7 significant digits would be noise.
      check: Number(session.check(first).toPrecision(7)),
    };
  } finally {
    session.dispose();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  routeConsoleToStderr();
  const tf = await loadTf(options.backend);
  const selected = WORKLOADS.filter(
    (w) => options.workload === undefined || w.name === options.workload,
  );
  for (const workload of selected) {
    const result = await benchmark(tf, workload, options);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`tfjs-peer: ${errorStack(error)}\n`);
  process.exit(1);
});
