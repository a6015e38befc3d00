/**
 * The probe as a NumPy-only script: forward and backward written out by hand in float32, the
 * per-layer statistics printed as one JSON object in the format of `npm run probe`. It is the
 * reference a reader can check the page against without installing a framework.
 */
import type { NetworkConfig } from '../engine/config';
import { numpyActivationSource } from './numpy-activations';
import { numpyBlockConstants, numpyLayerSource } from './numpy-blocks';
import {
  architectureLine,
  checkExportConfig,
  FINITE_OR_NONE_SOURCE,
  configDict,
  countsDeadUnits,
  initDescription,
  orthogonalGainOf,
  pieces,
  saturationBand,
  weightStdComment,
  weightStdFunction,
} from './python';

/** Python source of `init_weight(fan_in, cols, fan_out)` (x @ W layout: fan_in rows). */
function initSource(network: NetworkConfig): string {
  const header = [
    'def init_weight(fan_in, cols, fan_out):',
    '    """A fan_in x cols weight matrix for x @ W (fan_out: the layer\'s units)."""',
  ];
  const gaussian = weightStdFunction(network);
  if (gaussian) {
    const comment = weightStdComment(network);
    return [
      ...(comment ? [comment] : []),
      gaussian,
      '',
      '',
      ...header,
      '    std = weight_std(fan_in, fan_out)',
      '    return (rng.standard_normal((fan_in, cols), dtype=np.float32) * std).astype(np.float32)',
    ].join('\n');
  }
  if (network.init === 'zeros')
    return [...header, '    return np.zeros((fan_in, cols), dtype=np.float32)'].join('\n');
  if (network.init === 'torch-default')
    return [
      ...header,
      "    bound = 1.0 / math.sqrt(fan_in)  # PyTorch's nn.Linear default",
      '    return rng.uniform(-bound, bound, (fan_in, cols)).astype(np.float32)',
    ].join('\n');
  const gain = orthogonalGainOf(network);
  return [
    `ORTHOGONAL_GAIN = ${gain.expression}  # ${gain.why}`,
    '',
    '',
    ...header,
    '    # QR of a Gaussian matrix, signs fixed by diag(R): a uniformly random orthogonal matrix.',
    '    long_side, short_side = max(fan_in, cols), min(fan_in, cols)',
    '    q, r = np.linalg.qr(rng.standard_normal((long_side, short_side)))',
    '    q = q * np.where(np.diag(r) < 0, -1.0, 1.0)',
    '    w = q if fan_in >= cols else q.T',
    '    return (ORTHOGONAL_GAIN * w).astype(np.float32)',
  ].join('\n');
}

const LSUV_SOURCE = `def lsuv(weights, biases, x):
    """Mishkin & Matas (2016): scale each layer's weights until its linear output has variance 1
    (within LSUV_TOLERANCE, at most LSUV_MAX_ITERATIONS tries), bottom to top, on the probe batch."""
    for i, (weight, bias) in enumerate(zip(weights, biases)):
        inner = linear_input(i, x) if i < DEPTH else x
        for _ in range(LSUV_MAX_ITERATIONS):
            variance = float(np.var(inner @ weight + bias, dtype=np.float64))
            if not variance > 0 or not math.isfinite(variance) or abs(variance - 1) < LSUV_TOLERANCE:
                break
            weight *= np.float32(1 / math.sqrt(variance))
        if i < DEPTH:
            x = layer_forward(i, weight, bias, x)[0]  # no dropout, as the page calibrates`;

function statisticsSource(network: NetworkConfig): string {
  const band = saturationBand(network.activation);
  const saturated = band
    ? `float(np.mean((f < ${band[0]}) | (f > ${band[1]})))`
    : `0.0  # saturation is defined for tanh and sigmoid only`;
  const dead = countsDeadUnits(network.activation)
    ? 'float(np.mean(~(pre > 0).any(axis=0)))  # units never positive on the batch'
    : `0.0  # dead units are counted for the ReLU family only`;
  return `def moments(values):
    """Mean and population std of the finite values (float64 sums), and how many were not finite."""
    flat = values.ravel()
    finite = flat[np.isfinite(flat)].astype(np.float64)
    if finite.size == 0:
        return {'mean': 0.0, 'std': 0.0}, int(flat.size)
    return {'mean': float(finite.mean()), 'std': float(finite.std())}, int(flat.size - finite.size)


def layer_statistics(number, pre, f, h, grad_h, weight, grad_weight):
    """pre: the nonlinearity's input, f: its output (saturation), h: the layer's output."""
    preact, preact_bad = moments(pre)
    act, act_bad = moments(h)
    grad_act, grad_act_bad = moments(grad_h)
    grad_w, grad_w_bad = moments(grad_weight)
    w_std = moments(weight)[0]['std']
    saturated = ${saturated}
    dead = ${dead}
    return {
        'layer': number,
        'preact': preact,
        'act': act,
        'saturated': saturated,
        'dead': dead,
        'grad_act_std': grad_act['std'],
        'grad_w_std': grad_w['std'],
        'w_std': w_std,
        'grad_data_ratio': grad_w['std'] / w_std if w_std > 0 else float('nan'),
        'non_finite': preact_bad + act_bad + grad_act_bad + grad_w_bad,
    }`;
}

export function numpyScript(network: NetworkConfig, batch: number): string {
  checkExportConfig(network, batch);
  const bn = network.batchnorm;
  const lsuv = network.init === 'lsuv';
  return `#!/usr/bin/env python3
"""Activation Lab's probe in NumPy only (exported from the page).

Network: ${network.depth} hidden layers x ${network.width} units, ${network.activation}, batchnorm ${bn ? 'on' : 'off'}, input ${network.inputDim}, ${network.classes} classes, seed ${network.seed}.${architectureLine(network)}
Initialization: ${initDescription(network)};
hidden biases ${network.biasInit ?? 0}, output biases 0.
Probe: X ~ N(0,1) [${batch} x ${network.inputDim}], uniformly random labels, one forward and backward pass
(softmax cross-entropy averaged over the batch), written out by hand in float32 (sums in float64).
Prints ONE JSON object in the format of Activation Lab's \`npm run probe\`.

NumPy draws its own random numbers, not the page's: expect the page's statistics within sampling
noise, not digit for digit.  Run: python3 this_file.py
"""
import json
import math

import numpy as np

${configDict(network, batch, 'numpy')}
INPUT_DIM = CONFIG['inputDim']
DEPTH = CONFIG['depth']
WIDTH = CONFIG['width']
CLASSES = CONFIG['classes']
BATCH = CONFIG['batch']
BIAS_INIT = CONFIG['biasInit']
PIECES = ${pieces(network.activation)}  # linear outputs per unit${network.activation === 'maxout' ? ' (maxout: two pieces)' : ''}
${numpyBlockConstants(network)}
${lsuv ? 'LSUV_TOLERANCE = 0.05\nLSUV_MAX_ITERATIONS = 10\n' : ''}
rng = np.random.default_rng(CONFIG['seed'])


${numpyActivationSource(network.activation)}


${initSource(network)}


${numpyLayerSource(network)}


def initialize(x):
    weights, biases = [], []
    fan_in = INPUT_DIM
    for _ in range(DEPTH):
        weights.append(init_weight(fan_in, PIECES * WIDTH, WIDTH))
        biases.append(np.full(PIECES * WIDTH, BIAS_INIT, dtype=np.float32))
        fan_in = WIDTH
    # The output layer gets the same scheme.
    weights.append(init_weight(WIDTH, CLASSES, CLASSES))
    biases.append(np.zeros(CLASSES, dtype=np.float32))
${lsuv ? '    lsuv(weights, biases, x)\n' : ''}    return weights, biases
${lsuv ? '\n\n' + LSUV_SOURCE + '\n' : ''}

def softmax_cross_entropy(logits, labels):
    """Mean loss over the rows, and its gradient with respect to the logits."""
    rows = logits.shape[0]
    shifted = logits.astype(np.float64) - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = float(-log_probs[np.arange(rows), labels].mean())
    dlogits = np.exp(log_probs)
    dlogits[np.arange(rows), labels] -= 1
    return loss, (dlogits / rows).astype(np.float32)


${statisticsSource(network)}


${FINITE_OR_NONE_SOURCE}


def probe():
    x = rng.standard_normal((BATCH, INPUT_DIM), dtype=np.float32)
    labels = rng.integers(0, CLASSES, size=BATCH)
    weights, biases = initialize(x)
    non_finite = None
    caches, acts = [], []
    h = x
    for i in range(DEPTH):
        h, cache = layer_forward(i, weights[i], biases[i], h, dropout=DROPOUT_IN_PROBE)
        caches.append(cache)
        acts.append(h)
        if non_finite is None and not np.isfinite(h).all():
            non_finite = {'phase': 'forward', 'layer': i + 1}
    loss, dlogits = softmax_cross_entropy(h @ weights[DEPTH] + biases[DEPTH], labels)
    if non_finite is None and not math.isfinite(loss):
        non_finite = {'phase': 'loss', 'layer': DEPTH + 1}
    grad_acts, grad_weights = [None] * DEPTH, [None] * DEPTH
    dh = dlogits @ weights[DEPTH].T
    for i in reversed(range(DEPTH)):
        grad_acts[i] = dh
        grad_weights[i], dh = layer_backward(i, weights[i], caches[i], dh)
        if non_finite is None and not np.isfinite(grad_weights[i]).all():
            non_finite = {'phase': 'backward', 'layer': i + 1}
    result = {
        'config': CONFIG,
        'loss': loss,
        'layers': [
            layer_statistics(
                i + 1, caches[i]['pre'], caches[i]['f'], acts[i], grad_acts[i], weights[i],
                grad_weights[i],
            )
            for i in range(DEPTH)
        ],
    }
    if non_finite is not None:
        result['non_finite'] = non_finite
    return result


if __name__ == '__main__':
    with np.errstate(all='ignore'):  # overflow to Inf is reported in the output, not as a warning
        print(json.dumps(finite_or_none(probe()), separators=(',', ':'), allow_nan=False))
`;
}
