/**
 * Each activation's forward and backward in NumPy, written as src/engine/kernels/ts/elementwise.ts
 * computes them (leaky slope 0.01, ELU alpha 1, GELU's tanh form, maxout ties to piece A), so
 * NaN and the boundary at 0 behave the same too (`pre > 0`, not np.maximum).
 */
import type { ActivationName } from '../engine/config';

const SIGMOID = `def sigmoid(z):
    e = np.exp(-np.abs(z))  # split by sign so exp never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e)).astype(np.float32)`;

const GELU_INNER = `GELU_C = math.sqrt(2 / math.pi)
GELU_K = 0.044715


def gelu_tanh(pre):
    return np.tanh(GELU_C * (pre + GELU_K * pre * pre * pre)).astype(np.float32)`;

const BODIES: Record<ActivationName, { helpers?: string; forward: string; backward: string }> = {
  linear: { forward: 'return pre', backward: 'return dh' },
  sigmoid: {
    helpers: SIGMOID,
    forward: 'return sigmoid(pre)',
    backward: 'return dh * h * (1 - h)',
  },
  tanh: { forward: 'return np.tanh(pre)', backward: 'return dh * (1 - h * h)' },
  relu: {
    forward: 'return np.where(pre > 0, pre, np.float32(0))',
    backward: 'return np.where(pre > 0, dh, np.float32(0))',
  },
  'leaky-relu': {
    helpers: 'LEAKY_SLOPE = np.float32(0.01)',
    forward: 'return np.where(pre > 0, pre, LEAKY_SLOPE * pre)',
    backward: 'return np.where(pre > 0, dh, LEAKY_SLOPE * dh)',
  },
  elu: {
    helpers: 'ELU_ALPHA = np.float32(1.0)',
    forward: 'return np.where(pre > 0, pre, ELU_ALPHA * np.expm1(np.minimum(pre, 0)))',
    backward: 'return np.where(pre > 0, dh, dh * (h + ELU_ALPHA))',
  },
  gelu: {
    helpers: GELU_INNER,
    forward: 'return 0.5 * pre * (1 + gelu_tanh(pre))',
    backward: [
      't = gelu_tanh(pre)',
      'inner = GELU_C * (1 + 3 * GELU_K * pre * pre)',
      'return dh * (0.5 * (1 + t) + 0.5 * pre * (1 - t * t) * inner)',
    ].join('\n    '),
  },
  silu: {
    helpers: SIGMOID,
    forward: 'return pre * sigmoid(pre)',
    backward: ['s = sigmoid(pre)', 'return dh * s * (1 + pre * (1 - s))'].join('\n    '),
  },
  maxout: {
    forward: [
      '# Columns [0, WIDTH) are piece A, [WIDTH, 2*WIDTH) piece B; ties go to piece A.',
      'a, b = pre[:, :WIDTH], pre[:, WIDTH:]',
      'return np.where(a >= b, a, b)',
    ].join('\n    '),
    backward: [
      'a_wins = pre[:, :WIDTH] >= pre[:, WIDTH:]',
      'zero = np.float32(0)',
      'return np.concatenate([np.where(a_wins, dh, zero), np.where(a_wins, zero, dh)], axis=1)',
    ].join('\n    '),
  },
};

/** Python source of `activate(pre)` and `activate_backward(pre, h, dh)`. */
export function numpyActivationSource(activation: ActivationName): string {
  const body = BODIES[activation];
  const parts = body.helpers ? [body.helpers, ''] : [];
  parts.push(
    'def activate(pre):',
    `    ${body.forward}`,
    '',
    '',
    'def activate_backward(pre, h, dh):',
    '    """dL/dpre from dL/dh."""',
    `    ${body.backward}`,
  );
  // Helpers that are definitions need two blank lines after them (PEP 8).
  if (body.helpers?.includes('def ')) parts.splice(1, 0, '');
  return parts.join('\n');
}
