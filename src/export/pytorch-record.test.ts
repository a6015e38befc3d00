/**
 * The exported PyTorch script's `--record FILE`: the recording (python/activation_lab's Recorder)
 * holds the very pass the script's `--json` reports, so every hidden layer's statistics in it
 * equal the script's own to float64 rounding; and `--json` prints the same bytes with and
 * without `--record`. The recording validates against format.ts and Python's read_recording.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { NetworkConfig } from '../engine/config';
import { type Recording, recordingSchema } from '../engine/recording/format';
import { pytorchScript } from './pytorch';

/** Same pass, same float32 values, both summed in float64: only rounding may differ. */
const RELATIVE = 1e-5;
const BATCH = 128;
const BASE: NetworkConfig = {
  inputDim: 48,
  depth: 5,
  width: 40,
  activation: 'tanh',
  init: 'xavier',
  initScale: 1,
  batchnorm: false,
  classes: 10,
  seed: 3,
};
const CASES: [string, Partial<NetworkConfig>][] = [
  ['tanh+xavier', { activation: 'tanh', init: 'xavier' }],
  ['relu+he+bn', { activation: 'relu', init: 'he', batchnorm: true }],
  ['sigmoid+small', { activation: 'sigmoid', init: 'small' }],
];
const TRAINING = {
  optimizer: 'sgd',
  learningRate: 0.05,
  l2: 0,
  batchSize: 32,
  steps: 12,
} as const;

interface ProbeJson {
  loss: number;
  layers: {
    preact: { mean: number; std: number };
    act: { mean: number; std: number };
    saturated: number;
    dead: number;
    grad_act_std: number;
    grad_w_std: number;
    w_std: number;
  }[];
}
type Run = { plain: string; recorded: string; read: Recording | null };

function torchPython(): string | null {
  for (const candidate of [process.env.PYTHON, '/usr/bin/python3', 'python3']) {
    if (candidate && spawnSync(candidate, ['-c', 'import torch']).status === 0) return candidate;
  }
  return null;
}

/**
 * Runs each [script, args] in ONE interpreter (torch is imported once): its stdout, and the
 * recording read back by activation_lab.read_recording when args name one after --record.
 */
async function runAll(interpreter: string, runs: [string, string[]][]): Promise<Run[]> {
  const driver = `import contextlib, io, json, runpy, sys
from activation_lab import read_recording
out = []
for run in json.loads(sys.argv[1]):
    path, args = run
    sys.argv = [path, *args]
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        runpy.run_path(path, run_name='__main__')
    record = args[args.index('--record') + 1] if '--record' in args else None
    out.append({'stdout': printed.getvalue(), 'read': read_recording(record) if record else None})
print(json.dumps(out))`;
  const python = fileURLToPath(new URL('../../python', import.meta.url));
  const env = { ...process.env, PYTHONPATH: python, OMP_NUM_THREADS: '1' };
  const { stdout } = await promisify(execFile)(interpreter, ['-c', driver, JSON.stringify(runs)], {
    env,
    maxBuffer: 64 << 20,
  });
  const results = JSON.parse(stdout) as { stdout: string; read: Recording | null }[];
  // Per case: --json alone, then --json --record.
  return CASES.map((_, i) => ({
    plain: results[2 * i].stdout,
    recorded: results[2 * i + 1].stdout,
    read: results[2 * i + 1].read,
  }));
}

/** |recorded − script| relative to the script's value (a mean: to the std beside it). */
function differences(json: ProbeJson, recording: Recording): number[] {
  const found: number[] = [];
  const relative = (a: number | null | undefined, b: number, scale = Math.abs(b)) =>
    found.push(Math.abs((a ?? NaN) - b) / Math.max(scale, 1e-300));
  json.layers.forEach((s, i) => {
    const r = recording.steps[0].layers[i];
    relative(r.act?.std, s.act.std);
    relative(r.act?.mean, s.act.mean, Math.max(Math.abs(s.act.mean), s.act.std));
    relative(r.preact?.std, s.preact.std);
    relative(r.preact?.mean, s.preact.mean, Math.max(Math.abs(s.preact.mean), s.preact.std));
    relative(r.grad_act_std, s.grad_act_std);
    relative(r.grad_w_std, s.grad_w_std);
    relative(r.w_std, s.w_std);
    relative(r.saturated, s.saturated, 1);
    relative(r.dead, s.dead, 1);
  });
  return found;
}

const interpreter = torchPython();
const dir = mkdtempSync(join(tmpdir(), 'activation-lab-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const note = interpreter ? '' : ' [SKIPPED: no python3 with PyTorch (apt install python3-torch)]';

describe(`the PyTorch script's --record writes the pass --json reports${note}`, () => {
  const recordings = CASES.map(([name]) => join(dir, `${name}.alab.json`));
  const runs: [string, string[]][] = CASES.flatMap(([name, part], i) => {
    const path = join(dir, `${name}.py`);
    writeFileSync(path, pytorchScript({ ...BASE, ...part }, BATCH));
    return [
      [path, ['--json']],
      [path, ['--json', '--record', recordings[i]]],
    ] as [string, string[]][];
  });
  const done = interpreter ? runAll(interpreter, runs) : Promise.resolve([]);
  done.catch(() => undefined); // awaited in the tests; no unhandled rejection before then

  CASES.forEach(([name, part], i) => {
    it.skipIf(!interpreter)(name, async () => {
      const config = { ...BASE, ...part };
      const run = (await done)[i];
      expect(run.recorded).toBe(run.plain);
      const recording = recordingSchema.parse(JSON.parse(readFileSync(recordings[i], 'utf8')));
      expect(run.read).toEqual(JSON.parse(JSON.stringify(recording)));
      expect(recording).toMatchObject({ source: 'pytorch', model: { name: 'MLP' } });
      expect(recording.model.config).toMatchObject({ activation: config.activation, batch: BATCH });
      // The hidden layers, then the output layer (no activation module follows it).
      expect(recording.model.layers).toHaveLength(config.depth + 1);
      expect(recording.model.layers[0]).toMatchObject({
        name: 'hidden.0.linear',
        units: config.width,
        weight_shape: [config.width, config.inputDim],
        activation: config.activation,
        norm: config.batchnorm ? { kind: 'batchnorm' } : null,
      });
      expect(recording.steps.map((s) => s.step)).toEqual([0]);
      const json = JSON.parse(run.plain) as ProbeJson;
      expect(recording.steps[0].loss).toBeCloseTo(json.loss, 12);
      const found = differences(json, recording);
      if (process.env.EXPORT_AGREEMENT_REPORT)
        console.log(`${name}: largest relative difference ${Math.max(...found).toExponential(2)}`);
      expect(found.filter((d) => !(d <= RELATIVE))).toEqual([]);
    });
  });

  it.skipIf(!interpreter)('a training script records its training steps', async () => {
    const path = join(dir, 'train.py');
    const file = join(dir, 'train.alab.json');
    writeFileSync(path, pytorchScript(BASE, BATCH, TRAINING));
    const args = ['--steps', '12', '--record-every', '5', '--record', file];
    const python = fileURLToPath(new URL('../../python', import.meta.url));
    const env = { ...process.env, PYTHONPATH: python, OMP_NUM_THREADS: '1' };
    await promisify(execFile)(interpreter!, [path, ...args], { env });
    const recording = recordingSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(recording.steps.map((s) => s.step)).toEqual([0, 5, 10]);
    for (const step of recording.steps) {
      expect(step.loss).toEqual(expect.any(Number));
      expect(step.accuracy).toEqual(expect.any(Number));
      expect(Object.keys(step.update_data)).toContain('hidden.0.linear.weight');
    }
  });
});
