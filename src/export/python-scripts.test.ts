/**
 * The exported scripts, checked by Python itself: every PyTorch script compiles, every NumPy
 * script runs and prints a probe result, and the NumPy probe's statistics agree with our engine's
 * on the same configuration (different random streams, so within a stated statistical tolerance).
 * Tests needing an interpreter are skipped, saying so, when none is found (CI installs Debian's
 * python3-numpy; python3-torch, if installed, also runs the PyTorch scripts).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  BRANCH_SCALES,
  INITS,
  type NetworkConfig,
  NORM_POSITIONS,
  OPTIMIZERS,
} from '../engine/config';
import { probeJsonProblems } from './json';
import { numpyScript } from './numpy';
import { pytorchScript, type PytorchTraining } from './pytorch';

const execFileAsync = promisify(execFile);
/** One BLAS/OpenMP thread per interpreter: the tests already run side by side on few cores. */
const SINGLE_THREAD = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
const run = (file: string, args: string[], options: { maxBuffer?: number } = {}) =>
  execFileAsync(file, args, { ...options, env: { ...process.env, ...SINGLE_THREAD } });

/** The first interpreter that can import `module`: $PYTHON, python3 on PATH, Debian's python3. */
function findPython(module: string): string | null {
  for (const candidate of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
    if (candidate && spawnSync(candidate, ['-c', `import ${module}`]).status === 0)
      return candidate;
  }
  return null;
}

const python = findPython('py_compile');
const numpyPython = findPython('numpy');
const torchPython = findPython('torch');
const skipped = (found: string | null, what: 'python3' | 'numpy' | 'torch') =>
  found
    ? ''
    : what === 'python3'
      ? ' [SKIPPED: no python3 found]'
      : ` [SKIPPED: no python3 with ${what} found; apt-get install python3-${what}]`;

const dir = mkdtempSync(join(tmpdir(), 'activation-lab-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs each script in ONE interpreter (imports paid once); returns what each printed. */
async function runScripts(interpreter: string, paths: string[], args: string[] = []) {
  const driver = `import contextlib, io, json, runpy, sys
args, paths, printed = json.loads(sys.argv[1]), sys.argv[2:], {}
for path in paths:
    sys.argv = [path] + args
    with contextlib.redirect_stdout(io.StringIO()) as out:
        runpy.run_path(path, run_name='__main__')
    printed[path] = out.getvalue()
print(json.dumps(printed))`;
  try {
    const { stdout } = await run(interpreter, ['-c', driver, JSON.stringify(args), ...paths], {
      maxBuffer: 256 * 1024 * 1024,
    });
    return JSON.parse(stdout) as Record<string, string>;
  } catch (error) {
    // The command line lists hundreds of paths: report what Python said instead.
    throw new Error(`python failed:\n${(error as { stderr?: string }).stderr ?? String(error)}`);
  }
}

const tiny = (activation: NetworkConfig['activation'], init: NetworkConfig['init'], bn: boolean) =>
  ({
    inputDim: 12,
    depth: 3,
    width: 16,
    activation,
    init,
    initScale: 0.37,
    batchnorm: bn,
    classes: 4,
    seed: 5,
    biasInit: 0.1,
  }) satisfies NetworkConfig;

const COMBINATIONS = ACTIVATIONS.flatMap((activation) =>
  INITS.flatMap((init) => [false, true].map((bn) => tiny(activation, init, bn))),
);
const comboName = (c: NetworkConfig) => `${c.activation}_${c.init}_${c.batchnorm ? 'bn' : 'nobn'}`;

/**
 * Every architecture after the lecture: residual (off, or each branch scale) × normalization
 * (none, batch, layer) × its place (pre and post with residual only) × dropout (none, training
 * only, in the probe too); the activations and inits taken in turn.
 */
const ARCHITECTURES: NetworkConfig[] = (() => {
  const list: NetworkConfig[] = [];
  const scales = [undefined, ...BRANCH_SCALES] as const;
  const norms = [{}, { batchnorm: true }, { layernorm: true }];
  const dropouts = [{}, { dropout: 0.2 }, { dropout: 0.2, dropoutInProbe: true }];
  for (const scale of scales)
    for (const norm of norms)
      for (const place of NORM_POSITIONS) {
        const residual = scale !== undefined;
        const hasNorm = 'batchnorm' in norm || 'layernorm' in norm;
        if ((place !== 'inside' && !residual) || (place !== 'inside' && !hasNorm)) continue;
        for (const dropout of dropouts) {
          const i = list.length;
          const base = tiny(ACTIVATIONS[i % ACTIVATIONS.length], INITS[i % INITS.length], false);
          list.push({
            ...base,
            ...norm,
            ...dropout,
            ...(residual ? { residual, branchScale: scale, normPosition: place } : {}),
          });
        }
      }
  return list;
})();
const architectureName = (c: NetworkConfig, i: number) =>
  `arch${i}_${c.residual ? `res-${c.branchScale}` : 'plain'}_${c.batchnorm ? 'bn' : c.layernorm ? 'ln' : 'nonorm'}-${c.normPosition ?? 'inside'}_drop${c.dropout ?? 0}${c.dropoutInProbe ? 'probe' : ''}`;

describe('PyTorch script', () => {
  // Each combination with a training loop (optimizers in turn) and once more probe-only.
  const files = COMBINATIONS.flatMap((config, i) => {
    const training: PytorchTraining = {
      optimizer: OPTIMIZERS[i % OPTIMIZERS.length],
      learningRate: 0.05,
      l2: i % 2 ? 0.001 : 0,
      batchSize: 8,
      steps: 3,
    };
    const base = join(dir, `torch_${comboName(config)}`);
    writeFileSync(`${base}_train.py`, pytorchScript(config, 32, training));
    writeFileSync(`${base}.py`, pytorchScript(config, 32));
    return [`${base}_train.py`, `${base}.py`];
  });
  const planar = ['spiral', 'circles', 'xor', 'blobs'].map((dataset) => {
    const classes = dataset === 'circles' || dataset === 'xor' ? 2 : 3;
    const config = { ...tiny('relu', 'lsuv', true), inputDim: 2, classes };
    const path = join(dir, `torch_data_${dataset}.py`);
    const training = { optimizer: 'adam', learningRate: 0.01, l2: 0.001, batchSize: 16, dataset };
    writeFileSync(path, pytorchScript(config, 32, { ...training, steps: 20 } as PytorchTraining));
    return path;
  });
  const digits = join(dir, 'torch_data_digits.py');
  writeFileSync(
    digits,
    pytorchScript({ ...tiny('relu', 'he', false), inputDim: 784, classes: 10 }, 32, {
      optimizer: 'momentum',
      learningRate: 0.01,
      l2: 0,
      batchSize: 32,
      dataset: 'digits',
    }),
  );
  // Each architecture with Adam (AdamW every other one) and probe-only.
  const architectures = ARCHITECTURES.flatMap((config, i) => {
    const base = join(dir, `torch_${architectureName(config, i)}`);
    const training = { optimizer: 'adam', learningRate: 0.01, l2: 0, batchSize: 8, steps: 3 };
    const weightDecay = i % 2 ? 0.01 : 0;
    writeFileSync(
      `${base}_train.py`,
      pytorchScript(config, 32, { ...training, weightDecay } as PytorchTraining),
    );
    writeFileSync(`${base}.py`, pytorchScript(config, 32));
    return [`${base}_train.py`, `${base}.py`];
  });
  files.push(...architectures);
  const all = [...files, ...planar, digits];

  it.skipIf(!python)(
    `compiles for every activation × init × batchnorm and every architecture after the lecture (${all.length} scripts)${skipped(python, 'python3')}`,
    async () => {
      if (!python) return; // (narrowing: skipped above)
      const compile =
        'import py_compile, sys\nfor f in sys.argv[1:]: py_compile.compile(f, doraise=True)';
      await run(python, ['-c', compile, ...all]);
    },
  );

  it.skipIf(!torchPython)(
    `runs: probe JSON for every combination, training on every data set${skipped(torchPython, 'torch')}`,
    async () => {
      if (!torchPython) return; // (narrowing: skipped above)
      const probes = await runScripts(
        torchPython,
        files.filter((f) => !f.endsWith('_train.py')),
        ['--json'],
      );
      for (const [path, printed] of Object.entries(probes))
        expect(probeJsonProblems(JSON.parse(printed)), path).toEqual([]);
      const trained = await runScripts(torchPython, [
        ...files.filter((f) => f.endsWith('_train.py')),
        ...planar,
      ]);
      for (const [path, printed] of Object.entries(trained))
        expect(printed, path).toMatch(/step +\d+ +loss/);
    },
  );
});

describe('NumPy script', () => {
  it.skipIf(!numpyPython)(
    `runs and prints a probe result for every activation × init × batchnorm and architecture${skipped(numpyPython, 'numpy')}`,
    async () => {
      if (!numpyPython) return; // (narrowing: skipped above)
      const configs = [...COMBINATIONS, ...ARCHITECTURES];
      const paths = configs.map((config, i) => {
        const name = i < COMBINATIONS.length ? comboName(config) : architectureName(config, i);
        const path = join(dir, `numpy_${name}.py`);
        writeFileSync(path, numpyScript(config, 32));
        return path;
      });
      const printed = await runScripts(numpyPython, paths);
      configs.forEach((config, i) => {
        const result = JSON.parse(printed[paths[i]]);
        expect(probeJsonProblems(result), paths[i]).toEqual([]);
        expect(result.config).toMatchObject({ ...config, batch: 32, backend: 'numpy' });
      });
    },
  );
});
