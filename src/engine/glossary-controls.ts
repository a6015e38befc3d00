/**
 * The glossary's words for the controls (sizes, architecture, the initializations, optimizer
 * and rates) and for the training figures (loss, accuracy): part of src/engine/glossary.ts,
 * which looks every term up. A file of its own only to keep each file short; it imports no
 * values, so the glossary can import it without a cycle. Pure text, loaded with the
 * explanations (docs/decisions.md).
 */
import type { BranchScale, InitName, OptimizerName } from './config';
import type { Term } from './glossary';

/**
 * The controls' terms, keyed by the label the control prints: a number field, checkbox or
 * select passes its label as its term (NumberField.tsx), so the page's first view carries no
 * key of its own per control and the compiler wants a term for every label.
 */
export const CONTROL_TERMS = {
  Layers: {
    name: 'Layers',
    what: 'How many hidden layers the input passes through. Each one multiplies the signal’s scale by a factor the initialization sets, so a small mismatch compounds with depth.',
    formula: 'h_l = f(W_l·h_(l−1) + b_l), l = 1…L',
    rule: 'A plain network gets hard to train past 10–20 layers; residual connections keep deeper ones trainable.',
    tour: 'small-init-collapses',
  },
  'Units per layer': {
    name: 'Units per layer',
    what: 'How many units each hidden layer has: n, the fan-in of the next layer. Wider layers give smoother statistics, closer to the mean-field theory.',
    formula: 'W_l is n × n, fan_in = n',
    rule: 'The initialization divides by √fan_in, so the width does not change the signal’s scale.',
    tour: 'xavier-keeps-tanh',
  },
  'Batch size': {
    name: 'Batch size',
    what: 'How many examples one step averages its gradient over (in the probe: how many random rows go through). Batch normalization estimates its mean and variance from them.',
    formula: 'g = (1/B)·Σᵢ ∂Lᵢ/∂W over B examples',
    rule: '32–256 is common; batch normalization gets noisy below about 16, layer normalization does not care.',
    tour: 'layernorm-batch-of-one',
  },
  'Residual connections': {
    name: 'Residual connections',
    what: 'Every hidden layer after the first adds its input to its output, so the signal and its gradient have a path that skips the layer’s weights.',
    formula: 'x_(l+1) = x_l + α·f(x_l)',
    rule: 'A plain network deeper than about 20 layers trains worse than a shallower one; with them it does not.',
    tour: 'he2016-degradation',
  },
  'Branch scale': {
    name: 'Branch scale α',
    what: 'The factor on each residual branch. The branch and its input are uncorrelated over random weights, so every block adds α²·Var(f) to the variance, which grows with depth at α = 1.',
    formula: 'Var(x_(l+1)) = Var(x_l) + α²·Var(f(x_l))',
    rule: 'α = 1/√L for a deep residual net of L layers keeps the variance bounded; ReZero learns α, starting at 0.',
    tour: 'residual-variance-grows',
  },
  'Normalization place': {
    name: 'Normalization place',
    what: 'Where a layer’s normalization sits: inside the layer before the activation (the lecture’s place), on the residual branch’s input (pre-norm) or after the residual sum (post-norm).',
    formula: 'inside: f(norm(W·x)); pre: x + α·f(norm(x)); post: norm(x + α·f(x))',
    rule: 'Pre-norm keeps the skip path an identity, so the gradient reaches the bottom of a deep net.',
  },
  Dropout: {
    name: 'Dropout p',
    what: 'In training steps each hidden unit’s output is zeroed with probability p and the rest scaled by 1/(1 − p) (inverted dropout), so no unit can rely on another; evaluation uses every unit, unscaled.',
    formula: 'h̃ = h·m/(1 − p), m ~ Bernoulli(1 − p)',
    rule: 'p = 0.1–0.5: about 0.5 for wide hidden layers, less near the input.',
    tour: 'dropout-reduces-overfitting',
  },
  'Dropout in the probe': {
    name: 'Dropout in the probe',
    what: 'Drops units in the probe’s single pass too, as a training step sees them: the survivors’ scale 1/(1 − p) makes the activations’ std larger by about 1/√(1 − p).',
    formula: 'E[h̃²] = E[h²]/(1 − p)',
    tour: 'dropout-reduces-overfitting',
  },
  Optimizer: {
    name: 'Optimizer',
    what: 'How a step turns the minibatch’s gradient g into a change of the weights.',
    formula: 'W ← W − η·step(g), g = ∂L/∂W',
    rule: 'Adam at η ≈ 1e-3 is the safe default; SGD + momentum needs a tuned rate.',
  },
  'Learning rate': {
    name: 'Learning rate η',
    what: 'The size of each step along the optimizer’s direction. Too low and the loss barely moves; too high and it explodes to NaN.',
    formula: 'SGD: W ← W − η·∂L/∂W',
    rule: 'Adam ≈ 1e-3; sweep on a log scale and aim for update:data ≈ 1e-3.',
    tour: 'babysit-lr-range',
  },
  'L2 strength': {
    name: 'L2 strength λ',
    what: 'Adds the squared weights to the loss, so every step also pulls the weights toward 0 (with SGD the same as weight decay; Adam rescales it per weight).',
    formula: 'L = L_data + ½λ·ΣW²; ∂L/∂W gains λ·W',
    rule: 'Small, 1e-5 to 1e-2; before training the loss rises by exactly ½λ·ΣW².',
    tour: 'babysit-reg-raises-loss',
  },
  'Weight decay (AdamW)': {
    name: 'Weight decay (AdamW)',
    what: 'Shrinks the weight matrices directly, beside Adam’s step instead of through the gradient, so every weight decays at the same rate whatever Adam’s per-weight scale (Loshchilov & Hutter 2019).',
    formula: 'W ← W − η·m̂/(√v̂ + ε) − η·decay·W',
    rule: '0.01–0.1 (PyTorch’s AdamW: 0.01).',
  },
  'Input dimension': {
    name: 'Input dimension',
    what: 'How many numbers each random probe row has: the first layer’s fan-in.',
    formula: 'x ∈ ℝ^d, xᵢ ~ N(0, 1)',
  },
  Classes: {
    name: 'Classes',
    what: 'How many outputs the last layer scores, one per class; the probe’s labels are drawn at random among them.',
    formula: 'C scores s, softmax(s) over C classes',
    rule: 'The loss starts near ln C.',
    tour: 'babysit-initial-loss',
  },
  Seed: {
    name: 'Seed',
    what: 'The random generator’s starting point: the same seed draws the same weights and data, so a run repeats exactly.',
    formula: 'weights, data = draw(seed)',
  },
  'Init scale': {
    name: 'Init scale',
    what: 'The scale of the custom initialization’s Gaussian weights.',
    formula: 'W = scale·N(0, 1)',
    rule: 'About 1/√fan_in keeps a tanh network’s signal; 0.01 collapses it, 1.0 saturates it.',
    tour: 'xavier-keeps-tanh',
  },
  Points: {
    name: 'Points',
    what: 'How many points the 2-D data set has, training and validation together: the first 80 % train, the rest validate.',
    formula: 'n = n_train + n_validation, n_train = 0.8·n',
  },
  Noise: {
    name: 'Noise',
    what: 'The std of the Gaussian noise added to each point (radians of angle on the spiral): more noise, more overlap between the classes.',
    formula: 'x = x₀ + N(0, noise²)',
  },
} satisfies Record<string, Term>;

export const INIT_TERMS: Record<InitName, Term> = {
  zeros: {
    name: 'zeros',
    what: 'Every weight 0: every unit of a layer computes the same value and gets the same gradient.',
    formula: 'W = 0',
    tour: 'zeros-init-symmetry',
  },
  small: {
    name: 'small (0.01)',
    what: 'Small Gaussian weights: each layer shrinks the signal, which collapses with depth.',
    formula: 'W = 0.01·N(0, 1)',
    tour: 'small-init-collapses',
  },
  large: {
    name: 'large (1.0)',
    what: 'Unit Gaussian weights: each unit sums hundreds of inputs far past tanh’s linear range.',
    formula: 'W = 1.0·N(0, 1)',
    tour: 'large-init-saturates',
  },
  custom: {
    name: 'custom scale',
    what: 'Gaussian weights at the scale you type in Init scale.',
    formula: 'W = scale·N(0, 1)',
  },
  xavier: {
    name: 'Xavier',
    what: 'The lecture’s form: unit variance in, unit variance out for a linear or tanh unit.',
    formula: 'W = N(0, 1)/√fan_in, Var(W) = 1/fan_in',
    tour: 'xavier-keeps-tanh',
  },
  glorot: {
    name: 'Glorot',
    what: 'Glorot & Bengio’s normalized form: a compromise between the forward and the backward pass.',
    formula: 'W ~ N(0, 2/(fan_in + fan_out))',
    tour: 'glorot2010-normalized-init',
  },
  he: {
    name: 'He',
    what: 'Twice Xavier’s variance, because a ReLU zeroes half its inputs.',
    formula: 'W = N(0, 1)·√(2/fan_in)',
    tour: 'xavier-breaks-relu-he-fixes',
  },
  'torch-default': {
    name: 'PyTorch’s default',
    what: 'What nn.Linear starts from: uniform, with a third of Xavier’s variance.',
    formula: 'W ~ U(−1/√fan_in, 1/√fan_in)',
  },
  orthogonal: {
    name: 'orthogonal',
    what: 'A random matrix with orthonormal columns times a gain: every direction keeps its length.',
    formula: 'W = gain·Q, QᵀQ = I',
    tour: 'saxe2014-orthogonal',
  },
  lsuv: {
    name: 'LSUV',
    what: 'Orthogonal, then each layer rescaled on a batch until its output variance is 1.',
    formula: 'W ← W / σ(h), layer by layer, until Var(h) ≈ 1',
    tour: 'mishkin2016-lsuv',
  },
};

/** The training figures: loss and accuracy, in the numbers and the charts. */
export const FIGURE_TERMS = {
  loss: {
    name: 'loss',
    what: 'The softmax cross-entropy averaged over the examples, plus the L2 term: small when the network gives the right class a high probability. Training on the minibatches, validation on held-out examples.',
    formula: 'L = −(1/B)·Σᵢ ln softmax(sᵢ)_(yᵢ) + ½λ·ΣW²',
    rule: 'It starts near ln C (2.30 for 10 classes) with small weights; NaN means the rate is too high.',
    tour: 'babysit-initial-loss',
  },
  accuracy: {
    name: 'accuracy',
    what: 'The share of examples whose highest score is the right class: training on the minibatches, validation on held-out examples.',
    formula: 'accuracy = #{i : argmax sᵢ = yᵢ} / n',
    rule: 'Chance is 1/C; training far above validation is overfitting.',
    tour: 'babysit-overfit-small',
  },
} satisfies Record<string, Term>;

export const OPTIMIZER_TERMS: Record<OptimizerName, Term> = {
  sgd: {
    name: 'SGD',
    what: 'Plain stochastic gradient descent: a step against the minibatch’s gradient.',
    formula: 'W ← W − η·g',
  },
  momentum: {
    name: 'SGD + momentum',
    what: 'Keeps a velocity that averages recent gradients: faster along steady directions, fewer zig-zags.',
    formula: 'v ← 0.9·v − η·g; W ← W + v',
  },
  adam: {
    name: 'Adam',
    what: 'Momentum with a step size per weight: it divides by the root of a running mean of squared gradients, so every weight moves about η a step.',
    formula: 'm ← 0.9·m + 0.1·g; v ← 0.999·v + 0.001·g²; W ← W − η·m̂/(√v̂ + ε)',
    rule: 'η ≈ 1e-3.',
  },
};

export const BRANCH_SCALE_TERMS: Record<BranchScale, Term> = {
  one: {
    name: 'α = 1',
    what: 'The plain residual sum: the variance grows with depth.',
    formula: 'x + f(x)',
  },
  'inv-sqrt-depth': {
    name: 'α = 1/√L',
    what: 'Each of the L branches adds 1/L of its variance: the sum stays bounded however deep.',
    formula: 'x + f(x)/√L',
    tour: 'residual-variance-grows',
  },
  rezero: {
    name: 'ReZero',
    what: 'A learned α per block that starts at 0: the net starts as the identity (Bachlechner et al. 2020).',
    formula: 'x + α·f(x), α = 0 at the start',
  },
};

/** The Normalization select's choices (panels/labels.ts's NormKind). */
export const NORM_TERMS: Record<'none' | 'batch' | 'layer', Term> = {
  none: {
    name: 'none',
    what: 'No normalization: the signal’s scale is whatever the initialization makes it.',
    formula: 'h = f(W·x + b)',
  },
  batch: {
    name: 'batch normalization',
    what: 'Standardizes each unit over the minibatch’s examples: an example’s output depends on the others in its batch.',
    formula: 'ẑⱼ = (zⱼ − μⱼ) / √(σⱼ² + ε) over the batch',
    tour: 'batchnorm-unit-gaussian',
  },
  layer: {
    name: 'layer normalization',
    what: 'Standardizes each example over its own units: the same output at any batch size, one example included.',
    formula: 'ẑᵢ = (zᵢ − μᵢ) / √(σᵢ² + ε) over the units',
    tour: 'layernorm-batch-of-one',
  },
};
