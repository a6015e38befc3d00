/**
 * Mean-field theory of signal propagation at initialization (Poole et al. 2016; Schoenholz et
 * al. 2017), for the engine's network as it is: every hidden bias starts at the same constant b
 * (config.biasInit), and batchnorm (batch statistics, γ = 1, β = 0) sits before the nonlinearity.
 *
 * Forward, over the units and rows of a wide layer, the linear output z = x·W + b is Gaussian:
 *   without batchnorm  z ~ N(b, q),  q = fanIn·Var(W)·E[x²]   (the input's mean enters too: it
 *                      gives each unit's sum a fixed random offset, variance fanIn·Var(W)·E[x]²),
 *   with batchnorm     z is standardized per unit over the batch, which removes b and the offsets:
 *                      pre ~ N(0, σ²/(σ² + ε)),  σ² = fanIn·Var(W)·Var(x)  (a unit's variance).
 * h = f(pre), so its std is √(E[f²] − E[f]²) with the moments taken over that Gaussian.
 * Backward, ∂L/∂h of the layer below = (∂L/∂h ⊙ f′)·Wᵀ: its variance is multiplied by
 * units·Var(W)·E[f′²]. Batchnorm divides it by its batch variance σ̂² + ε and projects out the
 * batch mean and the x̂ direction: over a batch of N rows σ̂² is σ² times a χ² with N − 1 degrees
 * of freedom over N, so E[1/σ̂²] = N/((N − 3)·σ²), and the projection keeps (N − 2)/N, a factor
 * (N − 2)/(N − 3) per layer (+40 % in std over 9 layers at N = 16; measured +25 % to +60 %).
 * Past the lecture (layerTheory below): residual blocks, layer normalization (the same algebra
 * per example over the units) and dropout in the probe.
 */
import type { NetworkConfig } from './config';
import type { Network } from './network';
import { BATCHNORM_EPS } from './ops/batchnorm';
import { unitMoments } from './theory-moments';

export interface LayerTheory {
  layer: number;
  /** Predicted mean and std of the pre-activation (the input of the nonlinearity). */
  preactMean: number;
  preactStd: number;
  /** Predicted mean of the activations. */
  actMean: number;
  /** Predicted std of the activations; null where float32 cannot hold it (see representable). */
  actStd: number | null;
  /** Factor by which this layer multiplies the variance of ∂L/∂h on the way down. */
  gradVarianceFactor: number;
}

/** The residual branch's scale α at initialization (ReZero's learned α starts at 0). */
export function initialBranchScale(config: NetworkConfig): number {
  const scale = config.branchScale ?? 'one';
  return scale === 'one' ? 1 : scale === 'rezero' ? 0 : 1 / Math.sqrt(config.depth);
}

/** Unit-averaged first and second moments of a layer's values. */
interface Signal {
  mean: number;
  second: number;
}

const varianceOf = (s: Signal) => Math.max(0, s.second - s.mean * s.mean);

/**
 * A normalization of values whose variance (batchnorm: per unit over the batch; layer norm: per
 * example over the units) is v: the output's second moment, and the factor on the gradient's
 * variance, 1/(v + ε) times the finite-count factor (n − 2)/(n − 3) of the header over n values.
 */
function normalize(v: number, n: number): { second: number; gradScale: number } {
  const finite = n > 3 ? (n - 2) / (n - 3) : Infinity;
  return { second: v / (v + BATCHNORM_EPS), gradScale: finite / (v + BATCHNORM_EPS) };
}

/**
 * One hidden layer's prediction from its input's moments. Residual blocks (layer 2 on, with
 * `residual`) add α·f(x) to their input x: f(x) is uncorrelated with x over the random weights,
 * so the variances add and ∂L/∂x's variance is ∂L/∂y's times 1 + α²·(the branch's factor).
 * Layer normalization standardizes each example over its units, which removes the bias as
 * batchnorm does, but divides by the second moment fanIn·Var(W)·E[x²] rather than the variance.
 * Dropout in the probe multiplies E[h²] and the gradient's variance by 1/(1 − p).
 */
function layerTheory(
  config: NetworkConfig,
  l: number,
  variance: number,
  input: Signal,
  batch: number,
): { theory: LayerTheory; output: Signal } {
  const fanIn = l === 0 ? config.inputDim : config.width;
  const norm = config.batchnorm ? 'batch' : config.layernorm ? 'layer' : null;
  const residual = Boolean(config.residual) && l > 0;
  const position = residual ? (config.normPosition ?? 'inside') : 'inside';
  const cols = config.activation === 'maxout' ? 2 * config.width : config.width;
  let branchInput = input;
  let preNormGrad = 1;
  if (norm && position === 'pre') {
    // Either norm subtracts a mean first: batchnorm each unit's over the batch, layer norm each
    // example's over the units (the units' average, so what is left is Var(x), not E[x²]).
    const n = normalize(varianceOf(input), norm === 'batch' ? batch : config.width);
    branchInput = { mean: 0, second: n.second };
    preNormGrad = n.gradScale;
  }
  let q: number;
  let shift = 0;
  let gradScale = 1;
  if (norm && position === 'inside') {
    const spread = norm === 'batch' ? varianceOf(branchInput) : branchInput.second;
    const n = normalize(fanIn * variance * spread, norm === 'batch' ? batch : cols);
    q = n.second;
    gradScale = n.gradScale;
  } else {
    q = fanIn * variance * branchInput.second;
    shift = config.biasInit ?? 0;
  }
  const m = unitMoments(config.activation, q, shift);
  const drop = config.dropoutInProbe ? 1 / (1 - (config.dropout ?? 0)) : 1;
  // The gradient to the layer below sums over the layer's units (maxout: 2·units pieces, each
  // reached half the time, which is the same).
  const branchFactor = config.width * variance * m.derivativeSquared * gradScale * drop;
  let output: Signal = { mean: m.mean, second: m.second * drop };
  let gradVarianceFactor = branchFactor;
  if (residual) {
    const alpha = initialBranchScale(config);
    output = {
      mean: input.mean + alpha * m.mean,
      second: input.second + 2 * alpha * input.mean * m.mean + alpha * alpha * m.second * drop,
    };
    gradVarianceFactor = 1 + alpha * alpha * branchFactor * preNormGrad;
    if (norm && position === 'post') {
      const n = normalize(varianceOf(output), norm === 'batch' ? batch : config.width);
      output = { mean: 0, second: n.second };
      gradVarianceFactor *= n.gradScale;
    }
  }
  const theory: LayerTheory = {
    layer: l + 1,
    preactMean: shift,
    preactStd: Math.sqrt(q),
    actMean: output.mean,
    actStd: representable(Math.sqrt(varianceOf(output))),
    gradVarianceFactor,
  };
  return { theory, output };
}

/**
 * The prediction for every hidden layer, given the variance of each layer's weights (the probe
 * passes the measured E[W²], so an init without a fixed variance is covered) and the batch.
 */
export function meanFieldTheory(
  config: NetworkConfig,
  weightVariance: (layer: number, fanIn: number) => number,
  batch: number,
): LayerTheory[] {
  const layers: LayerTheory[] = [];
  // The N(0, 1) input: mean 0, second moment 1.
  let input: Signal = { mean: 0, second: 1 };
  for (let l = 0; l < config.depth; l++) {
    const fanIn = l === 0 ? config.inputDim : config.width;
    const { theory, output } = layerTheory(config, l, weightVariance(l, fanIn), input, batch);
    layers.push(theory);
    input = output;
  }
  return layers;
}

const FLOAT32_MAX = 3.4028234663852886e38;
const FLOAT32_MIN_NORMAL = 1.1754943508222875e-38;

/**
 * The value, or null where float32 (the engine's number) cannot hold it: past its range the
 * measurement is Inf or 0, so a drawn prediction there could not be held against anything.
 */
export function representable(value: number): number | null {
  if (!Number.isFinite(value) || value > FLOAT32_MAX) return null;
  if (value !== 0 && Math.abs(value) < FLOAT32_MIN_NORMAL) return null;
  return value;
}

/**
 * Predicted std of ∂L/∂h per layer, anchored at the measured value of the top layer (the
 * theory says how gradients change with depth, not the softmax's scale); null where the anchor
 * is not a positive number or the prediction leaves float32's range.
 */
export function gradientStdFromTop(
  theory: readonly LayerTheory[],
  topGradStd: number,
): (number | null)[] {
  const stds = new Array<number | null>(theory.length).fill(null);
  if (!(topGradStd > 0) || !Number.isFinite(topGradStd)) return stds;
  let variance = topGradStd * topGradStd;
  for (let l = theory.length - 1; l >= 0; l--) {
    stds[l] = representable(Math.sqrt(variance));
    // ∂L/∂h of layer l−1 = (∂L/∂h_l ⊙ f′) · W_lᵀ.
    variance *= theory[l].gradVarianceFactor;
  }
  return stds;
}

/** E[W²] of each hidden layer's weights as initialized (the variance the theory uses). */
export function measuredWeightVariances(net: Network): number[] {
  const results = net.kernels.results();
  return net.layers.map((layer) => {
    net.kernels.moments(layer.weight.value.data, layer.weight.value.length);
    return results[1] ** 2 + results[0] ** 2;
  });
}
