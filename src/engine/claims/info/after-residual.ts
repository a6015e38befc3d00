/**
 * The page side of ../after-residual.ts: two probes of 100-layer residual networks at
 * initialization (the gradient at the bottom, the variance up the stack), their texts, scenes
 * and charts, and the networks the checks build.
 */
import type { BranchScale, NetworkConfig } from '../../config';
import { ACT, GRAD, OTHER, THEORY, claimInfo } from './define';
import { probeScene } from './scenes';
import { fmt, pct } from './texts';

export const BATCH = 200;
export const DEPTH = 100;
export const WIDTH = 100;

/** Weights 0.8 × Xavier's std 1/√100: each plain tanh layer multiplies Var(∂L/∂h) by ≤ 0.64. */
export const BELOW_XAVIER = 0.08;

/** The plain network's first layer: ∂L/∂h std below this fraction of the last layer's. */
export const VANISHED = 1e-2;

/** The residual network's first layer: within this factor of the last layer's, either way. */
export const REACHES = 10;

/** The growth criterion: a linear fit of Var(h_l) against l with at least this R²… */
export const LINEAR_R2 = 0.98;
/** …a slope of at least this much per layer (a tanh branch adds at most 1)… */
export const MIN_SLOPE = 0.5;
/** …and within this fraction of the mean-field theory's slope. */
export const SLOPE_TOLERANCE = 0.1;
/** With α = 1/√L or ReZero, Var(h_l) stays at most this at every layer. */
export const BOUNDED = 1;

export function gradientNet(seed: number, residual: boolean): NetworkConfig {
  return {
    inputDim: WIDTH,
    depth: DEPTH,
    width: WIDTH,
    activation: 'tanh',
    init: 'custom',
    initScale: BELOW_XAVIER,
    batchnorm: false,
    layernorm: false,
    residual,
    branchScale: 'inv-sqrt-depth',
    dropout: 0,
    classes: 10,
    seed,
  };
}

export function varianceNet(seed: number, branchScale: BranchScale): NetworkConfig {
  return {
    inputDim: WIDTH,
    depth: DEPTH,
    width: WIDTH,
    activation: 'tanh',
    init: 'xavier',
    initScale: 1,
    batchnorm: false,
    layernorm: false,
    residual: true,
    branchScale,
    dropout: 0,
    classes: 10,
    seed,
  };
}

export const GRADIENTS_INFO = claimInfo({
  id: 'residual-gradients-reach-the-bottom',
  chapter: 'after-lecture',
  title: 'Residual connections carry the gradient to the bottom of 100 layers',
  explanation:
    'In a plain stack the gradient reaching layer l is the top’s multiplied by every layer’s Jacobian on the way down, so with tanh weights a little below Xavier’s scale (std 0.08 where Xavier’s is 0.1) each layer shrinks its variance by a factor of about 0.6, and 100 layers leave almost nothing for the first. A residual block computes x + α·f(x), whose Jacobian is the identity plus the branch’s: the gradient always has the skip to travel down, so the first layer gets about what the last one does. Here α = 1/√100 keeps the branches’ sum small; with α = 1 the same network’s bottom gradient comes out about 150 times the top’s, since every branch adds to it.',
  expected: `On each of 3 seeds, ${DEPTH} tanh layers of ${WIDTH} with weights N(0, ${BELOW_XAVIER}²) on a probe batch of ${BATCH} N(0,1) rows: without residual connections the first layer’s ∂L/∂h std is below ${VANISHED} × the last layer’s (over 100 times smaller); with them (α = 1/√${DEPTH}) it is within a factor ${REACHES} of it.`,
  show: probeScene(gradientNet(1, false), BATCH),
  contrast: {
    label: 'Now with residual connections',
    scene: probeScene(gradientNet(1, true), BATCH),
  },
  control: {
    description: 'residual connections on both sides, the plain network replaced by a residual one',
    show: probeScene(gradientNet(1, true), BATCH),
  },
  figures: [
    {
      title: 'Std of ∂L/∂h by layer, 100 tanh layers (weights 0.8 × Xavier’s)',
      x: 'layer',
      series: [
        { key: 'plainGradStd', name: 'plain', color: GRAD },
        { key: 'residualGradStd', name: 'residual, α = 1/√L', color: ACT },
      ],
      xTitle: 'layer',
      yTitle: 'std of ∂L/∂h (log)',
      logY: true,
    },
  ],
});

export const VARIANCE_INFO = claimInfo({
  id: 'residual-variance-grows',
  chapter: 'after-lecture',
  title: 'Unscaled residual branches make the variance grow with depth',
  explanation:
    'A residual block adds its branch to its input, and over random weights the two are uncorrelated, so their variances add: Var(x_{l+1}) = Var(x_l) + α²·Var(f(x_l)). A tanh branch adds about the same amount at every layer (its output saturates as the input grows), so with α = 1 the variance climbs about linearly, to some 80 at layer 100, as the mean-field theory of the depth chart predicts. Scaling the branches by α = 1/√L adds at most 1 over the whole stack, and ReZero’s α starts at 0, so both keep every layer near the first one’s variance.',
  expected: `On each of 3 seeds, ${DEPTH} residual tanh layers of ${WIDTH} with Xavier’s weights and α = 1 on a probe batch of ${BATCH} N(0,1) rows: a straight line fitted to Var(h_l) against l = 1…${DEPTH} has R² ≥ ${LINEAR_R2}, a slope of at least ${MIN_SLOPE} per layer and within ${pct(SLOPE_TOLERANCE)} of the mean-field theory’s slope (src/engine/theory.ts); with α = 1/√${DEPTH} and with ReZero, Var(h_l) stays at most ${fmt(BOUNDED)} at every layer.`,
  show: probeScene(varianceNet(1, 'one'), BATCH),
  contrast: {
    label: 'Now with α = 1/√L',
    scene: probeScene(varianceNet(1, 'inv-sqrt-depth'), BATCH),
  },
  control: {
    description: 'branches scaled by α = 1/√L, judged by the same growth criterion',
    show: probeScene(varianceNet(1, 'inv-sqrt-depth'), BATCH),
  },
  figures: [
    {
      title: 'Variance of h by layer, 100 residual tanh layers',
      x: 'layer',
      series: [
        { key: 'oneVariance', name: 'α = 1', color: GRAD },
        { key: 'theoryVariance', name: 'theory, α = 1', color: THEORY, dashed: true },
        { key: 'invSqrtVariance', name: 'α = 1/√L', color: ACT },
        { key: 'rezeroVariance', name: 'ReZero', color: OTHER, dashed: true },
      ],
      xTitle: 'layer',
      yTitle: 'Var(h)',
    },
  ],
});
