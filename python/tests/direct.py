"""The statistics computed straight from a network's tensors with PyTorch's own operations, for
comparison with what the recorder wrote (docs/statistics.md is the definition both follow)."""
import math

import numpy as np
import torch

# Both sides sum float32 values in float64, in different orders: 1e-9 relative is far above that
# rounding (~1e-13) and far below any formula change (a sample instead of a population std moves
# the std of n values by about 1/(2n): 2.4e-4 for the 64 × 32 values of a hidden layer here).
RELATIVE = 1e-9
SATURATION = {'tanh': (-0.97, 0.97), 'sigmoid': (0.03, 0.97)}


def std(t):
    t = t.detach().double().flatten()
    t = t[torch.isfinite(t)]
    return torch.sqrt(((t - t.mean()) ** 2).mean()).item()


def mean(t):
    return t.detach().double().mean().item()


def saturated(h, activation):
    band = SATURATION.get(activation)
    return 0.0 if band is None else ((h < band[0]) | (h > band[1])).double().mean().item()


def dead(pre, activation, unit_axis):
    if activation not in ('relu', 'leaky-relu', 'elu'):
        return 0.0
    # Units last, everything else (batch, positions) as rows; any() over one dim at a time
    # because PyTorch 1.13's any() takes no tuple of dims.
    rows = (pre.movedim(unit_axis, -1) > 0).reshape(-1, pre.shape[unit_axis])
    return (~rows.any(dim=0)).double().mean().item()


def layer_statistics(pre, h, grad, weight, activation, unit_axis):
    """What one layer's record must hold, from its tensors."""
    w_std, grad_w_std = std(weight), std(weight.grad)
    return {
        'preact': None if pre is None else {'mean': mean(pre), 'std': std(pre)},
        'act': {'mean': mean(h), 'std': std(h)},
        'saturated': saturated(h, activation),
        'dead': dead(pre if pre is not None else h, activation, unit_axis),
        'grad_act_std': std(grad),
        'grad_w_std': grad_w_std,
        'w_std': w_std,
        'grad_data_ratio': grad_w_std / w_std,
        'non_finite': 0,
    }


def histogram(values, definition):
    """Counts with NumPy's histogram over the file's own edges (its last bin is closed, as the lab's)."""
    v = np.asarray(values, dtype=np.float64).reshape(-1)
    if definition['mode'] == 'log10abs':
        with np.errstate(divide='ignore'):
            v = np.log10(np.abs(v))
    low, high = definition['low'], definition['high']
    inside = v[(v >= low) & (v <= high)]
    counts = np.histogram(inside, bins=np.asarray(definition['edges']))[0]
    return {
        'counts': counts.tolist(),
        'under': int(np.count_nonzero(v < low)),
        'over': int(np.count_nonzero(v > high)),
        'non_finite': 0,
    }


def assert_close(test, recorded, expected, path=''):
    """Dicts compared key by key: numbers within RELATIVE, everything else exactly."""
    if isinstance(expected, dict):
        for key, value in expected.items():
            assert_close(test, recorded[key], value, f'{path}.{key}')
    elif isinstance(expected, float):
        test.assertIsNotNone(recorded, path)
        tolerance = RELATIVE * abs(expected) + 1e-300
        test.assertTrue(
            math.isclose(recorded, expected, rel_tol=RELATIVE, abs_tol=tolerance),
            f'{path}: {recorded} != {expected}',
        )
    else:
        test.assertEqual(recorded, expected, path)
