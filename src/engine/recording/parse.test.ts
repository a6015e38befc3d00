import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Recording } from './format';
import { syntheticRecording as sample } from './synthetic';
import { checkRecordingSize, parseRecording, RecordingError } from './parse';

/** The JSON-lines variant: the last layer and the tanh bins first appear with step 1. */
function jsonLines(recording: Recording): string {
  const { steps, model, bins, ...rest } = structuredClone(recording);
  const late = model.layers.length - 1;
  const { 'act:tanh': tanh, ...early } = bins;
  const header = { ...rest, model: { ...model, layers: model.layers.slice(0, late) }, bins: early };
  steps[0].layers = steps[0].layers
    .slice(0, late)
    .map((l) => ({ ...l, histograms: { ...l.histograms, act: null } }));
  steps[1] = { ...steps[1], new_layers: model.layers.slice(late), new_bins: { 'act:tanh': tanh } };
  return [header, ...steps].map((line) => JSON.stringify(line)).join('\n') + '\n';
}

/** The message a bad text is refused with (and that it is refused with a RecordingError). */
function refusal(text: string | Recording): string {
  try {
    parseRecording(typeof text === 'string' ? text : JSON.stringify(text));
  } catch (error) {
    expect(error).toBeInstanceOf(RecordingError);
    expect((error as Error).message.length).toBeLessThan(200);
    return (error as Error).message;
  }
  throw new Error('the text was accepted');
}

/** A sample with one change made to it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break any field
function broken(change: (r: any) => void): Recording {
  const recording = sample();
  change(recording);
  return recording;
}

describe('parseRecording', () => {
  it('reads both variants into the same object, reporting progress up to 1', () => {
    const expected = sample();
    const fromLines = jsonLines(expected);
    expected.steps[0].layers = expected.steps[0].layers.slice(0, 3);
    expected.steps[0].layers.forEach((l) => (l.histograms.act = null));
    const fractions: number[] = [];
    expect(parseRecording(JSON.stringify(expected, null, 2), (f) => fractions.push(f))).toEqual(
      expected,
    );
    expect(parseRecording(fromLines)).toEqual(expected);
    expect(parseRecording(JSON.stringify(expected))).toEqual(expected);
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('says where a text stops being JSON, and why NaN is not JSON', () => {
    expect(refusal('hello')).toBe('Not JSON: unexpected token hello at line 1, column 1');
    const text = JSON.stringify(sample(), null, 1).replace('"loss": 2.3', '"loss": NaN');
    const line = text.slice(0, text.indexOf('NaN')).split('\n').length;
    expect(refusal(text)).toMatch(
      new RegExp(
        `^Not JSON: unexpected token NaN at line ${line}, column \\d+ \\(NaN and Infinity are not JSON; the recorder writes null\\)$`,
      ),
    );
    expect(refusal('{"a": -Infinity}')).toContain('unexpected token -Infinity at line 1, column 7');
    expect(refusal('{"format": "activation-lab-recording",\n "steps": [')).toMatch(
      /ends too early/,
    );
    expect(refusal('{"a": 1,}')).toBe('Not JSON: unexpected token } at line 1, column 9');
    expect(refusal('  \n ')).toBe('The file is empty');
  });

  it('checks format and version before anything else', () => {
    expect(refusal('[1, 2]')).toBe(
      'Not an Activation Lab recording: no "format": "activation-lab-recording" field',
    );
    expect(refusal({ format: 'probe' } as never)).toBe(
      'Not an Activation Lab recording: "format" is a string ("probe"), not "activation-lab-recording"',
    );
    // Version 7 may have any fields: it is refused by version, not by schema.
    expect(
      refusal(
        broken((r) => {
          r.version = 7;
          r.steps = 'new';
        }),
      ),
    ).toBe('Recording format version 7 is not supported (this reader knows 1)');
  });

  it('names the JSON path of the first field the schema refuses', () => {
    expect(refusal(broken((r) => delete r.steps[1].layers[0].grad_w_std))).toBe(
      'steps[1].layers[0]: the field "grad_w_std" is missing',
    );
    expect(refusal(broken((r) => (r.steps[3].layers[2].act.std = 'big')))).toBe(
      'steps[3].layers[2].act.std: expected a number or null, got a string ("big")',
    );
    expect(refusal(broken((r) => (r.steps[0].layers[0].non_finite = 1.5)))).toBe(
      'steps[0].layers[0].non_finite: expected a whole number, got 1.5',
    );
    expect(refusal(broken((r) => (r.steps[0].layers[0].histograms.act.counts[3] = -1)))).toBe(
      'steps[0].layers[0].histograms.act.counts: item 3 is -1, expected a count (a whole number ≥ 0)',
    );
    expect(refusal(broken((r) => (r.steps[2].extra = 1)))).toBe('steps[2]: unknown field "extra"');
    expect(refusal(broken((r) => (r.model.layers[1].kind = 'lstm')))).toBe(
      'model.layers[1].kind: a string ("lstm"), expected "linear" or "conv1d" or "conv2d" or "dense"',
    );
    expect(refusal(broken((r) => (r.steps[0].layers[0].dead = 2)))).toBe(
      'steps[0].layers[0].dead: 2, must be at most 1',
    );
  });

  it('checks the references a schema cannot', () => {
    expect(refusal(broken((r) => r.steps[0].layers[1].histograms.act.counts.pop()))).toBe(
      'steps[0].layers[1].histograms.act: 49 counts but bins "act:tanh" has 50',
    );
    expect(refusal(broken((r) => (r.steps[0].layers[0].histograms.grad.bins = 'grad:x')))).toBe(
      'steps[0].layers[0].histograms.grad.bins "grad:x" is not defined in bins',
    );
    expect(refusal(broken((r) => (r.steps[0].layers[0].histograms.act.bins = 'toString')))).toBe(
      'steps[0].layers[0].histograms.act.bins "toString" is not defined in bins',
    );
    expect(refusal(broken((r) => (r.steps[2].layers[0].name = 'fc9')))).toBe(
      'steps[2].layers[0].name "fc9" is not described in model.layers',
    );
    expect(refusal(broken((r) => (r.bins['act:tanh'].count = 40)))).toBe(
      'bins "act:tanh": 51 edges for 40 bins (needs count + 1)',
    );
    expect(refusal(broken((r) => (r.steps[1].layers[1].layer = 3)))).toBe(
      'steps[1].layers[1].layer is 3, but "fc1" is layer 2 in model.layers',
    );
    expect(refusal(broken((r) => (r.steps[3].step = 5)))).toBe(
      'steps[3].step is 5, not after the step before (20)',
    );
    expect(refusal(broken((r) => (r.model.layers[2].name = 'fc0')))).toBe(
      'model.layers[2].name "fc0" is described twice',
    );
  });

  it('refuses a recording without steps', () => {
    expect(refusal(broken((r) => (r.steps = [])))).toBe('The recording has no steps');
    const header = jsonLines(sample()).split('\n')[0];
    expect(refusal(header + '\n')).toBe('The recording has no steps');
  });

  it('drops a cut-off last JSON line and refuses any other bad line by number', () => {
    const lines = jsonLines(sample()).trimEnd().split('\n');
    const last = lines[lines.length - 1];
    const cut = [...lines.slice(0, -1), last.slice(0, last.length / 2)].join('\n');
    expect(parseRecording(cut).steps.map((s) => s.step)).toEqual([0, 10, 20, 30]);
    const bad = [
      ...lines.slice(0, 2),
      lines[2].replace('"loss":2.29', '"loss":NaN'),
      ...lines.slice(3),
    ];
    expect(refusal(bad.join('\n'))).toMatch(
      /^Line 3 is not JSON: unexpected token NaN at column \d+ \(NaN and Infinity/,
    );
    const wrong = lines.map((l, i) => (i === 4 ? l.replace('"dead":0', '"dead":"x"') : l));
    expect(refusal(wrong.join('\n'))).toBe(
      'steps[3].layers[0].dead: expected a number or null, got a string ("x") (line 5)',
    );
  });

  it('refuses files over the size limit before reading them', () => {
    expect(() => checkRecordingSize(512 * 1024 ** 2)).not.toThrow();
    expect(() => checkRecordingSize(2 * 1024 ** 3)).toThrow(
      new RecordingError(
        'The file is 2.0 GB; recordings over 512 MB cannot be opened — write JSON lines (*.alab.jsonl) or record fewer steps (every=…)',
      ),
    );
  });

  it('reads 100 layers × 1,000 steps with 50-bin histograms (time logged, not asserted)', () => {
    const text = JSON.stringify(sample(100, 1000));
    const start = performance.now();
    const recording = parseRecording(text);
    const seconds = (performance.now() - start) / 1000;
    console.log(`parseRecording: ${(text.length / 1e6).toFixed(0)} MB in ${seconds.toFixed(2)} s`);
    expect(recording.steps).toHaveLength(1000);
  });
});

const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch']).status === 0;
/** Trains a small MLP for 3 steps twice (same seed), recording each variant; prints both read back. */
const RECORD = `
import json, sys, torch
from torch import nn
import torch.nn.functional as F
from activation_lab import Recorder, read_recording
def run(path):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 3))
    x, y = torch.randn(32, 8), torch.randint(0, 3, (32,))
    rec = Recorder(model, every=1, path=path)
    opt = rec.attach_optimizer(torch.optim.SGD(model.parameters(), lr=0.1))
    for _ in range(3):
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        rec.log_metrics(loss=loss.item())
        opt.step()
    rec.close()
    return read_recording(path)
out = sys.argv[1]
print(json.dumps({'json': run(out + '/run.alab.json'), 'jsonl': run(out + '/run.alab.jsonl')}))
`;

describe('a recording of the Python recorder', () => {
  it.skipIf(!hasTorch)('reads as read_recording reads it, in both variants', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alab-recording-'));
    try {
      const env = { ...process.env, PYTHONPATH: resolve(__dirname, '../../../python') };
      const { stdout } = await promisify(execFile)(PYTHON, ['-c', RECORD, dir], { env });
      const python = JSON.parse(stdout) as { json: Recording; jsonl: Recording };
      const json = parseRecording(readFileSync(join(dir, 'run.alab.json'), 'utf8'));
      const lines = parseRecording(readFileSync(join(dir, 'run.alab.jsonl'), 'utf8'));
      expect(json).toEqual(python.json);
      expect(lines).toEqual(python.jsonl);
      expect(json.model.layers.map((l) => [l.name, l.activation])).toEqual([
        ['0', 'tanh'],
        ['2', 'relu'],
        ['4', null],
      ]);
      expect(lines.steps.map((s) => s.step)).toEqual([0, 1, 2]);
      expect(lines.steps[2].loss).toBe(python.jsonl.steps[2].loss);
      expect(json.steps[1].layers[0].grad_act_std).toBe(
        python.json.steps[1].layers[0].grad_act_std,
      );
      expect(json.steps[0].update_data['2.weight']).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
