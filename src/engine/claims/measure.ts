/**
 * What the claims measure with: probes kept open for per-example reads, training runs, data sets,
 * gradient sign structure, dead units, and the number formats of the summaries.
 */
import type { NetworkConfig, TrainingConfig } from '../config';
import { copyRow } from '../data/batches';
import { type DataSplit, type Dataset, takeRows } from '../data/dataset';
import { parseDigits } from '../data/digits';
import { createDataset, type DatasetSpec } from '../data/index';
import { normalizeDataset } from '../data/normalize';
import type { Kernels } from '../kernels/kernels';
import type { Network } from '../network';
import { createProbeNetwork } from '../probe';
import { layerStats, type LayerStats } from '../stats';
import { Trainer } from '../trainer';
import type {
  Claim,
  ClaimCheckOptions,
  ClaimKind,
  ClaimNeed,
  ClaimScene,
  ClaimVariant,
  MeasuredValue,
} from './types';

export const DEFAULT_SEEDS: readonly number[] = [1, 2, 3];

/** A probe network after one forward and backward pass, its buffers open for reading. */
export function probeNetwork(kernels: Kernels, config: NetworkConfig, batch: number): Network {
  const net = createProbeNetwork(config, batch, kernels);
  net.forward(true);
  net.backward();
  return net;
}

export function probeStats(kernels: Kernels, config: NetworkConfig, batch: number): LayerStats[] {
  const net = probeNetwork(kernels, config, batch);
  return net.layers.map((_, i) => layerStats(net, i));
}

/** Forward and backward (training mode) on the first `rows` rows of a split. */
export function passOnSplit(net: Network, split: DataSplit, rows = split.count): void {
  const dim = net.config.inputDim;
  net.rows = Math.min(rows, split.count, net.capacity);
  for (let r = 0; r < net.rows; r++) copyRow(split, dim, r, net.input.data, net.labels.data, r);
  net.nonFinite = null;
  net.forward(true);
  net.backward();
}

/**
 * Of the per-example weight-gradient columns x_n·∂L/∂z_nj of hidden layer i (0-based), the
 * fraction whose entries never differ in sign, among those with ∂L/∂z_nj ≠ 0. The product's
 * sign is sign(x_ni)·sign(∂L/∂z_nj), so a column is single-signed exactly when its input row
 * holds no two values of opposite sign (zeros give zero entries and break no sign).
 */
export function singleSignedColumnFraction(net: Network, i: number): number {
  const layer = net.layers[i];
  const x = net.layerInput(i);
  const dz = layer.dz.data;
  const { rows } = net;
  let single = 0;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let positive = false;
    let negative = false;
    for (let f = r * layer.fanIn, end = f + layer.fanIn; f < end; f++) {
      if (x[f] > 0) positive = true;
      else if (x[f] < 0) negative = true;
    }
    let flowing = 0;
    for (let c = r * layer.cols, end = c + layer.cols; c < end; c++) if (dz[c] !== 0) flowing++;
    total += flowing;
    if (!(positive && negative)) single += flowing;
  }
  return total > 0 ? single / total : NaN;
}

/** Fraction of units of hidden layer i whose batch weight gradient ∂L/∂W[:, j] is single-signed. */
export function singleSignedBatchGradientFraction(net: Network, i: number): number {
  const layer = net.layers[i];
  const g = layer.weight.grad.data;
  let single = 0;
  for (let c = 0; c < layer.cols; c++) {
    let positive = false;
    let negative = false;
    for (let f = 0; f < layer.fanIn; f++) {
      const v = g[f * layer.cols + c];
      if (v > 0) positive = true;
      else if (v < 0) negative = true;
    }
    if (!(positive && negative)) single++;
  }
  return single / layer.cols;
}

/** Per column of hidden layer i: true when ∂L/∂z is exactly 0 on every row of the last pass. */
export function zeroGradientColumns(net: Network, i: number): boolean[] {
  const layer = net.layers[i];
  const dz = layer.dz.data;
  const zero = new Array<boolean>(layer.cols).fill(true);
  for (let r = 0; r < net.rows; r++)
    for (let c = 0; c < layer.cols; c++) if (dz[r * layer.cols + c] !== 0) zero[c] = false;
  return zero;
}

/** Per column of hidden layer i: true when its pre-activation is ≤ 0 on every row (PRODUCT.md's dead). */
export function deadColumns(net: Network, i: number): boolean[] {
  const layer = net.layers[i];
  const pre = layer.pre.data;
  const dead = new Array<boolean>(layer.cols).fill(true);
  for (let r = 0; r < net.rows; r++)
    for (let c = 0; c < layer.cols; c++) if (pre[r * layer.cols + c] > 0) dead[c] = false;
  return dead;
}

export function countTrue(flags: readonly boolean[]): number {
  return flags.reduce((n, flag) => n + (flag ? 1 : 0), 0);
}

/** Trains `steps` steps (fewer if it diverges), calling `every` after each step if given. */
export function train(trainer: Trainer, steps: number, every?: (step: number) => void): void {
  for (let step = 1; step <= steps && !trainer.divergence; step++) {
    trainer.step();
    if (!trainer.divergence) every?.(step);
  }
}

export interface RunSpec {
  network: NetworkConfig;
  training: TrainingConfig;
}

export function newTrainer(kernels: Kernels, spec: RunSpec, dataset: Dataset): Trainer {
  return new Trainer(spec.network, spec.training, dataset, kernels);
}

/** Parsed digits per file, raw and normalized (parsing 10,000 images takes a while). */
const digitsCache = new WeakMap<Uint8Array, { raw: Dataset; normalized: Dataset }>();

export function digitsOf(options: ClaimCheckOptions | undefined): {
  raw: Dataset;
  normalized: Dataset;
} {
  const bytes = options?.digits;
  if (!bytes) throw new Error('this claim needs the digits: pass the bytes of digits.bin');
  let entry = digitsCache.get(bytes);
  if (!entry) {
    const raw = parseDigits(bytes);
    entry = { raw, normalized: normalizeDataset(raw) };
    digitsCache.set(bytes, entry);
  }
  return entry;
}

/** Validation rows the checks evaluate on: 500 digits judge accuracy to about ±2 points. */
export const QUICK_VALIDATION_ROWS = 500;
const quickCache = new WeakMap<Dataset, Dataset>();

/** The data set with its first QUICK_VALIDATION_ROWS validation rows only (checks evaluate often). */
export function quickValidation(data: Dataset): Dataset {
  if (data.validation.count <= QUICK_VALIDATION_ROWS) return data;
  let quick = quickCache.get(data);
  if (!quick) {
    const order = Int32Array.from({ length: QUICK_VALIDATION_ROWS }, (_, i) => i);
    const { x, y } = data.validation;
    const validation = takeRows(x, y, data.inputDim, order, 0, QUICK_VALIDATION_ROWS);
    quick = { ...data, validation };
    quickCache.set(data, quick);
  }
  return quick;
}

/** A 2-D data set or the digits, as the page would build it from a scene. */
export function datasetOf(spec: DatasetSpec, options: ClaimCheckOptions | undefined): Dataset {
  if (spec.name !== 'digits') return createDataset(spec);
  const digits = digitsOf(options);
  return spec.normalize === false ? digits.raw : digits.normalized;
}

/** The page's scene for a training setup (the data set's controls as the page names them). */
export function trainingScene(
  spec: RunSpec,
  data: DatasetSpec,
  extra: { speed?: number; train?: boolean; panel?: ClaimScene['panel'] } = {},
): ClaimScene {
  const { optimizer, learningRate, l2, batchSize } = spec.training;
  const planar = data.name !== 'digits';
  const scene: ClaimScene = {
    network: { biasInit: 0, ...spec.network },
    batch: batchSize,
    data: data.name,
    dataOptions: { normalize: data.normalize ?? true },
    training: { optimizer, learningRate, l2 },
    train: extra.train ?? true,
  };
  if (planar) {
    if (data.size !== undefined) scene.dataOptions!.points = data.size;
    if (data.noise !== undefined) scene.dataOptions!.noise = data.noise;
    if (data.classes !== undefined) scene.dataOptions!.planarClasses = data.classes;
  }
  if (extra.speed !== undefined) scene.training!.speed = extra.speed;
  if (extra.panel) scene.panel = extra.panel;
  return scene;
}

export function probeScene(network: NetworkConfig, batch: number): ClaimScene {
  return { network: { biasInit: 0, ...network }, batch, data: 'probe', train: false };
}

/** 3 significant digits, or exponent form for tiny and huge magnitudes (3e-7 → "3.0e-7"). */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e5) return value.toExponential(1);
  if (magnitude >= 100) return value.toFixed(0);
  return value.toPrecision(3);
}

/** A difference of fractions in percentage points, signed: "+62", "−3". */
export function points(difference: number): string {
  const rounded = Math.round(100 * difference);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${-rounded}` : '0';
}

export function pct(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

/** Numbers rounded for the JSON line (4 significant digits; exact integers stay exact). */
export function round(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  return Number(value.toPrecision(4));
}

export function rounded(values: readonly number[]): number[] {
  return values.map(round);
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** What an experiment concludes, before it becomes a ClaimResult. */
export interface Verdict {
  reproduced: boolean;
  measured: Record<string, MeasuredValue>;
  summary: string;
}

export type ClaimSpec = Omit<Claim, 'check' | 'seeds' | 'needs' | 'kind'> & {
  seeds?: readonly number[];
  needs?: readonly ClaimNeed[];
  kind?: ClaimKind;
};

/**
 * A claim from its description and its experiment. The experiment gets the seeds to check on;
 * the result lists them first, then the measured numbers rounded for reading (a non-finite
 * number, which JSON cannot hold, becomes a string).
 */
export function defineClaim(
  spec: ClaimSpec,
  experiment: (
    kernels: Kernels,
    seeds: readonly number[],
    options: ClaimCheckOptions,
    variant: ClaimVariant,
  ) => Verdict,
): Claim {
  const claim: Claim = {
    seeds: DEFAULT_SEEDS,
    needs: [],
    kind: 'experiment',
    ...spec,
    check(kernels, options = {}) {
      const seeds = options.seeds ?? claim.seeds;
      if (seeds.length === 0) throw new Error('a claim needs at least one seed');
      const variant = options.variant ?? 'claim';
      const verdict = experiment(kernels, seeds, options, variant);
      const measured: Record<string, MeasuredValue> = { seeds: [...seeds] };
      for (const [key, value] of Object.entries(verdict.measured)) {
        if (typeof value === 'number')
          measured[key] = Number.isFinite(value) ? round(value) : String(value);
        else if (!Array.isArray(value)) measured[key] = value;
        else
          measured[key] = value.every(Number.isFinite)
            ? rounded(value)
            : value.map((v) => (Number.isFinite(v) ? String(round(v)) : String(v))).join(', ');
      }
      return {
        claim: claim.id,
        kind: claim.kind,
        control: variant === 'control',
        reproduced: verdict.reproduced,
        measured,
        expected: claim.expected,
        summary: verdict.summary,
      };
    },
  };
  return claim;
}
