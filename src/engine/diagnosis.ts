/**
 * A diagnosis in plain words of one probe: which layers collapse, saturate, die or explode,
 * why (tied to the lecture), and one fix to try, as a change of configuration.
 */
import type { ActivationName, InitName, NetworkConfig, TrainingConfig } from './config';
import { RELU_FAMILY } from './config';
import { formatNumber, formatPercent } from './format';
import {
  DEAD_PROBLEM,
  DEAD_UNIT,
  FLAT_TAILS,
  INIT_TERMS,
  SATURATION_PROBLEM,
  SATURATION_WARNING,
} from './glossary';
import type { NonFinite } from './network';
import type { LayerStats } from './stats';

export type Severity = 'healthy' | 'warning' | 'problem';

export interface Fix {
  /** Button text, e.g. "Use Xavier". */
  label: string;
  change: Partial<NetworkConfig>;
  /** A training change, e.g. a lower learning rate. */
  training?: Partial<Pick<TrainingConfig, 'learningRate' | 'optimizer' | 'l2'>>;
}

export interface Diagnosis {
  severity: Severity;
  /** One sentence: what is happening, with the numbers. */
  headline: string;
  /** Why, in the lecture's terms. */
  explanation: string;
  fix: Fix | null;
}

/** The initializations' short names, as the glossary gives them ("Xavier", "small (0.01)"). */
function initName(init: InitName): string {
  return INIT_TERMS[init].name;
}

/** "stays between 0.21 and 0.63", or "stays at 0.56" when both ends print the same. */
function stdSpan(layers: LayerStats[]): string {
  const low = formatNumber(Math.min(...layers.map((l) => l.act.std)));
  const high = formatNumber(Math.max(...layers.map((l) => l.act.std)));
  return low === high ? `stays at ${low}` : `stays between ${low} and ${high}`;
}

/** The initialization that keeps this activation's scale. */
function matchedInit(activation: ActivationName): InitName {
  return RELU_FAMILY.includes(activation) || activation === 'gelu' || activation === 'silu'
    ? 'he'
    : 'xavier';
}

function initFix(config: NetworkConfig): Fix | null {
  const init = matchedInit(config.activation);
  return config.init === init
    ? null
    : { label: `Use ${initName(init)} initialization`, change: { init } };
}

export function diagnose(
  config: NetworkConfig,
  layers: LayerStats[],
  nonFinite: NonFinite | null,
): Diagnosis {
  const first = layers[0];
  const last = layers[layers.length - 1];
  const act = config.activation;
  const init = initName(config.init);
  if (nonFinite) {
    return {
      severity: 'problem',
      headline: `The ${nonFinite.phase} pass overflowed to NaN or Infinity at layer ${nonFinite.layer}.`,
      explanation: `With ${init} weights every layer multiplies the signal's scale until float32 overflows.`,
      fix: initFix(config) ?? { label: 'Turn on batch normalization', change: { batchnorm: true } },
    };
  }
  if (config.init === 'zeros') {
    return {
      severity: 'problem',
      headline:
        'All weights are zero: every unit of a layer computes the same value and gets the same gradient.',
      explanation:
        "Nothing breaks the symmetry between units, so they stay identical however long you train (the lecture's first idea that fails).",
      fix: initFix(config),
    };
  }
  const residual = residualDiagnosis(config, layers);
  if (residual) return residual;
  const saturated = layers.reduce((sum, l) => sum + l.saturated, 0) / layers.length;
  if (saturated > SATURATION_PROBLEM) {
    return {
      severity: 'problem',
      headline: `${act} with ${init} weights: ${formatPercent(saturated)} of units saturated; gradients vanish.`,
      explanation: `Large weights push the inputs of ${act} far into ${FLAT_TAILS}, so almost no gradient flows back.`,
      fix: initFix(config) ?? { label: 'Turn on batch normalization', change: { batchnorm: true } },
    };
  }
  const dead = layers.reduce((max, l) => Math.max(max, l.dead), 0);
  if (dead > DEAD_PROBLEM) {
    const worst = layers.reduce((a, b) => (b.dead > a.dead ? b : a));
    return {
      severity: 'problem',
      headline: `${formatPercent(dead)} of the ReLUs in layer ${worst.layer} are dead: they output zero for every example.`,
      explanation: `${capitalized(DEAD_UNIT)}; bad initialization or a too-high learning rate knock units off the data.`,
      fix:
        act === 'relu'
          ? { label: 'Use leaky ReLU', change: { activation: 'leaky-relu' } }
          : initFix(config),
    };
  }
  const ratio = last.act.std / Math.max(first.act.std, 1e-30);
  if (last.act.std < 1e-3 || ratio < 0.05) {
    return {
      severity: 'problem',
      headline: `Activations collapse toward zero: std ${formatNumber(first.act.std)} at layer 1, ${formatNumber(last.act.std)} at layer ${last.layer}.`,
      explanation: `Each layer multiplies by weights too small for ${act} (${init}), so the signal shrinks layer after layer and the weight gradients of the upper layers vanish with it.`,
      fix: initFix(config) ?? { label: 'Turn on batch normalization', change: { batchnorm: true } },
    };
  }
  if (ratio > 20 || last.act.std > 1e3) {
    return {
      severity: 'problem',
      headline: `Activations explode: std ${formatNumber(first.act.std)} at layer 1, ${formatNumber(last.act.std)} at layer ${last.layer}.`,
      explanation: `Each layer multiplies by weights too large for ${act} (${init}), so the scale grows geometrically with depth.`,
      fix: initFix(config) ?? { label: 'Turn on batch normalization', change: { batchnorm: true } },
    };
  }
  if (ratio < 0.3 && !config.batchnorm) {
    return {
      severity: 'warning',
      headline: `Activations shrink slowly with depth: std ${formatNumber(first.act.std)} at layer 1, ${formatNumber(last.act.std)} at layer ${last.layer}.`,
      explanation: `${init} initialization does not quite match ${act}; in a deeper network the signal would fade.`,
      fix: initFix(config),
    };
  }
  return {
    severity: 'healthy',
    headline: `Healthy: activation std ${stdSpan(layers)} across all ${layers.length} layers.`,
    explanation: config.batchnorm
      ? 'Batch normalization rescales every layer to unit Gaussian pre-activations, whatever the initialization.'
      : `${init} initialization matches ${act}: each layer keeps the variance of its input.`,
    fix: null,
  };
}

/**
 * Residual blocks add α·f(x) to x, so their output variance grows with depth (linearly at α = 1)
 * rather than geometrically, and the skips carry the gradient down whatever f's slope: the
 * plain network's rules (saturation means vanishing gradients, growth means weights too large)
 * would misread them. Growth of the output std by 3× or more is named, with the branch scale
 * (or a norm before the branch) as the fix.
 */
function residualDiagnosis(config: NetworkConfig, layers: LayerStats[]): Diagnosis | null {
  if (!config.residual || layers.length < 2) return null;
  const first = layers[0];
  const last = layers[layers.length - 1];
  const growth = last.act.std / Math.max(first.act.std, 1e-30);
  if (!(growth >= 3)) return null;
  const saturated = layers.reduce((sum, l) => sum + l.saturated, 0) / layers.length;
  const saturation =
    saturated > SATURATION_WARNING
      ? ` and ${formatPercent(saturated)} of the ${config.activation} units saturate`
      : '';
  const scaled = (config.branchScale ?? 'one') !== 'one';
  return {
    severity: growth >= 10 ? 'problem' : 'warning',
    headline: `Residual blocks add up: output std ${formatNumber(first.act.std)} at layer 1, ${formatNumber(last.act.std)} at layer ${last.layer}${saturation}.`,
    explanation:
      'Each block adds α·f(x) to its input, so the variances add layer after layer (linearly with depth at α = 1); the skips still carry the gradient down, but each branch sees an ever larger input. Scaling the branch by 1/√L, starting it at 0 (ReZero) or normalizing its input keeps the scale.',
    fix: scaled
      ? {
          label: 'Normalize each branch’s input (pre layer norm)',
          change: { layernorm: true, batchnorm: false, normPosition: 'pre' },
        }
      : { label: 'Scale each branch by 1/√L', change: { branchScale: 'inv-sqrt-depth' } },
  };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A learning rate a decade lower, rounded to one significant digit. */
function lowerRate(rate: number): number {
  return Number((rate / 10).toPrecision(1));
}

/**
 * The diagnosis while training: divergence first, then units dying since step 0, else what the
 * statistics on the monitoring batch say (as at initialization).
 */
export function diagnoseTraining(
  config: NetworkConfig,
  training: TrainingConfig,
  layers: LayerStats[],
  deadAtStart: number[],
  divergence: { step: number; reason: string; message: string } | null,
): Diagnosis {
  const rate = training.learningRate;
  if (divergence) {
    return {
      severity: 'problem',
      headline: divergence.message,
      explanation:
        'Updates that are too large overshoot the minimum and grow each step until numbers overflow (the lecture: a NaN cost almost always means a too-high learning rate).',
      fix: {
        label: `Lower the learning rate to ${lowerRate(rate)}`,
        change: {},
        training: { learningRate: lowerRate(rate) },
      },
    };
  }
  let worst = -1;
  let climb = 0;
  layers.forEach((layer, i) => {
    const rise = layer.dead - (deadAtStart[i] ?? layer.dead);
    if (rise > climb) {
      climb = rise;
      worst = i;
    }
  });
  if (RELU_FAMILY.includes(config.activation) && worst >= 0 && climb > 0.05) {
    const layer = layers[worst];
    return {
      severity: climb > 0.15 ? 'problem' : 'warning',
      headline: `ReLUs are dying: layer ${layer.layer} went from ${formatPercent(deadAtStart[worst])} to ${formatPercent(layer.dead)} dead units since step 0.`,
      explanation: `At learning rate ${rate} the updates are large enough to knock units off the data cloud; ${DEAD_UNIT}. Lower the rate, or use leaky ReLU (which keeps a small gradient) or He initialization.`,
      fix: {
        label: `Lower the learning rate to ${lowerRate(rate)}`,
        change: {},
        training: { learningRate: lowerRate(rate) },
      },
    };
  }
  return diagnose(config, layers, null);
}
