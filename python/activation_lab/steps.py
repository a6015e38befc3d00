"""One recorded step: each layer's arrays turned into the lab's statistics and histograms."""
import math
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from . import stats
from .recording import GRAD_BINS_ID


@dataclass
class LayerArrays:
    """What one layer produced on the recorded batch (NumPy arrays, or None when unknown).

    pre: the nonlinearity's input (after normalization); h: the layer's output; grad: dL/dh;
    w: the weight; dw: dL/dW. unit_axis: the axis of units (columns, or conv channels)."""

    name: str
    activation: Optional[str]
    unit_axis: int
    h: Any
    pre: Any = None
    grad: Any = None
    w: Any = None
    dw: Any = None


def _moments_or_none(values):
    if values is None:
        return None, 0
    mean, std, bad = stats.moments(values)
    return {'mean': mean, 'std': std}, bad


def _std(values):
    return math.nan if values is None else stats.moments(values)[1]


def largest_spread(entries):
    """The largest pre-activation std of a step (a layer's output where it has none): what the
    activation histograms' reach comes from, as in the lab's trainer (src/engine/trainer.ts)."""
    spreads = [_std(e.pre if e.pre is not None else e.h) for e in entries]
    finite = [s for s in spreads if math.isfinite(s)]
    return max(finite, default=0.0)


def layer_record(index, entry, act_bins_id, bins):
    """The layer's statistics (docs/statistics.md) and histograms (docs/recording-format.md);
    index: its 0-based position in the model description."""
    h = stats.as_array(entry.h)
    pre = stats.as_array(entry.pre)
    grad = stats.as_array(entry.grad)
    dw = stats.as_array(entry.dw)
    preact, pre_bad = _moments_or_none(pre)
    act, act_bad = _moments_or_none(h)
    grad_act, grad_bad = _moments_or_none(grad)
    grad_w, dw_bad = _moments_or_none(dw)
    w_std = _std(stats.as_array(entry.w))
    grad_w_std = grad_w['std'] if grad_w else math.nan
    activation = entry.activation or 'linear'
    # h > 0 exactly where pre > 0 for the whole ReLU family, so h stands in when pre is unknown.
    signs = pre if pre is not None else h
    grad_hist = None
    if grad is not None:
        grad_hist = {'bins': GRAD_BINS_ID, **stats.histogram(grad, bins[GRAD_BINS_ID])}
    return {
        'layer': index + 1,
        'name': entry.name,
        'preact': preact,
        'act': act,
        'saturated': stats.saturated_fraction(h, activation),
        'dead': stats.dead_fraction(signs, activation, entry.unit_axis),
        'grad_act_std': grad_act['std'] if grad_act else math.nan,
        'grad_w_std': grad_w_std,
        'w_std': w_std,
        'grad_data_ratio': grad_w_std / w_std if w_std > 0 else math.nan,
        'non_finite': pre_bad + act_bad + grad_bad + dw_bad,
        'histograms': {
            'act': {'bins': act_bins_id, **stats.histogram(h, bins[act_bins_id])},
            'grad': grad_hist,
        },
    }


def step_record(step, entries, writer, loss=None, accuracy=None, update_data=None):
    """A step object of the format; defines the step's bins in `writer` where still missing."""
    spread = largest_spread(entries)
    layers = []
    for entry in entries:
        act_id = writer.activation_bins(entry.activation or 'linear', spread)
        layers.append(layer_record(writer.layer_position(entry.name), entry, act_id, writer.bins))
    record = {'step': int(step), 'loss': loss, 'accuracy': accuracy, 'layers': layers}
    record['update_data'] = dict(update_data or {})
    return record


def update_ratio(before, after):
    """update:data of one parameter: std(after − before) / std(after), the weight after the step
    as in the lab's optimizer (src/engine/optimizer.ts); NaN when std(W) = 0."""
    after = np.asarray(after, dtype=np.float64)
    delta = after - np.asarray(before, dtype=np.float64)
    weight_std = stats.moments(after)[1]
    return stats.moments(delta)[1] / weight_std if weight_std > 0 else math.nan
