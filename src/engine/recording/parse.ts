/**
 * Reading a recording (docs/recording-format.md), either variant, into one `Recording`: format
 * and version first, then the schemas of format.ts, then the references a schema cannot state.
 * Refusals are RecordingErrors whose message names the first problem and its JSON path, for the
 * user. Pure, no DOM: runs in the worker and under Node.
 */
import { z } from 'zod';
import {
  headerSchema,
  layerStepSchema,
  MAX_BINS,
  MAX_LAYERS,
  MAX_RECORDING_BYTES,
  RECORDING_FORMAT,
  RECORDING_VERSION,
  stepSchema,
  type BinDefinition,
  type Recording,
  type RecordedStep,
  type RecordingHeader,
  type RecordingLayer,
} from './format';
import { describe, issueText, lineAndColumn, syntaxProblem } from './messages';

export class RecordingError extends Error {
  override name = 'RecordingError';
}

/** Messages stay readable in one line of the page. */
const MAX_MESSAGE = 200;

function refuse(message: string): never {
  throw new RecordingError(
    message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message,
  );
}

function sizeText(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  return gb >= 1 ? `${gb.toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** Refuses a file before it is read: the JSON variant has to be held and parsed whole. */
export function checkRecordingSize(bytes: number): void {
  if (bytes > MAX_RECORDING_BYTES) {
    refuse(
      `The file is ${sizeText(bytes)}; recordings over ${sizeText(MAX_RECORDING_BYTES)} cannot be opened — write JSON lines (*.alab.jsonl) or record fewer steps (every=…)`,
    );
  }
}

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/** What is wrong with a histogram's counts, for the message. */
function countsProblem(value: unknown): string {
  if (!Array.isArray(value)) return `expected an array, got ${describe(value)}`;
  if (value.length > MAX_BINS) return `${value.length} items, at most ${MAX_BINS}`;
  const bad = value.findIndex((count) => !isCount(count));
  return `item ${bad} is ${describe(value[bad])}, expected a count (a whole number ≥ 0)`;
}

/**
 * format.ts's step schema with histogram counts checked by a plain loop: zod spent about 3 s of
 * 4 on the 10 million counts of a 100-layer × 1,000-step recording, the loop a few hundred ms.
 */
const counts = z.custom<number[]>(
  (value) => Array.isArray(value) && value.length <= MAX_BINS && value.every(isCount),
  { error: (issue) => countsProblem(issue.input) },
);
const histogram = layerStepSchema.shape.histograms.shape.act.unwrap().extend({ counts }).nullable();
const fastStepSchema = stepSchema.extend({
  layers: z
    .array(
      layerStepSchema.extend({ histograms: z.strictObject({ act: histogram, grad: histogram }) }),
    )
    .max(MAX_LAYERS),
});

function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
  prefix: readonly PropertyKey[],
  line: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) refuse(issueText(result.error.issues[0], schema, value, prefix) + line);
  return result.data;
}

/** Format and version before any schema: another version is refused by name. */
function checkHeader(value: unknown): void {
  const object = typeof value === 'object' && value !== null && !Array.isArray(value);
  const format = object ? (value as Record<string, unknown>).format : undefined;
  if (format === undefined)
    refuse(`Not an Activation Lab recording: no "format": "${RECORDING_FORMAT}" field`);
  if (format !== RECORDING_FORMAT)
    refuse(
      `Not an Activation Lab recording: "format" is ${describe(format)}, not "${RECORDING_FORMAT}"`,
    );
  const version = (value as Record<string, unknown>).version;
  if (version !== RECORDING_VERSION) {
    const shown = typeof version === 'number' ? version : describe(version);
    refuse(
      `Recording format version ${shown} is not supported (this reader knows ${RECORDING_VERSION})`,
    );
  }
}

/** The recording being assembled, with what the reference checks look things up in. */
interface Reading {
  header: RecordingHeader;
  positions: Map<string, number>;
  steps: RecordedStep[];
}

function addLayers(reading: Reading, layers: RecordingLayer[], where: string, line: string) {
  for (const [i, layer] of layers.entries()) {
    if (reading.positions.has(layer.name))
      refuse(`${where}[${i}].name "${layer.name}" is described twice${line}`);
    reading.positions.set(layer.name, reading.header.model.layers.length);
    reading.header.model.layers.push(layer);
  }
}

/** An own property only: a bins id "toString" is not defined by Object.prototype. */
const binOf = (reading: Reading, id: string) =>
  Object.hasOwn(reading.header.bins, id) ? reading.header.bins[id] : undefined;

function addBins(reading: Reading, bins: Record<string, BinDefinition>, where: string, line = '') {
  for (const [id, bin] of Object.entries(bins)) {
    if (bin.edges.length !== bin.count + 1)
      refuse(
        `${where} "${id}": ${bin.edges.length} edges for ${bin.count} bins (needs count + 1)${line}`,
      );
    const known = binOf(reading, id);
    if (known && JSON.stringify(known) !== JSON.stringify(bin))
      refuse(`${where} "${id}" is defined again, differently (a bin id never changes)${line}`);
    reading.header.bins[id] = bin;
  }
}

function startReading(raw: Record<string, unknown>, line: string): Reading {
  const header = validate(headerSchema, raw, [], line);
  const reading: Reading = {
    header: { ...header, model: { ...header.model, layers: [] }, bins: {} },
    positions: new Map(),
    steps: [],
  };
  addLayers(reading, header.model.layers, 'model.layers', line);
  addBins(reading, header.bins, 'bins', line);
  return reading;
}

/** Validates one step, takes in its new layers and bins, and checks what it refers to. */
function addStep(reading: Reading, raw: unknown, line: string): void {
  const index = reading.steps.length;
  const where = `steps[${index}]`;
  const {
    new_layers: newLayers,
    new_bins: newBins,
    ...step
  } = validate(fastStepSchema, raw, ['steps', index], line);
  if (newLayers) addLayers(reading, newLayers, `${where}.new_layers`, line);
  if (newBins) addBins(reading, newBins, `${where}.new_bins`, line);
  const previous = reading.steps[index - 1];
  if (previous && step.step <= previous.step)
    refuse(`${where}.step is ${step.step}, not after the step before (${previous.step})${line}`);
  for (const [i, layer] of step.layers.entries()) {
    const position = reading.positions.get(layer.name);
    if (position === undefined)
      refuse(`${where}.layers[${i}].name "${layer.name}" is not described in model.layers${line}`);
    if (layer.layer !== position + 1)
      refuse(
        `${where}.layers[${i}].layer is ${layer.layer}, but "${layer.name}" is layer ${position + 1} in model.layers${line}`,
      );
    for (const kind of ['act', 'grad'] as const) {
      const histogram = layer.histograms[kind];
      if (!histogram) continue;
      const spot = `${where}.layers[${i}].histograms.${kind}`;
      const bin = binOf(reading, histogram.bins);
      if (!bin) refuse(`${spot}.bins "${histogram.bins}" is not defined in bins${line}`);
      if (histogram.counts.length !== bin.count)
        refuse(
          `${spot}: ${histogram.counts.length} counts but bins "${histogram.bins}" has ${bin.count}${line}`,
        );
    }
  }
  reading.steps.push(step);
}

function finish(reading: Reading): Recording {
  if (reading.steps.length === 0) refuse('The recording has no steps');
  return { ...reading.header, steps: reading.steps };
}

/** Calls `report` about every 2 % of `count` items (the page's progress bar). */
function progress(count: number, report?: (fraction: number) => void) {
  const every = Math.max(1, Math.ceil(count / 50));
  return (done: number) => {
    if (report && (done % every === 0 || done === count)) report(count ? done / count : 1);
  };
}

function parseJson(text: string, onProgress?: (fraction: number) => void): Recording {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    refuse(`Not JSON: ${syntaxProblem(text, (i) => lineAndColumn(text, i))}`);
  }
  checkHeader(value);
  const { steps, ...header } = value as Record<string, unknown>;
  const reading = startReading(header, '');
  if (steps !== undefined && !Array.isArray(steps))
    refuse(`steps: expected an array, got ${describe(steps)}`);
  const tick = progress(steps?.length ?? 0, onProgress);
  for (const step of steps ?? []) {
    addStep(reading, step, '');
    tick(reading.steps.length);
  }
  return finish(reading);
}

function parseLines(lines: { text: string; number: number }[], onProgress?: (f: number) => void) {
  const [first, ...rest] = lines;
  const header: unknown = JSON.parse(first.text);
  checkHeader(header);
  const reading = startReading(header as Record<string, unknown>, ` (line ${first.number})`);
  const tick = progress(rest.length, onProgress);
  for (const [i, { text, number }] of rest.entries()) {
    let step: unknown;
    try {
      step = JSON.parse(text);
    } catch {
      // The step being written when the run stopped: the finished ones stand.
      if (i === rest.length - 1) break;
      refuse(`Line ${number} is not JSON: ${syntaxProblem(text, (c) => `at column ${c + 1}`)}`);
    }
    addStep(reading, step, ` (line ${number})`);
    tick(i + 1);
  }
  return finish(reading);
}

/** The non-empty lines, numbered as an editor numbers them. */
function jsonLines(body: string): { text: string; number: number }[] {
  return body
    .split('\n')
    .map((line, i) => ({ text: line, number: i + 1 }))
    .filter((line) => /\S/.test(line.text));
}

/**
 * A recording from the text of a `*.alab.json` or `*.alab.jsonl` file; throws RecordingError.
 * JSON lines when the first non-empty line alone is an object without `steps` (as
 * `read_recording` in python/activation_lab/recording.py decides). `onProgress` gets the
 * fraction of steps checked, now and then.
 */
export function parseRecording(text: string, onProgress?: (fraction: number) => void): Recording {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start < 0) refuse('The file is empty');
  const end = body.indexOf('\n', start);
  if (end >= 0 && /\S/.test(body.slice(end))) {
    let first: unknown;
    try {
      first = JSON.parse(body.slice(start, end));
    } catch {
      first = undefined; // pretty-printed JSON: its first line is not JSON by itself
    }
    if (typeof first === 'object' && first !== null && !Array.isArray(first) && !('steps' in first))
      return parseLines(jsonLines(body), onProgress);
  }
  return parseJson(body, onProgress);
}
