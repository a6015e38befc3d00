/**
 * The exported probe computes what our engine computes: the NumPy script's per-layer statistics
 * (and the PyTorch script's, where torch is installed) agree with runProbe on the same
 * configuration.
 *
 * The two draw different random numbers, so they agree only statistically, and how closely
 * depends on the configuration: a ReLU network's activation std varies ~14 % from one seed to
 * the next at width 200 (the layer-to-layer gain is itself random, through the weights every row
 * shares), a tanh network's ~1.5 %, a batchnorm network's ~0.3 %. A fixed "within 15 %" would
 * fail honest ReLU runs and let a real error in tanh ones pass. So the tolerance is measured:
 *
 *   |ours − theirs| ≤ Z · √2 · σ + floor
 *
 * σ is the statistic's standard deviation over our engine run with SPREAD_SEEDS other seeds (the
 * spread of one draw; √2 makes it the spread of a difference of two independent draws). Z = 5:
 * a correct script exceeds it with probability ~0.2 % per comparison (Student's t, 7 degrees of
 * freedom; the comparisons are strongly correlated across layers, and the worst measured one uses
 * about 55 % of its tolerance), while a wrong formula (Glorot for Xavier, fan_out for fan_in, a
 * 0.95 saturation threshold, a missing batchnorm) moves statistics by many σ. The floors cover
 * float32 rounding and statistics with no spread (zero on both sides): 2 % relative for stds and
 * the loss, 2 % of the std for means, 1 percentage point for fractions. Both sides are seeded, so
 * the test is deterministic: it changes verdict only when a formula changes.
 *
 * Input 300 ≠ width 200, so fan_in/fan_out mix-ups and Xavier/Glorot show in w_std (σ ≈ 0.3 %).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { NetworkConfig } from '../engine/config';
import { createKernels, defaultBackend } from '../engine/kernels';
import { type ProbeResult, runProbe } from '../engine/probe';
import { AGREEMENT_STATISTICS, sampleStd, type StatisticKind } from './agreement-testing';
import { probeJsonProblems } from './json';
import { numpyScript } from './numpy';
import { pytorchScript } from './pytorch';

const Z = 5;
const SPREAD_SEEDS = [101, 202, 303, 404, 505, 606, 707, 808];
const BATCH = 500;
const BASE: NetworkConfig = {
  inputDim: 300,
  depth: 6,
  width: 200,
  activation: 'tanh',
  init: 'xavier',
  initScale: 1,
  batchnorm: false,
  classes: 10,
  seed: 7,
};
const CASES: [string, Partial<NetworkConfig>][] = [
  ['tanh+small', { activation: 'tanh', init: 'small' }],
  ['tanh+xavier', { activation: 'tanh', init: 'xavier' }],
  ['relu+xavier', { activation: 'relu', init: 'xavier' }],
  ['relu+he', { activation: 'relu', init: 'he' }],
  ['sigmoid+large', { activation: 'sigmoid', init: 'large' }],
  ['relu+he+bn', { activation: 'relu', init: 'he', batchnorm: true }],
  ['maxout+xavier', { activation: 'maxout', init: 'xavier' }],
  ['leaky-relu+he, bias −1', { activation: 'leaky-relu', init: 'he', biasInit: -1 }],
  ['tanh+lsuv', { activation: 'tanh', init: 'lsuv' }],
  ['gelu+orthogonal+bn', { activation: 'gelu', init: 'orthogonal', batchnorm: true }],
  // After the lecture: residual blocks (α, the norm's kind and place), dropout in the probe.
  ['relu+he, residual', { activation: 'relu', init: 'he', residual: true }],
  [
    'tanh+xavier, residual 1/√L, layernorm pre',
    { residual: true, branchScale: 'inv-sqrt-depth', layernorm: true, normPosition: 'pre' },
  ],
  [
    'relu+he, ReZero, layernorm post',
    {
      activation: 'relu',
      init: 'he',
      residual: true,
      branchScale: 'rezero',
      layernorm: true,
      normPosition: 'post',
    },
  ],
  ['gelu+he, layernorm inside', { activation: 'gelu', init: 'he', layernorm: true }],
  [
    'maxout+lsuv, residual, batchnorm pre',
    { activation: 'maxout', init: 'lsuv', residual: true, batchnorm: true, normPosition: 'pre' },
  ],
  [
    'relu+he, dropout 0.3 in the probe',
    { activation: 'relu', init: 'he', dropout: 0.3, dropoutInProbe: true },
  ],
  ['tanh+xavier, dropout 0.5 (training only)', { dropout: 0.5 }],
  [
    'relu+he, residual, dropout 0.2 in the probe',
    { activation: 'relu', init: 'he', residual: true, dropout: 0.2, dropoutInProbe: true },
  ],
];

interface Comparison {
  what: string;
  ours: number;
  theirs: number;
  tolerance: number;
  /** |ours − theirs| / (√2 σ): how many standard deviations of a difference apart. */
  sigmas: number;
}

/** Every statistic of every layer, and the loss, against its tolerance. */
function compare(ours: ProbeResult, others: ProbeResult[], theirs: ProbeResult): Comparison[] {
  const comparisons: Comparison[] = [];
  const add = (
    what: string,
    kind: StatisticKind,
    a: number,
    b: number,
    spread: number[],
    scale: number,
  ) => {
    const sigma = Math.SQRT2 * sampleStd(spread);
    const floor = kind === 'fraction' ? 0.01 : 0.02 * scale;
    const diff = Math.abs(a - b);
    comparisons.push({
      what,
      ours: a,
      theirs: b,
      tolerance: Z * sigma + floor,
      sigmas: diff / sigma,
    });
  };
  ours.layers.forEach((layer, i) => {
    for (const [name, kind, get] of AGREEMENT_STATISTICS) {
      const spread = others.map((o) => get(o.layers[i]));
      // A mean near zero is judged against the spread of the values it averages.
      const scale =
        kind === 'mean' ? Math.max(layer.preact.std, layer.act.std) : Math.abs(get(layer));
      add(`layer ${i + 1} ${name}`, kind, get(layer), get(theirs.layers[i]), spread, scale);
    }
  });
  add(
    'loss',
    'std',
    ours.loss,
    theirs.loss,
    others.map((o) => o.loss),
    Math.abs(ours.loss),
  );
  return comparisons;
}

function findPython(module: string): string | null {
  for (const candidate of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
    if (candidate && spawnSync(candidate, ['-c', `import ${module}`]).status === 0)
      return candidate;
  }
  return null;
}

const execFileAsync = promisify(execFile);
/** One BLAS/OpenMP thread per interpreter: the tests already run side by side on few cores. */
const SINGLE_THREAD = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
const run = (file: string, args: string[], options: { maxBuffer?: number } = {}) =>
  execFileAsync(file, args, { ...options, env: { ...process.env, ...SINGLE_THREAD } });

/** Runs the scripts (with --json) in ONE interpreter; returns what each printed, in order. */
async function runScripts(interpreter: string, paths: string[]): Promise<string[]> {
  const driver = `import contextlib, io, json, runpy, sys
printed = []
for path in sys.argv[1:]:
    sys.argv = [path, '--json']
    with contextlib.redirect_stdout(io.StringIO()) as out:
        runpy.run_path(path, run_name='__main__')
    printed.append(out.getvalue())
print(json.dumps(printed))`;
  const { stdout } = await run(interpreter, ['-c', driver, ...paths], { maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as string[];
}
// The page's default backend (wasm where SIMD works): the engine the exports stand in for.
const kernels = createKernels(defaultBackend());
const engineRuns = new Map<string, { ours: ProbeResult; others: ProbeResult[] }>();

/** Our engine on the case's seed and on SPREAD_SEEDS, computed once for both scripts. */
function engine(config: NetworkConfig): { ours: ProbeResult; others: ProbeResult[] } {
  const key = JSON.stringify(config);
  let runs = engineRuns.get(key);
  if (!runs) {
    const ours = runProbe(config, BATCH, kernels);
    const others = SPREAD_SEEDS.map((seed) => runProbe({ ...config, seed }, BATCH, kernels));
    runs = { ours, others };
    engineRuns.set(key, runs);
  }
  return runs;
}
const dir = mkdtempSync(join(tmpdir(), 'activation-lab-agreement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Prints the measured agreement when EXPORT_AGREEMENT_REPORT is set (for the docs). */
function report(label: string, name: string, comparisons: Comparison[]): void {
  if (!process.env.EXPORT_AGREEMENT_REPORT) return;
  const worst = (prefix: string) => {
    const rel = comparisons
      .filter((c) => c.what === prefix || c.what.endsWith(` ${prefix}`))
      .map((c) => Math.abs(c.ours - c.theirs) / Math.max(Math.abs(c.ours), 1e-300));
    return `${prefix} ${(100 * Math.max(...rel)).toFixed(1)}%`;
  };
  const fractions = comparisons
    .filter((c) => c.what.endsWith('dead') || c.what.endsWith('saturated'))
    .map((c) => Math.abs(c.ours - c.theirs));
  const used = Math.max(...comparisons.map((c) => Math.abs(c.ours - c.theirs) / c.tolerance));
  console.log(
    `${label} ${name.padEnd(24)} ${(100 * used).toFixed(0)}% of tolerance | ${['act.std', 'preact.std', 'grad_act_std', 'grad_w_std', 'w_std', 'loss'].map(worst).join(' | ')} | dead/sat ${(100 * Math.max(...fractions)).toFixed(1)} pp`,
  );
}

function describeAgreement(label: string, interpreter: string | null, script: typeof numpyScript) {
  const note = interpreter ? '' : ` [SKIPPED: no python3 with ${label} found]`;
  describe(`${label} probe agrees with the engine (Z = ${Z}, ${SPREAD_SEEDS.length} seeds)${note}`, () => {
    // One interpreter runs every case (its imports paid once), while our engine computes.
    const paths = CASES.map(([name, part]) => {
      const path = join(dir, `${label}_${name.replace(/[^a-z0-9]+/gi, '-')}.py`);
      writeFileSync(path, script({ ...BASE, ...part }, BATCH));
      return path;
    });
    const printed = interpreter ? runScripts(interpreter, paths) : Promise.resolve([]);
    printed.catch(() => undefined); // awaited in the tests; no unhandled rejection before
    CASES.forEach(([name, part], i) => {
      it.skipIf(!interpreter)(name, async () => {
        const config = { ...BASE, ...part };
        const { ours, others } = engine(config);
        const theirs = JSON.parse((await printed)[i]) as ProbeResult;
        expect(probeJsonProblems(theirs)).toEqual([]);
        const comparisons = compare(ours, others, theirs);
        report(label, name, comparisons);
        const outside = comparisons.filter((c) => !(Math.abs(c.ours - c.theirs) <= c.tolerance));
        expect(outside).toEqual([]);
      });
    });
  });
}

describeAgreement('numpy', findPython('numpy'), numpyScript);
describeAgreement('torch', findPython('torch'), (config, batch) => pytorchScript(config, batch));
