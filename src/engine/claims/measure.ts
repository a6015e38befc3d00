/**
 * What the claims measure with: probes kept open for per-example reads, training runs, data sets,
 * gradient sign structure, dead units, and the number formats of the summaries.
 */
import type { NetworkConfig } from '../config';
import { copyRow } from '../data/batches';
import { type DataSplit, type Dataset, takeRows } from '../data/dataset';
import { buildDataset } from '../data/spec';
import type { Kernels } from '../kernels/kernels';
import type { Network } from '../network';
import { createProbeNetwork } from '../probe';
import { layerStats, type LayerStats } from '../stats';
import { Trainer } from '../trainer';
import type { RunSpec } from './info/scenes';
import type {
  Claim,
  ClaimCheckOptions,
  ClaimInfo,
  ClaimNeed,
  ClaimVariant,
  MeasuredValue,
} from './types';

// The scenes are page-side (./info/scenes.ts); the checks build their runs from the same specs.
export { probeScene, type RunSpec, trainingScene } from './info/scenes';
export { fmt, pct } from './info/texts';

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

export function newTrainer(kernels: Kernels, spec: RunSpec, dataset: Dataset): Trainer {
  return new Trainer(spec.network, spec.training, dataset, kernels);
}

/** The digits per file, raw and normalized, built as the page builds them (parsed once each). */
const digitsCache = new WeakMap<Uint8Array, { raw: Dataset; normalized: Dataset }>();

export function digitsOf(options: ClaimCheckOptions | undefined): {
  raw: Dataset;
  normalized: Dataset;
} {
  const bytes = options?.digits;
  if (!bytes) throw new Error('this claim needs the digits: pass the bytes of digits.bin');
  let entry = digitsCache.get(bytes);
  if (!entry) {
    entry = {
      raw: buildDataset({ name: 'digits', preprocess: 'none' }, 0, bytes),
      normalized: buildDataset({ name: 'digits', preprocess: 'normalize' }, 0, bytes),
    };
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

/** A difference of fractions in percentage points, signed: "+62", "−3". */
export function points(difference: number): string {
  const rounded = Math.round(100 * difference);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${-rounded}` : '0';
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

/**
 * An experiment's verdict. A claim with charts also returns `plot`: the numbers its charts draw,
 * keyed by the charts' own keys (ClaimInfo's figures), so a key renamed on either side is a type
 * error; null where there is nothing to draw (a control run, a diverged run). The result lists
 * them among the measured numbers.
 */
export type ExperimentVerdict<K extends string> = [K] extends [never]
  ? Verdict
  : Verdict & { plot: Record<K, MeasuredValue> | null };

export type Experiment<K extends string> = (
  kernels: Kernels,
  seeds: readonly number[],
  options: ClaimCheckOptions,
  variant: ClaimVariant,
) => ExperimentVerdict<K>;

/** What a check needs besides the description: its inputs and default seeds. */
export interface CheckInputs {
  needs?: readonly ClaimNeed[];
  seeds?: readonly number[];
}

/**
 * A claim from its description (./info/) and its experiment. The experiment gets the seeds to check on;
 * the result lists them first, then the measured numbers rounded for reading (a non-finite
 * number, which JSON cannot hold, becomes a string).
 */
export function defineClaim<K extends string>(
  info: ClaimInfo<K>,
  experiment: Experiment<NoInfer<K>>,
  inputs: CheckInputs = {},
): Claim<K> {
  const claim: Claim<K> = {
    ...info,
    seeds: inputs.seeds ?? DEFAULT_SEEDS,
    needs: inputs.needs ?? [],
    check(kernels, options = {}) {
      const seeds = options.seeds ?? claim.seeds;
      if (seeds.length === 0) throw new Error('a claim needs at least one seed');
      const variant = options.variant ?? 'claim';
      const verdict = experiment(kernels, seeds, options, variant);
      const measured: Record<string, MeasuredValue> = { seeds: [...seeds] };
      // Every verdict is a Verdict; one with charts carries `plot` as well.
      const { plot } = verdict as Verdict & { plot?: Record<string, MeasuredValue> | null };
      for (const [key, value] of Object.entries({ ...plot, ...verdict.measured })) {
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
