/**
 * The benchmark's workloads on our engine, defined to be the same work as in tfjs-peer.ts:
 * forward-10x500-b1000, train-10x500-b256, train-6x100-b128, matmul-512 and
 * forward-10x2000-b1000.
 */
import type { NetworkConfig } from '../engine/config';
import type { Kernels } from '../engine/kernels/kernels';
import { Network } from '../engine/network';
import { Optimizer } from '../engine/optimizer';
import { fillProbeData } from '../engine/probe';
import { Rng } from '../engine/rng';

export interface BenchResult {
  engine: string;
  workload: string;
  median_ms: number;
  min_ms: number;
  max_ms: number;
  gflops: number;
  [extra: string]: number | string;
}

interface Prepared {
  run: () => void;
  /** A number that shows the work was done (compare with the peer's). */
  check: () => number;
}

export interface Workload {
  name: string;
  flops: number;
  prepare: (kernels: Kernels) => Prepared;
}

const WARMUP_RUNS = 2;

function mlpFlops(
  inputDim: number,
  width: number,
  depth: number,
  batch: number,
  classes: number,
): number {
  const weights = inputDim * width + (depth - 1) * width * width + width * classes;
  return 2 * batch * weights;
}

function forwardWorkload(depth: number, width: number, batch: number): Workload {
  const config: NetworkConfig = {
    inputDim: width,
    depth,
    width,
    activation: 'tanh',
    init: 'xavier',
    initScale: 1,
    batchnorm: false,
    classes: 10,
    seed: 1,
  };
  return {
    name: `forward-${depth}x${width}-b${batch}`,
    // Hidden layers only: no output layer in this workload.
    flops: 2 * batch * width * width * depth,
    prepare(kernels) {
      const net = new Network(config, batch, kernels);
      fillProbeData(net);
      net.initialize();
      return {
        run: () => {
          for (let i = 0; i < config.depth; i++) net.forwardLayer(i, true);
        },
        check: () => {
          kernels.moments(net.layers[config.depth - 1].h.data, batch * width);
          return kernels.results()[1];
        },
      };
    },
  };
}

function trainWorkload(depth: number, width: number, batch: number): Workload {
  const config: NetworkConfig = {
    inputDim: width,
    depth,
    width,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    batchnorm: false,
    classes: 10,
    seed: 1,
  };
  return {
    name: `train-${depth}x${width}-b${batch}`,
    flops: 3 * mlpFlops(width, width, depth, batch, 10),
    prepare(kernels) {
      const net = new Network(config, batch, kernels);
      fillProbeData(net);
      net.initialize();
      const optimizer = new Optimizer(net, { optimizer: 'sgd', learningRate: 0.01 });
      let firstLoss = NaN;
      return {
        run: () => {
          net.forward(true);
          net.backward();
          optimizer.apply();
          if (Number.isNaN(firstLoss)) firstLoss = net.loss;
        },
        check: () => firstLoss,
      };
    },
  };
}

function matmulWorkload(): Workload {
  const n = 512;
  return {
    name: 'matmul-512',
    flops: 2 * n * n * n,
    prepare(kernels) {
      const base = kernels.reserve(3 * n * n);
      const a = kernels.view(base, n * n);
      const b = kernels.view(base + n * n, n * n);
      const c = kernels.view(base + 2 * n * n, n * n);
      const rng = new Rng(1);
      rng.fillNormal(a);
      rng.fillNormal(b);
      return {
        run: () => kernels.gemm(a, b, c, n, n, n, false),
        check: () => c.subarray(0, n).reduce((sum, v) => sum + v, 0),
      };
    },
  };
}

export const WORKLOADS: Workload[] = [
  forwardWorkload(10, 500, 1000),
  trainWorkload(10, 500, 256),
  trainWorkload(6, 100, 128),
  matmulWorkload(),
  // 40 GFLOP each way: the size the issue on threads asks the page's probe to report.
  forwardWorkload(10, 2000, 1000),
];

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Median, min and max of `runs` timed runs after two warm-ups. Tiny workloads get more runs. */
export function runWorkload(workload: Workload, kernels: Kernels, runs: number): BenchResult {
  const prepared = workload.prepare(kernels);
  for (let i = 0; i < WARMUP_RUNS; i++) prepared.run();
  const times: number[] = [];
  const budgetEnd = performance.now() + 1000;
  while (times.length < runs || (times.length < 50 && performance.now() < budgetEnd)) {
    const start = performance.now();
    prepared.run();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)];
  return {
    engine: kernels.name,
    workload: workload.name,
    median_ms: round(median, 2),
    min_ms: round(times[0], 2),
    max_ms: round(times[times.length - 1], 2),
    gflops: round(workload.flops / median / 1e6, 2),
    variant: kernels.variant,
    threads: kernels.threads,
    runs: times.length,
    check: round(prepared.check(), 6),
  };
}
