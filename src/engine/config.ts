/**
 * Names, configurations and their validation. A bad configuration is refused here, with the
 * field named, before any buffer is allocated.
 */
import { blockFloats, blockPlan } from './block';

export const ACTIVATIONS = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky-relu',
  'elu',
  'maxout',
  'linear',
  'gelu',
  'silu',
] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export const INITS = [
  'zeros',
  'small',
  'large',
  'custom',
  'xavier',
  'glorot',
  'he',
  'torch-default',
  'orthogonal',
  'lsuv',
] as const;
export type InitName = (typeof INITS)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/**
 * Residual branch scale α in x_{l+1} = x_l + α·f(x_l): 1; 1/√depth; or ReZero's learnable α that
 * starts at 0 (Bachlechner et al. 2020).
 */
export const BRANCH_SCALES = ['one', 'inv-sqrt-depth', 'rezero'] as const;
export type BranchScale = (typeof BRANCH_SCALES)[number];

/**
 * Where a layer's normalization sits. 'inside': linear → norm → activation (the lecture's place,
 * also inside a residual branch). With residual connections only: 'pre', the norm on the branch's
 * input, x + α·f(norm(x)); 'post', the norm after the sum, norm(x + α·f(x)).
 */
export const NORM_POSITIONS = ['inside', 'pre', 'post'] as const;
export type NormPosition = (typeof NORM_POSITIONS)[number];

/** The most dropout a layer may have: above it almost nothing reaches the next layer. */
export const MAX_DROPOUT = 0.9;

/** Activations whose units can die (pre-activation ≤ 0 on every example). */
export const RELU_FAMILY: readonly ActivationName[] = ['relu', 'leaky-relu', 'elu'];

export interface NetworkConfig {
  inputDim: number;
  /** Number of hidden layers. */
  depth: number;
  /** Units per hidden layer. */
  width: number;
  activation: ActivationName;
  init: InitName;
  /** Standard deviation multiplier of N(0,1) for init 'custom'. */
  initScale: number;
  /**
   * Value every hidden bias starts at (default 0). A negative shift leaves ReLUs dead from the
   * start, the lecture's bad-initialization case.
   */
  biasInit?: number;
  batchnorm: boolean;
  /**
   * Layer normalization (Ba et al. 2016) instead of batchnorm; the two exclude each other. Each
   * example over its own units, so the same in training and evaluation, at any batch size.
   */
  layernorm?: boolean;
  /**
   * Where the normalization (batch or layer) sits (default 'inside'); 'pre' and 'post' need
   * `residual`, and the first layer, which has no skip, keeps its norm inside.
   */
  normPosition?: NormPosition;
  /**
   * Residual connections: every hidden layer after the first adds its input to its output,
   * x_{l+1} = x_l + α·f(x_l) (the first layer maps the input to the width, as a projection).
   */
  residual?: boolean;
  /** α of the residual branch (default 'one'); needs `residual`. */
  branchScale?: BranchScale;
  /**
   * Inverted dropout after each hidden layer's activation (on the branch, before a residual
   * sum) in training steps, rate 0 … 0.9; off in evaluation, validation and monitoring.
   */
  dropout?: number;
  /** Dropout in the probe's single pass too (the training-mode probe); off by default. */
  dropoutInProbe?: boolean;
  classes: number;
  seed: number;
}

export interface TrainingConfig {
  optimizer: OptimizerName;
  learningRate: number;
  l2: number;
  /**
   * Decoupled weight decay (AdamW, Loshchilov & Hutter 2019): W ← W − lr·decay·W beside Adam's
   * step, weight matrices only; needs optimizer 'adam'. Default 0.
   */
  weightDecay?: number;
  batchSize: number;
}

/** The lecture's experiment: 10 tanh layers of 500, batch 1000, input 500, 10 classes. */
export const LECTURE_NETWORK: NetworkConfig = {
  inputDim: 500,
  depth: 10,
  width: 500,
  activation: 'tanh',
  init: 'small',
  initScale: 0.01,
  batchnorm: false,
  classes: 10,
  seed: 7,
};
export const LECTURE_BATCH = 1000;

/** Bounds, with the reason for each. */
export const LIMITS = {
  // Deep enough for residual networks of a hundred layers and beyond, small enough to draw.
  depth: { min: 1, max: 200 },
  // 4096 units keeps one weight matrix at 64 MiB.
  width: { min: 1, max: 4096 },
  inputDim: { min: 1, max: 4096 },
  batch: { min: 1, max: 4096 },
  classes: { min: 2, max: 1000 },
  seed: { min: 0, max: 4294967295 },
} as const;

/** The most memory one network's buffers may take (WebAssembly memory is capped at 4 GiB). */
export const MAX_NETWORK_BYTES = 1536 * 1024 * 1024;

export class ConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ConfigError';
  }
}

function checkInteger(field: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || !Number.isInteger(value))
    throw new ConfigError(field, `must be a whole number, got ${value}`);
  if (value < min || value > max)
    throw new ConfigError(field, `must be between ${min} and ${max}, got ${value}`);
}

export function validateNetworkConfig(config: NetworkConfig, batch: number): void {
  checkInteger('inputDim', config.inputDim, LIMITS.inputDim.min, LIMITS.inputDim.max);
  checkInteger('depth', config.depth, LIMITS.depth.min, LIMITS.depth.max);
  checkInteger('width', config.width, LIMITS.width.min, LIMITS.width.max);
  checkInteger('classes', config.classes, LIMITS.classes.min, LIMITS.classes.max);
  checkInteger('seed', config.seed, LIMITS.seed.min, LIMITS.seed.max);
  checkInteger('batch', batch, LIMITS.batch.min, LIMITS.batch.max);
  if (!ACTIVATIONS.includes(config.activation)) {
    throw new ConfigError(
      'activation',
      `unknown activation "${config.activation}" (one of ${ACTIVATIONS.join(', ')})`,
    );
  }
  if (!INITS.includes(config.init)) {
    throw new ConfigError(
      'init',
      `unknown initialization "${config.init}" (one of ${INITS.join(', ')})`,
    );
  }
  if (
    config.init === 'custom' &&
    (!Number.isFinite(config.initScale) || config.initScale < 0 || config.initScale > 100)
  ) {
    throw new ConfigError(
      'initScale',
      `must be a finite number between 0 and 100, got ${config.initScale}`,
    );
  }
  const bias = config.biasInit ?? 0;
  if (!Number.isFinite(bias) || Math.abs(bias) > 100)
    throw new ConfigError('biasInit', `must be a finite number between -100 and 100, got ${bias}`);
  if (typeof config.batchnorm !== 'boolean')
    throw new ConfigError('batchnorm', 'must be true or false');
  validateArchitecture(config);
  const bytes = estimateNetworkBytes(config, batch);
  if (bytes > MAX_NETWORK_BYTES) {
    const [need, allowed] = formatBytesApart(bytes, MAX_NETWORK_BYTES);
    throw new ConfigError(
      'size',
      `too big to run: this network needs about ${need} of memory, more than the ${allowed} the engine allows; use fewer layers, units or a smaller batch`,
    );
  }
}

/** Residual connections, their branch scale, the normalization's kind and place, dropout. */
function validateArchitecture(config: NetworkConfig): void {
  if (config.layernorm && config.batchnorm)
    throw new ConfigError('layernorm', 'choose batch or layer normalization, not both');
  const position = config.normPosition ?? 'inside';
  if (!NORM_POSITIONS.includes(position))
    throw new ConfigError(
      'normPosition',
      `unknown place "${position}" (one of ${NORM_POSITIONS.join(', ')})`,
    );
  if (position !== 'inside' && !config.residual)
    throw new ConfigError('normPosition', `"${position}" normalization needs residual connections`);
  const scale = config.branchScale ?? 'one';
  if (!BRANCH_SCALES.includes(scale))
    throw new ConfigError(
      'branchScale',
      `unknown branch scale "${scale}" (one of ${BRANCH_SCALES.join(', ')})`,
    );
  const dropout = config.dropout ?? 0;
  if (!Number.isFinite(dropout) || dropout < 0 || dropout > MAX_DROPOUT)
    throw new ConfigError('dropout', `must be between 0 and ${MAX_DROPOUT}, got ${dropout}`);
}

export function validateTrainingConfig(config: TrainingConfig): void {
  if (!OPTIMIZERS.includes(config.optimizer)) {
    throw new ConfigError(
      'optimizer',
      `unknown optimizer "${config.optimizer}" (one of ${OPTIMIZERS.join(', ')})`,
    );
  }
  if (
    !Number.isFinite(config.learningRate) ||
    config.learningRate <= 0 ||
    config.learningRate > 100
  ) {
    throw new ConfigError(
      'learningRate',
      `must be a finite number above 0 and at most 100, got ${config.learningRate}`,
    );
  }
  if (!Number.isFinite(config.l2) || config.l2 < 0 || config.l2 > 100) {
    throw new ConfigError('l2', `must be a finite number between 0 and 100, got ${config.l2}`);
  }
  const decay = config.weightDecay ?? 0;
  if (!Number.isFinite(decay) || decay < 0 || decay > 1)
    throw new ConfigError('weightDecay', `must be between 0 and 1, got ${decay}`);
  if (decay > 0 && config.optimizer !== 'adam')
    throw new ConfigError(
      'weightDecay',
      'decoupled weight decay is for Adam (AdamW); use L2 with SGD',
    );
  checkInteger('batchSize', config.batchSize, LIMITS.batch.min, LIMITS.batch.max);
}

/**
 * Floats the network's buffers take: parameters with gradients and optimizer state, activations,
 * and what residual blocks, normalization and dropout add (block.ts counts each layer's
 * buffers as the layer allocates them; config-size.test.ts compares with a real network).
 */
export function estimateNetworkFloats(config: NetworkConfig, batch: number): number {
  const aligned = (n: number) => Math.ceil(n / 4) * 4;
  const cols = config.activation === 'maxout' ? 2 * config.width : config.width;
  let floats = aligned(batch * config.inputDim) + aligned(batch); // input, labels
  for (let layer = 0; layer < config.depth; layer++) {
    const fanIn = layer === 0 ? config.inputDim : config.width;
    floats += blockFloats(blockPlan(config, layer), fanIn, config.width, cols, batch);
  }
  floats += 4 * (aligned(config.width * config.classes) + aligned(config.classes));
  floats += 3 * aligned(batch * config.classes); // logits, probabilities, their gradient
  return floats;
}

export function estimateNetworkBytes(config: NetworkConfig, batch: number): number {
  return estimateNetworkFloats(config, batch) * 4;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(0)} MiB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

/**
 * `bytes` and a smaller `limit` in the limit's unit, with as many decimals as it takes for the
 * two to differ: "1.51 GiB … more than the 1.50 GiB", never "1.5 GiB … more than the 1.5 GiB".
 */
export function formatBytesApart(bytes: number, limit: number): [string, string] {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, 'GiB'],
    [1024 * 1024, 'MiB'],
    [1024, 'KiB'],
  ];
  const [unit, name] = units.find(([size]) => limit >= size) ?? units[2];
  for (let digits = unit === units[0][0] ? 1 : 0; digits <= 9; digits++) {
    const [need, allowed] = [bytes, limit].map((b) => `${(b / unit).toFixed(digits)} ${name}`);
    if (need !== allowed) return [need, allowed];
  }
  return [`${bytes} bytes`, `${limit} bytes`];
}
