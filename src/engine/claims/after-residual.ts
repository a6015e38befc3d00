/**
 * Residual networks of 100 layers at initialization: the gradient reaches the first layer
 * through the skips, and with unscaled branches the activations' variance grows linearly.
 */
import type { BranchScale, NetworkConfig } from '../config';
import type { Kernels } from '../kernels/kernels';
import { layerStats } from '../stats';
import { measuredWeightVariances, meanFieldTheory } from '../theory';
import { defineClaim, fmt, pct, probeNetwork, rounded } from './measure';
import type { Claim } from './types';
import {
  BATCH,
  BOUNDED,
  GRADIENTS_INFO,
  gradientNet,
  LINEAR_R2,
  MIN_SLOPE,
  REACHES,
  SLOPE_TOLERANCE,
  VANISHED,
  VARIANCE_INFO,
  varianceNet,
} from './info/after-residual';

/** Per layer: the std of ∂L/∂h, Var(h), and the theory's Var(h) from the drawn weights. */
function probeLayers(kernels: Kernels, config: NetworkConfig) {
  const net = probeNetwork(kernels, config, BATCH);
  const stats = net.layers.map((_, i) => layerStats(net, i));
  const weights = measuredWeightVariances(net);
  const theory = meanFieldTheory(config, (l) => weights[l], BATCH);
  return {
    gradStd: stats.map((s) => s.grad_act_std),
    variance: stats.map((s) => s.act.std ** 2),
    theoryVariance: theory.map((t) => (t.actStd ?? NaN) ** 2),
  };
}

/** ∂L/∂h std of the first layer over the last's. */
const bottomOverTop = (std: readonly number[]) => std[0] / std[std.length - 1];

const GRADIENTS = defineClaim(GRADIENTS_INFO, (kernels, seeds, _, variant) => {
  // The control puts residual connections on the plain side too: no cause, no gap.
  const plainSide = variant === 'control';
  const plain: number[] = [];
  const residual: number[] = [];
  let plot: Record<'plainGradStd' | 'residualGradStd', number[]> | null = null;
  for (const seed of seeds) {
    const a = probeLayers(kernels, gradientNet(seed, plainSide)).gradStd;
    const b = probeLayers(kernels, gradientNet(seed, true)).gradStd;
    plain.push(bottomOverTop(a));
    residual.push(bottomOverTop(b));
    if (seed === seeds[0] && variant === 'claim') plot = { plainGradStd: a, residualGradStd: b };
  }
  const reproduced =
    plain.every((r) => r < VANISHED) && residual.every((r) => r >= 1 / REACHES && r <= REACHES);
  const side = plainSide ? 'residual (in place of plain)' : 'plain';
  return {
    reproduced,
    plot,
    measured: { plainBottomOverTop: rounded(plain), residualBottomOverTop: rounded(residual) },
    summary: `first layer’s ∂L/∂h std over the last’s: ${side} ${plain.map(fmt).join(', ')} (needed: < ${VANISHED}); residual ${residual.map(fmt).join(', ')} (needed: within ×${REACHES})`,
  };
});

/** Least squares y ≈ a + b·x over x = 1…n: the slope b and R². */
export function linearFit(y: readonly number[]): { slope: number; r2: number } {
  const n = y.length;
  const mx = (n + 1) / 2;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  y.forEach((v, i) => {
    const dx = i + 1 - mx;
    sxy += dx * (v - my);
    sxx += dx * dx;
    syy += (v - my) ** 2;
  });
  return { slope: sxy / sxx, r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : 0 };
}

const VARIANCE = defineClaim(VARIANCE_INFO, (kernels, seeds, _, variant) => {
  const judged: BranchScale = variant === 'claim' ? 'one' : 'inv-sqrt-depth';
  const slope: number[] = [];
  const r2: number[] = [];
  const theorySlope: number[] = [];
  const boundedMax: number[] = [];
  let plot: Record<
    'oneVariance' | 'theoryVariance' | 'invSqrtVariance' | 'rezeroVariance',
    number[]
  > | null = null;
  for (const seed of seeds) {
    const grown = probeLayers(kernels, varianceNet(seed, judged));
    const fit = linearFit(grown.variance);
    slope.push(fit.slope);
    r2.push(fit.r2);
    theorySlope.push(linearFit(grown.theoryVariance).slope);
    if (variant === 'control') continue;
    const scaled = probeLayers(kernels, varianceNet(seed, 'inv-sqrt-depth')).variance;
    const rezero = probeLayers(kernels, varianceNet(seed, 'rezero')).variance;
    boundedMax.push(Math.max(...scaled, ...rezero));
    if (seed === seeds[0])
      plot = {
        oneVariance: grown.variance,
        theoryVariance: grown.theoryVariance,
        invSqrtVariance: scaled,
        rezeroVariance: rezero,
      };
  }
  const off = slope.map((s, i) => Math.abs(s / theorySlope[i] - 1));
  const reproduced =
    r2.every((r) => r >= LINEAR_R2) &&
    slope.every((s) => s >= MIN_SLOPE) &&
    off.every((o) => o <= SLOPE_TOLERANCE) &&
    boundedMax.every((v) => v <= BOUNDED);
  const bounded =
    variant === 'claim'
      ? `; α = 1/√L and ReZero at most ${boundedMax.map(fmt).join(', ')} (needed: ≤ ${fmt(BOUNDED)})`
      : '';
  return {
    reproduced,
    plot,
    measured: {
      slope: rounded(slope),
      r2: rounded(r2),
      theorySlope: rounded(theorySlope),
      ...(variant === 'claim' ? { boundedMaxVariance: rounded(boundedMax) } : {}),
    },
    summary: `${judged === 'one' ? 'α = 1' : 'α = 1/√L'}: Var(h_l) fitted by a line with slope ${slope.map(fmt).join(', ')} per layer (needed: ≥ ${MIN_SLOPE}; theory ${theorySlope.map(fmt).join(', ')}, off by ${off.map(pct).join(', ')}, needed ≤ ${pct(SLOPE_TOLERANCE)}) and R² ${r2.map(fmt).join(', ')} (needed: ≥ ${LINEAR_R2})${bounded}`,
  };
});

export const RESIDUAL_CLAIMS: readonly Claim[] = [GRADIENTS, VARIANCE];
