/**
 * The NumPy script's hidden layer, forward and backward by hand, as the engine computes it
 * (src/engine/hidden-layer.ts): linear map, batch or layer normalization, nonlinearity, dropout
 * (in the probe only when asked), and with residual connections h = x + α·f(x) for every layer
 * after the first, the norm inside f, on its input ('pre') or after the sum ('post').
 */
import type { NetworkConfig } from '../engine/config';
import { pyBool, pyFloat, pyString } from './python';

/** The constants the layer functions read. */
export function numpyBlockConstants(network: NetworkConfig): string {
  const norm = network.batchnorm ? "'batch'" : network.layernorm ? "'layer'" : 'None';
  const alpha =
    network.branchScale === 'inv-sqrt-depth'
      ? '1.0 / math.sqrt(DEPTH)  # 1/sqrt(L)'
      : network.branchScale === 'rezero'
        ? '0.0  # ReZero: a learned alpha that starts at 0, where the probe is'
        : '1.0';
  const lines = [
    `NORM = ${norm}`,
    `RESIDUAL = ${pyBool(network.residual ?? false)}  # h = x + ALPHA * f(x) in layers 2 and up`,
  ];
  if (network.residual) lines.push(`ALPHA = ${alpha}`);
  lines.push(`NORM_AT = ${pyString(network.normPosition ?? 'inside')}`);
  lines.push(`DROPOUT = ${pyFloat(network.dropout ?? 0)}`);
  lines.push(
    `DROPOUT_IN_PROBE = ${pyBool(Boolean(network.dropout && network.dropoutInProbe))}  # else dropout is for training only`,
  );
  if (network.batchnorm || network.layernorm) lines.push('NORM_EPS = 1e-5');
  return lines.join('\n');
}

const BATCHNORM_SOURCE = `def batchnorm_forward(z):
    """Batch statistics (population variance); gamma = 1 and beta = 0 at initialization, so the
    output is x-hat itself. The probe needs no running averages."""
    mean = z.mean(axis=0, dtype=np.float64)
    inv_std = 1 / np.sqrt(((z - mean) ** 2).mean(axis=0) + NORM_EPS)
    xhat = ((z - mean) * inv_std).astype(np.float32)
    return xhat, (xhat, inv_std.astype(np.float32))


def batchnorm_backward(dout, xhat, inv_std):
    rows = dout.shape[0]
    sum_dout = dout.sum(axis=0, dtype=np.float64)
    sum_dout_xhat = (dout * xhat).sum(axis=0, dtype=np.float64)
    dz = (inv_std / rows) * (rows * dout - sum_dout - xhat * sum_dout_xhat)
    return dz.astype(np.float32)


norm_forward, norm_backward = batchnorm_forward, batchnorm_backward`;

const LAYERNORM_SOURCE = `def layernorm_forward(v):
    """Each example (row) over its features; gamma = 1 and beta = 0 at initialization."""
    mean = v.mean(axis=1, keepdims=True, dtype=np.float64)
    inv_std = 1 / np.sqrt(((v - mean) ** 2).mean(axis=1, keepdims=True) + NORM_EPS)
    xhat = ((v - mean) * inv_std).astype(np.float32)
    return xhat, (xhat, inv_std.astype(np.float32))


def layernorm_backward(dout, xhat, inv_std):
    cols = dout.shape[1]
    sum_dout = dout.sum(axis=1, keepdims=True, dtype=np.float64)
    sum_dout_xhat = (dout * xhat).sum(axis=1, keepdims=True, dtype=np.float64)
    dv = (inv_std / cols) * (cols * dout - sum_dout - xhat * sum_dout_xhat)
    return dv.astype(np.float32)


norm_forward, norm_backward = layernorm_forward, layernorm_backward`;

const LAYER_SOURCE = `def norm_place(i):
    """Layer 1 (the projection to WIDTH) has no skip, so its norm sits inside."""
    if NORM is None:
        return None
    return NORM_AT if RESIDUAL and i > 0 else 'inside'


def linear_input(i, x):
    """The linear map's input: x, or norm(x) where the norm sits before it ('pre')."""
    return norm_forward(x)[0] if norm_place(i) == 'pre' else x


def layer_forward(i, weight, bias, x, dropout=False):
    """Hidden layer i (0-based): its output h and what its backward pass needs."""
    place, skip = norm_place(i), RESIDUAL and i > 0
    cache = {}
    inner = x
    if place == 'pre':
        inner, cache['norm'] = norm_forward(x)
    pre = inner @ weight + bias
    if place == 'inside':
        pre, cache['norm'] = norm_forward(pre)
    f = activate(pre)
    h = f
    if dropout and DROPOUT > 0:
        # Inverted dropout: keep with probability 1 - p, scaled by 1 / (1 - p).
        keep = rng.random(f.shape, dtype=np.float32) >= DROPOUT
        cache['mask'] = keep.astype(np.float32) / np.float32(1 - DROPOUT)
        h = f * cache['mask']
    if skip:
        h = x + np.float32(ALPHA) * h
        if place == 'post':
            h, cache['norm'] = norm_forward(h)
    cache.update(inner=inner, pre=pre, f=f)
    return h, cache


def layer_backward(i, weight, cache, dh):
    """dL/dW and dL/dx (the layer's input) from dL/dh."""
    place, skip = norm_place(i), RESIDUAL and i > 0
    ds = norm_backward(dh, *cache['norm']) if place == 'post' else dh
    df = np.float32(ALPHA) * ds if skip else ds
    if 'mask' in cache:
        df = df * cache['mask']
    dz = activate_backward(cache['pre'], cache['f'], df)
    if place == 'inside':
        dz = norm_backward(dz, *cache['norm'])
    grad_weight = cache['inner'].T @ dz
    dx = dz @ weight.T
    if place == 'pre':
        dx = norm_backward(dx, *cache['norm'])
    return grad_weight, dx + ds if skip else dx`;

/** The normalization's functions (none without one) and the layer's forward and backward. */
export function numpyLayerSource(network: NetworkConfig): string {
  const norm = network.batchnorm ? BATCHNORM_SOURCE : network.layernorm ? LAYERNORM_SOURCE : '';
  return `${norm ? `${norm}\n\n\n` : ''}${LAYER_SOURCE}`;
}
