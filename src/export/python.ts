/**
 * Pieces shared by the PyTorch and NumPy exports: Python literals, and the initialization written
 * out with the exact scale the engine uses (src/engine/init.ts), so the two scripts and the page
 * can never disagree on a formula.
 */
import {
  type ActivationName,
  type NetworkConfig,
  RELU_FAMILY,
  validateNetworkConfig,
} from '../engine/config';
import { gaussianStd, orthogonalGain } from '../engine/init';

/** A Python float literal (always with a point or exponent, so Python never sees an int). */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return "float('nan')";
  if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "-float('inf')";
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export function pyInt(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
  return String(value);
}

export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A Python str literal: 'plain' when nothing needs escaping, else JSON's escapes (same in Python). */
export function pyString(value: string): string {
  return /^[\w .,:;()+\-/]*$/.test(value) ? `'${value}'` : JSON.stringify(value);
}

/** Refuses what the engine refuses, so no export describes a network the page cannot build. */
export function checkExportConfig(network: NetworkConfig, batch: number): void {
  validateNetworkConfig(network, batch);
}

/** Columns of a hidden layer's linear map: maxout has two pieces per unit. */
export function pieces(activation: ActivationName): 1 | 2 {
  return activation === 'maxout' ? 2 : 1;
}

/** The settings after the lecture that `network` holds (the lecture's network holds none). */
function afterLectureEntries(network: NetworkConfig): [string, string][] {
  const { residual, branchScale, layernorm, normPosition, dropout, dropoutInProbe } = network;
  const entries: [string, string | null][] = [
    ['residual', residual === undefined ? null : pyBool(residual)],
    ['branchScale', branchScale === undefined ? null : pyString(branchScale)],
    ['layernorm', layernorm === undefined ? null : pyBool(layernorm)],
    ['normPosition', normPosition === undefined ? null : pyString(normPosition)],
    ['dropout', dropout === undefined ? null : pyFloat(dropout)],
    ['dropoutInProbe', dropoutInProbe === undefined ? null : pyBool(dropoutInProbe)],
  ];
  return entries.filter((entry): entry is [string, string] => entry[1] !== null);
}

/** What came after the lecture, for the scripts' headers ('' for the lecture's network). */
export function architectureLine(network: NetworkConfig): string {
  const parts: string[] = [];
  const place = network.normPosition ?? 'inside';
  if (network.layernorm) parts.push(`layer normalization (${place})`);
  else if (network.batchnorm && place !== 'inside') parts.push(`batchnorm ${place}`);
  if (network.residual) parts.push(`residual connections, alpha ${network.branchScale ?? 'one'}`);
  if (network.dropout)
    parts.push(
      `dropout ${network.dropout} (${network.dropoutInProbe ? 'in the probe too' : 'training only'})`,
    );
  return parts.length ? `\nAlso: ${parts.join(', ')}.` : '';
}

/** The Python `CONFIG` dict: the probe format's "config" object (NetworkConfig, batch, backend). */
export function configDict(network: NetworkConfig, batch: number, backend: string): string {
  const entries: [string, string][] = [
    ['inputDim', pyInt(network.inputDim)],
    ['depth', pyInt(network.depth)],
    ['width', pyInt(network.width)],
    ['activation', pyString(network.activation)],
    ['init', pyString(network.init)],
    ['initScale', pyFloat(network.initScale)],
    ['biasInit', pyFloat(network.biasInit ?? 0)],
    ['batchnorm', pyBool(network.batchnorm)],
    ...afterLectureEntries(network),
    ['classes', pyInt(network.classes)],
    ['seed', pyInt(network.seed)],
    ['batch', pyInt(batch)],
    ['backend', pyString(backend)],
  ];
  return ['CONFIG = {', ...entries.map(([key, value]) => `    '${key}': ${value},`), '}'].join(
    '\n',
  );
}

/** One line saying what the initialization is, for the scripts' headers. */
export function initDescription(network: NetworkConfig): string {
  switch (network.init) {
    case 'zeros':
      return 'zeros (every weight 0: the units stay identical, the lecture\'s "don\'t")';
    case 'small':
      return 'small: 0.01 * N(0,1)';
    case 'large':
      return 'large: 1.0 * N(0,1)';
    case 'custom':
      return `custom: ${network.initScale} * N(0,1)`;
    case 'xavier':
      return "Xavier as in the lecture: N(0,1) / sqrt(fan_in) (not PyTorch's xavier_normal_)";
    case 'glorot':
      return 'Glorot: N(0,1) * sqrt(2 / (fan_in + fan_out))';
    case 'he':
      return 'He/Kaiming: N(0,1) * sqrt(2 / fan_in)';
    case 'torch-default':
      return "PyTorch's default: U(-1/sqrt(fan_in), 1/sqrt(fan_in))";
    case 'orthogonal':
      return `orthogonal, gain ${orthogonalGain(network.activation).toPrecision(6)}`;
    case 'lsuv':
      return 'LSUV: orthogonal (gain 1), then each layer rescaled to unit output variance';
  }
}

/** Python source of `weight_std(fan_in, fan_out)` for the Gaussian inits; null for the others. */
export function weightStdFunction(network: NetworkConfig): string | null {
  if (gaussianStd(network.init, 1, 1, network.initScale) === null) return null;
  const body: Record<string, string[]> = {
    small: ['return 0.01'],
    large: ['return 1.0'],
    custom: [`return ${pyFloat(network.initScale)}`],
    xavier: [
      "# The lecture's Xavier: N(0,1) / sqrt(fan_in). NOT nn.init.xavier_normal_, which is",
      "# Glorot's sqrt(2 / (fan_in + fan_out)): a different scale whenever fan_in != fan_out.",
      'return 1.0 / math.sqrt(fan_in)',
    ],
    glorot: [
      "# Glorot & Bengio (2010): what PyTorch's xavier_normal_ computes (with gain 1).",
      'return math.sqrt(2.0 / (fan_in + fan_out))',
    ],
    he: [
      '# He et al. (2015): kaiming_normal_(mode="fan_in", nonlinearity="relu").',
      'return math.sqrt(2.0 / fan_in)',
    ],
  };
  return [
    'def weight_std(fan_in, fan_out):',
    '    """Standard deviation of each weight, as Activation Lab computes it."""',
    ...body[network.init].map((line) => `    ${line}`),
  ].join('\n');
}

/**
 * A comment listing the std each weight matrix gets, from the engine's own formula: the reader
 * can check the script's numbers against the page's.
 */
export function weightStdComment(network: NetworkConfig): string | null {
  const { init, initScale, inputDim, width, classes, depth } = network;
  const first = gaussianStd(init, inputDim, width, initScale);
  if (first === null) return null;
  const rest = gaussianStd(init, width, width, initScale) ?? first;
  const output = gaussianStd(init, width, classes, initScale) ?? first;
  const fmt = (value: number) => value.toPrecision(6);
  const lines = [`# Weight stds of this network: layer 1 ${fmt(first)} (fan_in ${inputDim})`];
  if (depth > 1) lines.push(`#   layers 2-${depth} ${fmt(rest)} (fan_in ${width})`);
  lines.push(`#   output layer ${fmt(output)} (fan_in ${width}, fan_out ${classes})`);
  return lines.join('\n');
}

/** The orthogonal gain as a readable Python expression, with where it comes from. */
export function orthogonalGainExpression(activation: ActivationName): {
  expression: string;
  why: string;
} {
  switch (activation) {
    case 'tanh':
      return { expression: '5.0 / 3.0', why: "nn.init.calculate_gain('tanh')" };
    case 'relu':
      return { expression: 'math.sqrt(2.0)', why: "nn.init.calculate_gain('relu')" };
    case 'leaky-relu':
      return {
        expression: 'math.sqrt(2.0 / (1 + 0.01 ** 2))',
        why: "nn.init.calculate_gain('leaky_relu', 0.01)",
      };
    case 'elu':
    case 'gelu':
    case 'silu':
      return {
        expression: 'math.sqrt(2.0)',
        why: "ReLU's gain: calculate_gain has none for ELU, GELU or SiLU",
      };
    default:
      return { expression: '1.0', why: `nn.init.calculate_gain('linear'), for ${activation}` };
  }
}

/** Whether the probe's dead fraction applies (units of the ReLU family can die). */
export function countsDeadUnits(activation: ActivationName): boolean {
  return RELU_FAMILY.includes(activation);
}

/** The saturation band of the probe's saturated fraction, or null when it does not apply. */
export function saturationBand(activation: ActivationName): [number, number] | null {
  if (activation === 'tanh') return [-0.97, 0.97];
  if (activation === 'sigmoid') return [0.03, 0.97];
  return null;
}

/** The gain the orthogonal init uses: the activation's, or 1 where LSUV rescales afterwards. */
export function orthogonalGainOf(network: NetworkConfig): { expression: string; why: string } {
  return network.init === 'lsuv'
    ? { expression: '1.0', why: 'LSUV starts from orthogonal weights with gain 1' }
    : orthogonalGainExpression(network.activation);
}

/** Python: NaN and Infinity as null (JSON), shared by the exported scripts. */
export const FINITE_OR_NONE_SOURCE = `def finite_or_none(value):
    """NaN and Infinity as null, as JavaScript's JSON.stringify writes them."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: finite_or_none(item) for key, item in value.items()}
    if isinstance(value, list):
        return [finite_or_none(item) for item in value]
    return value`;
