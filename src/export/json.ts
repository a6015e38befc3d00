/**
 * Statistics as JSON in the probe's format (`npm run probe`, docs/probe-json.md), and a
 * training run's series; plus a schema check that the tests (and anyone reading an export back)
 * can use. The page's own JSON downloads are recordings (docs/recording-format.md): recordingJson.
 */
import { ACTIVATIONS, INITS, type NetworkConfig, type TrainingConfig } from '../engine/config';
import type { NonFinite } from '../engine/network';
import type { Recording } from '../engine/recording/format';
import type { LayerStats } from '../engine/stats';
import type { TheoryPoint } from '../engine/theory-probe';
import type { SeriesPoints, TrainingSeriesExport } from './training-series';

export interface StatsExport {
  config: NetworkConfig;
  /** Rows of the batch the statistics were measured on. */
  batch: number;
  /** Engine backend that computed them ('ts', 'wasm'). */
  backend: string;
  loss: number;
  layers: readonly LayerStats[];
  nonFinite?: NonFinite | null;
  /** The mean-field theory beside each layer (null where none applies), as the probe has it. */
  theory?: readonly (TheoryPoint | null)[];
  /** Why no layer carries a theory, when none does. */
  noTheory?: string | null;
}

/** The probe's config object: the network config, the batch and the backend, in a fixed order. */
export function probeConfig(config: NetworkConfig, batch: number, backend: string) {
  return {
    inputDim: config.inputDim,
    depth: config.depth,
    width: config.width,
    activation: config.activation,
    init: config.init,
    initScale: config.initScale,
    biasInit: config.biasInit ?? 0,
    batchnorm: config.batchnorm,
    classes: config.classes,
    seed: config.seed,
    batch,
    backend,
  };
}

/** A layer's statistics with exactly the probe's keys, in its order (extra fields dropped). */
function layerJson(s: LayerStats, theory: TheoryPoint | null) {
  return {
    layer: s.layer,
    preact: { mean: s.preact.mean, std: s.preact.std },
    act: { mean: s.act.mean, std: s.act.std },
    saturated: s.saturated,
    dead: s.dead,
    grad_act_std: s.grad_act_std,
    grad_w_std: s.grad_w_std,
    w_std: s.w_std,
    grad_data_ratio: s.grad_data_ratio,
    non_finite: s.non_finite,
    theory: theory ? { act_std: theory.act_std, grad_act_std: theory.grad_act_std } : null,
  };
}

/**
 * The per-layer statistics as the probe prints them: {"config", "loss", "layers"[, "non_finite"]}.
 * NaN and ±Infinity become null (JSON has neither), as in the probe's output.
 */
export function statsJson(stats: StatsExport, indent = 2): string {
  const body = {
    config: probeConfig(stats.config, stats.batch, stats.backend),
    loss: stats.loss,
    layers: stats.layers.map((layer, i) => layerJson(layer, stats.theory?.[i] ?? null)),
    ...(stats.nonFinite ? { non_finite: stats.nonFinite } : {}),
    ...(stats.noTheory ? { no_theory: stats.noTheory } : {}),
  };
  return JSON.stringify(body, null, indent) + '\n';
}

/**
 * A recording (src/engine/recording/from-lab.ts builds the lab's) as a file's text, on one line:
 * a training run's can hold a thousand steps. NaN and ±Infinity become null, as the format says.
 */
export function recordingJson(recording: Recording): string {
  return JSON.stringify(recording) + '\n';
}

function pointsJson(points: SeriesPoints | undefined) {
  return { steps: Array.from(points?.steps ?? []), values: Array.from(points?.values ?? []) };
}

/** A training run's series, each as {"steps": [...], "values": [...]}, with what produced them. */
export function trainingSeriesJson(
  series: TrainingSeriesExport,
  context: { network: NetworkConfig; training: TrainingConfig; dataset?: string },
  indent = 2,
): string {
  const depth = series.dead.length;
  const body = {
    network: context.network,
    training: context.training,
    ...(context.dataset !== undefined ? { dataset: context.dataset } : {}),
    loss: pointsJson(series.loss),
    accuracy: pointsJson(series.accuracy),
    validation_loss: pointsJson(series.validationLoss),
    validation_accuracy: pointsJson(series.validationAccuracy),
    layers: Array.from({ length: depth }, (_, i) => ({
      layer: i + 1,
      dead: pointsJson(series.dead[i]),
      saturated: pointsJson(series.saturated[i]),
      update_ratio: pointsJson(series.updateRatio[i]),
    })),
  };
  return JSON.stringify(body, null, indent) + '\n';
}

type Problems = string[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Numbers may be null where the engine had NaN or Infinity. */
function checkNumber(problems: Problems, where: string, value: unknown, min = -Infinity): void {
  if (value === null) return;
  if (typeof value !== 'number' || !(value >= min))
    problems.push(`${where}: expected a number${min > -Infinity ? ` ≥ ${min}` : ''} or null`);
}

function checkFraction(problems: Problems, where: string, value: unknown): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    problems.push(`${where}: expected a fraction in [0, 1]`);
}

function checkInteger(problems: Problems, where: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    problems.push(`${where}: expected an integer ≥ ${min}`);
}

function checkConfig(problems: Problems, config: unknown): number {
  if (!isObject(config)) {
    problems.push('config: expected an object');
    return -1;
  }
  for (const key of ['inputDim', 'depth', 'width', 'classes', 'batch'])
    checkInteger(problems, `config.${key}`, config[key], 1);
  checkInteger(problems, 'config.seed', config.seed, 0);
  if (!(ACTIVATIONS as readonly unknown[]).includes(config.activation))
    problems.push('config.activation: not a known activation');
  if (!(INITS as readonly unknown[]).includes(config.init))
    problems.push('config.init: not a known initialization');
  checkNumber(problems, 'config.initScale', config.initScale);
  if (config.biasInit !== undefined) checkNumber(problems, 'config.biasInit', config.biasInit);
  if (typeof config.batchnorm !== 'boolean') problems.push('config.batchnorm: expected a boolean');
  if (typeof config.backend !== 'string') problems.push('config.backend: expected a string');
  return typeof config.depth === 'number' ? config.depth : -1;
}

function checkLayer(problems: Problems, layer: unknown, index: number): void {
  const where = `layers[${index}]`;
  if (!isObject(layer)) {
    problems.push(`${where}: expected an object`);
    return;
  }
  if (layer.layer !== index + 1) problems.push(`${where}.layer: expected ${index + 1}`);
  for (const key of ['preact', 'act']) {
    const moments = layer[key];
    if (!isObject(moments)) problems.push(`${where}.${key}: expected {mean, std}`);
    else {
      checkNumber(problems, `${where}.${key}.mean`, moments.mean);
      checkNumber(problems, `${where}.${key}.std`, moments.std, 0);
    }
  }
  checkFraction(problems, `${where}.saturated`, layer.saturated);
  checkFraction(problems, `${where}.dead`, layer.dead);
  for (const key of ['grad_act_std', 'grad_w_std', 'w_std'])
    checkNumber(problems, `${where}.${key}`, layer[key], 0);
  if ('grad_data_ratio' in layer)
    checkNumber(problems, `${where}.grad_data_ratio`, layer.grad_data_ratio, 0);
  if ('non_finite' in layer) checkInteger(problems, `${where}.non_finite`, layer.non_finite, 0);
  if ('theory' in layer && layer.theory !== null) {
    if (!isObject(layer.theory))
      problems.push(`${where}.theory: expected {act_std, grad_act_std} or null`);
    else
      for (const key of ['act_std', 'grad_act_std'])
        checkNumber(problems, `${where}.theory.${key}`, layer.theory[key], 0);
  }
}

/** What is wrong with `value` as a probe result (an empty list: nothing). */
export function probeJsonProblems(value: unknown): string[] {
  const problems: Problems = [];
  if (!isObject(value)) return ['expected a JSON object'];
  const depth = checkConfig(problems, value.config);
  checkNumber(problems, 'loss', value.loss);
  if (!Array.isArray(value.layers)) problems.push('layers: expected an array');
  else {
    if (depth >= 0 && value.layers.length !== depth)
      problems.push(`layers: expected ${depth} (config.depth), got ${value.layers.length}`);
    value.layers.forEach((layer, i) => checkLayer(problems, layer, i));
  }
  if (value.non_finite !== undefined) {
    const where = value.non_finite;
    if (!isObject(where) || !['forward', 'loss', 'backward'].includes(String(where.phase)))
      problems.push('non_finite: expected {phase: forward|loss|backward, layer}');
    else checkInteger(problems, 'non_finite.layer', where.layer, 1);
  }
  if (value.no_theory !== undefined && typeof value.no_theory !== 'string')
    problems.push('no_theory: expected a string');
  return problems;
}
