/**
 * What one hidden layer holds, from the configuration alone: whether it adds a skip, which
 * normalization it has and where, its dropout. The layer (hidden-layer.ts) and the memory
 * estimate (config.ts) both read this plan, so the estimate counts the buffers the layer makes.
 */
import type { BranchScale, NetworkConfig, NormPosition } from './config';

export type NormKind = 'batch' | 'layer';

export interface BlockPlan {
  /** x_{l+1} = x_l + α·f(x_l): every residual layer but the first (the projection). */
  skip: boolean;
  norm: NormKind | null;
  /** Where the norm sits; a layer without a skip has it inside, the only place it can be. */
  normAt: NormPosition;
  branchScale: BranchScale;
  /** Dropout rate p (0 = none, and no mask buffers). */
  dropout: number;
}

/**
 * Layer `index` (0-based). Layer 1 maps inputDim → width, so it can have no skip: it is the
 * projection, and its norm sits inside (normalizing a 2-feature input per example would erase it).
 */
export function blockPlan(config: NetworkConfig, index: number): BlockPlan {
  const skip = (config.residual ?? false) && index > 0;
  const norm: NormKind | null = config.batchnorm ? 'batch' : config.layernorm ? 'layer' : null;
  return {
    skip,
    norm,
    normAt: skip ? (config.normPosition ?? 'inside') : 'inside',
    branchScale: config.branchScale ?? 'one',
    dropout: config.dropout ?? 0,
  };
}

/** A fixed branch scale α: 1 or 1/√depth (ReZero's is a parameter, 0 at the start). */
export function fixedAlpha(config: NetworkConfig): number {
  return config.branchScale === 'inv-sqrt-depth' ? 1 / Math.sqrt(config.depth) : 1;
}

/** Floats the arena gives a buffer of n floats (arena.ts aligns each to 4). */
function aligned(n: number): number {
  return Math.ceil(n / 4) * 4;
}

/** A parameter tensor: value, gradient and two optimizer moments. */
function parameterFloats(n: number): number {
  return 4 * aligned(n);
}

/** γ, β (as parameters) and the statistics of a normalization over `cols` columns. */
export function normFloats(kind: NormKind, capacity: number, cols: number): number {
  const xhat = aligned(capacity * cols);
  // batch: γ, β with gradients and moments, mean, invStd, running mean and variance.
  if (kind === 'batch') return 12 * aligned(cols) + xhat;
  // layer: γ, β with gradients and moments, invStd per row.
  return 8 * aligned(cols) + aligned(capacity) + xhat;
}

/** Every float of one hidden layer's buffers (hidden-layer.ts allocates exactly these). */
export function blockFloats(
  plan: BlockPlan,
  fanIn: number,
  units: number,
  cols: number,
  capacity: number,
): number {
  const rowsOf = (n: number) => aligned(capacity * n);
  let floats = parameterFloats(fanIn * cols) + parameterFloats(cols);
  floats += 2 * rowsOf(cols) + 2 * rowsOf(units); // z, dpre; h, dh
  if (plan.norm) {
    const normCols = plan.normAt === 'inside' ? cols : plan.normAt === 'pre' ? fanIn : units;
    floats += normFloats(plan.norm, capacity, normCols);
    floats += 2 * rowsOf(normCols); // its output and the gradient at its input
  }
  if (plan.skip || plan.dropout > 0) floats += rowsOf(units); // the activation's own output
  if (plan.dropout > 0) floats += 2 * rowsOf(units); // mask, gradient under the mask
  if (plan.dropout > 0 && plan.skip) floats += rowsOf(units); // the dropped branch
  if (plan.skip && plan.branchScale === 'rezero') floats += parameterFloats(1);
  return floats;
}
