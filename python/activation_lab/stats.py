"""Per-layer statistics and histogram counts, as docs/statistics.md defines them.

Everything runs on NumPy float64 arrays (float32 inputs convert exactly), so the PyTorch
recorder and the hand-written NumPy logger compute the same numbers the lab's engine does
(src/engine/stats.ts, src/engine/kernels/ts/reductions.ts).
"""
import math

import numpy as np

# The lab's activation names (src/engine/config.ts) with a flat tail and a dead-unit notion.
SATURATION_BANDS = {'tanh': (-0.97, 0.97), 'sigmoid': (0.03, 0.97)}
RELU_FAMILY = ('relu', 'leaky-relu', 'elu')
ACTIVATIONS = ('sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', 'maxout', 'linear', 'gelu', 'silu')

# Histogram bins as the lab's training view draws them (src/engine/training-history.ts):
# 50 activation bins; log10|dL/dh| over [-12, 2] at four bins a decade.
ACTIVATION_BINS = 50
GRADIENT_LOG_RANGE = (-12.0, 2.0)
GRADIENT_BINS = 56
MAX_BINS = 1000


def as_array(values):
    """A float64 NumPy copy of an array-like (None stays None)."""
    return None if values is None else np.asarray(values, dtype=np.float64)


def moments(values):
    """Mean and population std over the finite values, and the count of non-finite ones.

    With no finite value both moments are NaN (undefined), as in the lab's engine."""
    flat = np.asarray(values, dtype=np.float64).reshape(-1)
    finite = flat[np.isfinite(flat)]
    bad = int(flat.size - finite.size)
    if finite.size == 0:
        return math.nan, math.nan, bad
    mean = float(finite.mean())
    return mean, float(np.sqrt(np.mean((finite - mean) ** 2))), bad


def saturated_fraction(h, activation):
    """Fraction of activations in a flat tail; 0 for activations without one."""
    band = SATURATION_BANDS.get(activation)
    if band is None or h.size == 0:
        return 0.0
    return float(np.count_nonzero((h < band[0]) | (h > band[1])) / h.size)


def dead_fraction(pre, activation, unit_axis):
    """Fraction of units (columns; channels for a convolution) never positive on the batch.

    `unit_axis` indexes the units; every other axis (batch, positions) is one "row". Only the
    ReLU family has dead units."""
    if activation not in RELU_FAMILY or pre.size == 0:
        return 0.0
    units = np.moveaxis(pre, unit_axis, -1).reshape(-1, pre.shape[unit_axis])
    alive = np.any(units > 0, axis=0)
    return float(np.count_nonzero(~alive) / alive.size)


def nice_ceiling(value):
    """Rounds up to 1, 2 or 5 times a power of ten (niceCeiling in training-history.ts)."""
    if not value > 0 or not math.isfinite(value):
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1, 2, 5):
        if value <= step * power * (1 + 1e-9):
            return step * power
    return 10 * power


def activation_range(activation, largest_preact_std):
    """The activation histograms' x-range (activationHistogramRange in training-history.ts)."""
    reach = min(1e38, max(5.0, nice_ceiling(3 * largest_preact_std)))
    low = {
        'tanh': -1.0,
        'sigmoid': 0.0,
        'relu': 0.0,
        'leaky-relu': -reach / 10,
        'elu': -1.0,
        'gelu': -0.5,
        'silu': -0.5,
    }.get(activation, -reach)
    high = 1.0 if activation in ('tanh', 'sigmoid') else reach
    return low, high


def bin_definition(mode, low, high, count):
    """A histogram's bins with explicit edges, so a reader never has to rebuild them."""
    if not 1 <= count <= MAX_BINS:
        raise ValueError(f'histograms have 1 to {MAX_BINS} bins, not {count}')
    edges = [low + (high - low) * i / count for i in range(count)] + [high]
    return {'mode': mode, 'low': low, 'high': high, 'count': count, 'edges': edges}


def histogram(values, definition):
    """Counts over the bins, as the lab counts (histogram in kernels/ts/reductions.ts).

    Bins are [edge_i, edge_i+1); the top edge belongs to the last bin. Values below `low` (in
    log10abs mode also exact zeros) count as under, above `high` as over, NaN/Inf apart."""
    flat = np.asarray(values, dtype=np.float64).reshape(-1)
    finite = np.isfinite(flat)
    v = flat[finite]
    low, high, count = definition['low'], definition['high'], definition['count']
    if definition['mode'] == 'log10abs':
        with np.errstate(divide='ignore'):
            v = np.log10(np.abs(v))
    under = v < low
    over = v > high
    inside = v[~under & ~over]
    index = np.minimum(count - 1, np.floor((inside - low) * (count / (high - low))).astype(np.int64))
    return {
        'counts': np.bincount(index, minlength=count).tolist(),
        'under': int(np.count_nonzero(under)),
        'over': int(np.count_nonzero(over)),
        'non_finite': int(np.count_nonzero(~finite)),
    }
