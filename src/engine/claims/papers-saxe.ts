/**
 * Saxe, McClelland & Ganguli (2014): an orthogonal matrix keeps every vector's length, a
 * Gaussian one of the same variance only on average. Measured as the spread over layers of the
 * activation std of 50-layer probes, linear (the paper's setting) and tanh.
 */
import type { ActivationName, NetworkConfig } from '../config';
import type { Kernels } from '../kernels/kernels';
import { defineClaim, fmt, probeStats, rounded } from './measure';
import { actStds, logStdSpread } from './papers-measure';
import type { Claim } from './types';
import { BATCH, DEPTH, EXACT, ORTHOGONAL_INFO, probe, TANH_FLAT } from './info/papers-saxe';

/** Widths the fading of the effect is shown at (first seed). */
const WIDTHS = [16, 32, 64];

const spreadOf = (kernels: Kernels, config: NetworkConfig) =>
  logStdSpread(actStds(probeStats(kernels, config, BATCH)));

const ORTHOGONAL = defineClaim(ORTHOGONAL_INFO, (kernels, seeds, _, variant) => {
  const gaussian = variant === 'control';
  const linear: number[] = [];
  const tanh: number[] = [];
  const reference: number[] = [];
  for (const seed of seeds) {
    linear.push(spreadOf(kernels, probe(seed, 'linear', gaussian)));
    tanh.push(spreadOf(kernels, probe(seed, 'tanh', gaussian)));
    // The yardstick of the tanh reading: Gaussian weights of the same variance.
    reference.push(spreadOf(kernels, probe(seed, 'tanh', true)));
  }
  const first = seeds[0];
  const curve = (activation: ActivationName, isGaussian: boolean) =>
    actStds(probeStats(kernels, probe(first, activation, isGaussian), BATCH));
  const widthRatio = WIDTHS.map(
    (width) =>
      spreadOf(kernels, probe(first, 'tanh', gaussian, width)) /
      spreadOf(kernels, probe(first, 'tanh', true, width)),
  );
  // The ratio to Gaussian weights, and its fading with width, are shown, not judged.
  const tanhRatio = tanh.map((s, i) => s / reference[i]);
  const reproduced = linear.every((s) => s < EXACT) && tanh.every((s) => s < TANH_FLAT);
  return {
    reproduced,
    plot: {
      tanhOrthogonalActStd: curve('tanh', false),
      tanhGaussianActStd: curve('tanh', true),
      linearOrthogonalActStd: curve('linear', false),
      linearGaussianActStd: curve('linear', true),
    },
    measured: {
      linearSpread: rounded(linear),
      tanhSpread: rounded(tanh),
      tanhGaussianSpread: rounded(reference),
      tanhSpreadRatio: rounded(tanhRatio),
      widths: WIDTHS,
      tanhSpreadRatioByWidth: rounded(widthRatio),
    },
    summary: `${gaussian ? 'Gaussian' : 'orthogonal'} weights, spread of ln(std) over ${DEPTH} layers: linear ${linear.map(fmt).join(', ')} (needed: < ${EXACT}); tanh ${tanh.map(fmt).join(', ')} (needed: < ${TANH_FLAT}) against ${reference.map(fmt).join(', ')} with Gaussian weights (ratio ${tanhRatio.map(fmt).join(', ')}; at widths ${WIDTHS.join(', ')}: ${widthRatio.map(fmt).join(', ')})`,
  };
});

export const SAXE_CLAIMS: readonly Claim[] = [ORTHOGONAL];
