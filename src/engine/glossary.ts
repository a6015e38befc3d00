/**
 * The page's vocabulary: what each statistic, axis and control means, its formula (plain text,
 * Unicode symbols), the rule of thumb where one exists and the tour step that shows it. The
 * page's explanations, the diagnosis and the tour read their definitions from here, so a term
 * reads the same everywhere. Pure data, no DOM; the page loads it lazily (docs/decisions.md).
 */
import type { ClaimId } from './claims/types';
import type { ActivationName } from './config';
import {
  BRANCH_SCALE_TERMS,
  CONTROL_TERMS,
  FIGURE_TERMS,
  INIT_TERMS,
  NORM_TERMS,
  OPTIMIZER_TERMS,
} from './glossary-controls';
import type { STATISTIC_COLUMNS } from './statistic-names';

/** The initializations' words live with the controls' (a file of its own, for length). */
export { INIT_TERMS };

type StatisticColumn = (typeof STATISTIC_COLUMNS)[number];

export interface Term {
  /** The name the page prints. */
  name: string;
  /** What it is, in a sentence or two. */
  what: string;
  /** Its formula, as text. */
  formula?: string;
  /** The rule of thumb, where one exists. */
  rule?: string;
  /** The tour step that shows it. */
  tour?: ClaimId;
}

/** The saturated share the diagnosis warns about, and the one past which gradients vanish. */
export const SATURATION_WARNING = 0.1;
export const SATURATION_PROBLEM = 0.5;
/** The share of dead units in one layer the diagnosis calls a problem. */
export const DEAD_PROBLEM = 0.3;

/** What a dead unit is, as the diagnosis and the tour say it. */
export const DEAD_UNIT =
  'a dead ReLU outputs 0 for every example, so it gets no gradient and never comes back';
/** Where saturation happens, as the diagnosis and the tour say it. */
export const FLAT_TAILS = 'the flat tails, where the slope is near zero';

export const STATISTIC_TERMS: Record<StatisticColumn, Term> = {
  preact_mean: {
    name: 'pre-activation mean',
    what: 'The mean of the values going into the nonlinearity (after batch normalization when it is on), over the batch and the units.',
    formula: 'mean(z), z = W·x + b',
    tour: 'ioffe2015-bn-stable-inputs',
  },
  preact_std: {
    name: 'pre-activation std',
    what: 'How widely the inputs of the nonlinearity spread: far beyond ±2 a tanh or sigmoid saturates, near 0 it is almost linear.',
    formula: 'σ(z) = √(mean((z − mean z)²)), z = W·x + b',
    rule: 'With batch normalization it is ≈ 1 in every layer.',
    tour: 'batchnorm-unit-gaussian',
  },
  act_mean: {
    name: 'mean',
    what: 'The mean of the layer’s outputs h over the batch and the units. Sigmoid outputs are all positive, so their mean is far from 0.',
    formula: 'mean(h) = (1/n)·Σ hᵢ',
    rule: 'Near 0 for zero-centred activations (tanh); the next layer’s gradients zig-zag when it is not.',
    tour: 'sigmoid-not-zero-centred',
  },
  act_std: {
    name: 'std',
    what: 'The standard deviation of the layer’s outputs h: how large the signal is at this depth.',
    formula: 'σ(h) = √(mean((h − mean h)²))',
    rule: 'Healthy when it stays about the same from layer to layer; shrinking toward 0 is collapse, growing layer after layer is explosion.',
    tour: 'small-init-collapses',
  },
  saturated: {
    name: 'saturated',
    what: `The share of the layer’s tanh or sigmoid outputs in ${FLAT_TAILS}, so little gradient flows back through them.`,
    formula: 'tanh: share with |h| > 0.97; sigmoid: share with h < 0.03 or h > 0.97',
    rule: `Above ${SATURATION_WARNING * 100} % is a warning; above ${SATURATION_PROBLEM * 100} % the gradients vanish.`,
    tour: 'large-init-saturates',
  },
  dead: {
    name: 'dead',
    what: `The share of the layer’s ReLU-family units whose input is ≤ 0 on every example of the batch: ${DEAD_UNIT}.`,
    formula: 'dead = #{units j : zⱼ ≤ 0 for every row} / units',
    rule: `A few % is harmless; above ${DEAD_PROBLEM * 100} % in a layer is a problem.`,
    tour: 'relu-dead-at-init',
  },
  grad_act_std: {
    name: '∂L/∂h',
    what: 'The std of the loss’s gradient with respect to the layer’s output h: how much error signal reaches this depth on the way back.',
    formula: 'σ(∂L/∂h), L the softmax cross-entropy averaged over the batch',
    rule: 'Similar in every layer; a drop of decades toward layer 1 means the gradient vanishes.',
    tour: 'residual-gradients-reach-the-bottom',
  },
  grad_w_std: {
    name: '∂L/∂W',
    what: 'The std of the loss’s gradient with respect to the layer’s weights: how strongly one step would change them.',
    formula: 'σ(∂L/∂W), ∂L/∂W = xᵀ·∂L/∂z',
    tour: 'small-init-collapses',
  },
  w_std: {
    name: 'W std',
    what: 'The std of the layer’s weight matrix, set by the initialization and then by training.',
    formula: 'σ(W); Xavier: 1/√fan_in, He: √(2/fan_in)',
    tour: 'xavier-keeps-tanh',
  },
  grad_data_ratio: {
    name: 'grad:data',
    what: 'The weight gradient’s scale relative to the weights’ own: times the learning rate it is about the relative size of a plain SGD step.',
    formula: 'grad:data = σ(∂L/∂W) / σ(W)',
    rule: 'learning rate · grad:data ≈ 1e-3 (the update:data rule).',
    tour: 'babysit-lr-range',
  },
  non_finite: {
    name: 'non-finite',
    what: 'How many NaN or ±∞ values appeared in the layer’s pre-activations, outputs and gradients: the pass overflowed.',
    formula: 'count of NaN and ±∞',
    rule: 'Must be 0; a NaN loss almost always means a too-high learning rate or too-large weights.',
  },
};

export const TERMS = {
  update_data: {
    name: 'update:data',
    what: 'The size of the step the optimizer just took relative to the weights it changed, per layer.',
    formula: 'update:data = σ(ΔW) / σ(W)',
    rule: '≈ 1e-3 (the lecture’s rule of thumb): far lower and the network learns slowly, far higher and the updates overshoot.',
    tour: 'babysit-lr-range',
  },
  theory: {
    name: 'mean-field theory',
    what: 'The std each layer would have in an infinitely wide network with these weights: the dashed curve beside the measured one.',
    formula: 'q_l = n·σ_w²·E[f(x)²], x ~ N(b, q_(l−1)); std ≈ √q_l',
    rule: 'Where the measured curve leaves the dashed one, the theory’s assumptions (wide layers, Gaussian inputs to each unit) do not hold.',
    tour: 'glorot2010-normalized-init',
  },
  grad_axis: {
    name: 'gradient axis',
    what: 'How the ∂L/∂h histograms are drawn: the values themselves (linear) or log₁₀ of their size, which shows gradients decades apart side by side.',
    formula: 'log axis: x = log₁₀ |g|',
    tour: 'residual-gradients-reach-the-bottom',
  },
  activation: {
    name: 'Activation',
    what: 'The nonlinearity f applied to every unit: h = f(z). It decides where gradients can flow.',
    formula: 'h = f(W·x + b)',
    tour: 'sigmoid-saturates',
  },
  initialization: {
    name: 'Initialization',
    what: 'How the weights are drawn before training: their scale decides whether the signal shrinks, keeps or grows with depth.',
    formula: 'W ~ scale·N(0, 1), one draw per weight',
    rule: 'Keep Var(h) constant: Xavier for tanh, He for the ReLU family.',
    tour: 'xavier-keeps-tanh',
  },
  normalization: {
    name: 'Normalization',
    what: 'Batch normalization rescales each unit over the batch, layer normalization each example over its units, to zero mean and unit variance (then a learned γ, β).',
    formula: 'ẑ = (z − μ) / √(σ² + ε); out = γ·ẑ + β',
    rule: 'Batch norm needs a batch; layer norm works for one example.',
    tour: 'batchnorm-unit-gaussian',
  },
} satisfies Record<string, Term>;

export const ACTIVATION_TERMS: Record<ActivationName, Term> = {
  sigmoid: {
    name: 'sigmoid',
    what: 'Squashes into (0, 1); flat at both ends and never negative.',
    formula: 'σ(z) = 1 / (1 + e^(−z)); σ′ = σ·(1 − σ) ≤ 0.25',
    tour: 'sigmoid-saturates',
  },
  tanh: {
    name: 'tanh',
    what: 'Squashes into (−1, 1); zero-centred, but saturates like the sigmoid.',
    formula: 'tanh(z); slope 1 − h²',
    tour: 'tanh-zero-centred',
  },
  relu: {
    name: 'ReLU',
    what: `Passes positive inputs, zeroes the rest; never saturates for z > 0, but ${DEAD_UNIT}.`,
    formula: 'max(0, z)',
    tour: 'relu-dead-at-init',
  },
  'leaky-relu': {
    name: 'leaky ReLU',
    what: 'ReLU with a small slope below zero, so no unit loses its gradient entirely.',
    formula: 'max(0.01·z, z)',
    tour: 'leaky-elu-no-dead',
  },
  elu: {
    name: 'ELU',
    what: 'Identity above zero, a smooth exponential floor below: a slope everywhere, outputs closer to zero-mean.',
    formula: 'z if z > 0, else α·(eᶻ − 1), α = 1',
    tour: 'leaky-elu-no-dead',
  },
  maxout: {
    name: 'maxout',
    what: 'The larger of two linear pieces: neither saturates nor dies, at twice the parameters.',
    formula: 'max(w₁·x + b₁, w₂·x + b₂)',
    tour: 'maxout-no-saturation',
  },
  linear: {
    name: 'linear',
    what: 'No nonlinearity: the network is one matrix product, however deep.',
    formula: 'f(z) = z',
  },
  gelu: {
    name: 'GELU',
    what: 'Weights its input by how likely a standard normal is below it: ReLU-like, smooth at 0.',
    formula: 'z·Φ(z) ≈ ½z·(1 + tanh(√(2/π)·(z + 0.044715·z³)))',
  },
  silu: {
    name: 'SiLU',
    what: 'Its input times its sigmoid (swish): ReLU-like, smooth, slightly negative below 0.',
    formula: 'z·σ(z)',
  },
};

/** The training charts' series: a statistic of each layer over the steps. */
export const SERIES_TERMS = {
  dead_series: {
    ...STATISTIC_TERMS.dead,
    name: 'Dead ReLUs per layer',
    what: `Each layer’s dead share after every step, on the monitoring batch: ${DEAD_UNIT}. A climb while training means the learning rate is too high.`,
    tour: 'relu-dies-with-high-lr',
  },
  saturated_series: {
    ...STATISTIC_TERMS.saturated,
    name: 'Saturated units per layer',
    what: `Each layer’s share of outputs in ${FLAT_TAILS}, after every step, on the monitoring batch.`,
  },
  update_series: {
    ...TERMS.update_data,
    name: 'Update:data ratio per layer',
    what: 'Each layer’s last step relative to its weights, after every step (the dotted line: 1e-3).',
  },
} satisfies Record<string, Term>;

/** The choices of a select, by the prefix of their keys ("activation:relu"). */
const OPTIONS = {
  activation: ACTIVATION_TERMS,
  init: INIT_TERMS,
  optimizer: OPTIMIZER_TERMS,
  branch: BRANCH_SCALE_TERMS,
  norm: NORM_TERMS,
};
type Options = typeof OPTIONS;
type OptionKey = { [G in keyof Options]: `${G}:${keyof Options[G] & string}` }[keyof Options];

/** The terms with a key of their own (not a statistic column, not a choice). */
const NAMED = { ...TERMS, ...SERIES_TERMS, ...FIGURE_TERMS, ...CONTROL_TERMS };

/** A control's label, which is its term's key (glossary-controls.ts). */
export type ControlLabel = keyof typeof CONTROL_TERMS;

/** Every explained term by its key: the statistics, the other terms and the options. */
export type TermKey = StatisticColumn | keyof typeof NAMED | OptionKey;

export function termOf(key: TermKey): Term {
  const [group, option] = key.split(':') as [keyof Options, string | undefined];
  if (option !== undefined) return (OPTIONS[group] as Record<string, Term>)[option];
  return key in NAMED ? NAMED[key as keyof typeof NAMED] : STATISTIC_TERMS[key as StatisticColumn];
}

/** Every term, statistics first, then the others and the options. */
export function allTerms(): Term[] {
  return [
    ...Object.values(STATISTIC_TERMS),
    ...Object.values(NAMED),
    ...Object.values(OPTIONS).flatMap((group) => Object.values(group)),
  ];
}

/** The terms whose tour step is `claim`. */
export function termsShownBy(claim: ClaimId): Term[] {
  return allTerms().filter((term) => term.tour === claim);
}
