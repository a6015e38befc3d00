"""Recording a network written by hand in NumPy (the CS231n `fc_net.py` style): the training loop
hands over each layer's arrays, and the recorder computes the lab's statistics from them."""
import numpy as np

from . import stats
from .recording import RecordingWriter
from .steps import LayerArrays, step_record, update_ratio

_ACTIVATION_ALIASES = {'leaky_relu': 'leaky-relu', 'identity': 'linear', 'none': 'linear'}


def lab_activation(name):
    """The lab's name for an activation ('relu', 'tanh', ...); None for none given."""
    if name is None:
        return None
    name = _ACTIVATION_ALIASES.get(name.lower(), name.lower())
    if name not in stats.ACTIVATIONS:
        raise ValueError(f'unknown activation {name!r}; the lab knows {", ".join(stats.ACTIVATIONS)}')
    return name


def _copy(values):
    return None if values is None else np.array(values, dtype=np.float64)


class NumpyRecorder:
    """rec.log(step, 'fc1', h=..., grad=..., w=..., dw=...) for each layer of a recorded step.

    A step is complete when a later step is logged, or on save()/close(). With `path` ending in
    `.jsonl` each step is written as it completes; otherwise save() writes one JSON file."""

    def __init__(self, path=None, model_name=None, config=None):
        self.writer = RecordingWriter('numpy', path, model_name, config)
        self._step = None
        self._entries = {}
        self._metrics = {}
        self._updates = {}

    def log(
        self, step, name, h, grad=None, w=None, dw=None, pre=None, update=None, activation=None, unit_axis=-1
    ):
        """One layer of one step.

        h: the layer's output, rows × units; pre: the nonlinearity's input (optional: dead units
        follow from the sign of h for the ReLU family); grad: dL/dh; w: the weight; dw: dL/dW;
        update: the change the optimizer is about to apply to w (for update:data); activation:
        the lab's name of the nonlinearity ('relu', 'tanh', ...; None for a linear output);
        unit_axis: the axis of units (1 for N×C×H×W convolution outputs, whose units are channels)."""
        self._begin(step)
        activation = lab_activation(activation)
        self.writer.add_layer(
            {
                'name': name,
                'kind': 'dense',
                'units': int(np.shape(h)[unit_axis]),
                'weight': name if w is not None else None,
                'weight_shape': list(stats.as_array(w).shape) if w is not None else None,
                'norm': None,
                'activation': activation,
                'activation_module': None,
            }
        )
        # Copies: a training loop may update w (or reuse buffers) in place before the step ends.
        arrays = [_copy(a) for a in (h, pre, grad, w, dw)]
        self._entries[name] = LayerArrays(name, activation, unit_axis, *arrays)
        if update is not None and w is not None:
            after = stats.as_array(w) + stats.as_array(update)
            self._updates[name] = update_ratio(w, after)

    def log_metrics(self, step, loss=None, accuracy=None):
        self._begin(step)
        self._metrics = {'loss': loss, 'accuracy': accuracy}

    def _begin(self, step):
        if self._step is not None and step != self._step:
            self.finish_step()
        self._step = step

    def finish_step(self):
        """Turns the pending step's arrays into its record (log() of a later step calls this)."""
        if self._step is None:
            return
        if self._entries:
            entries = list(self._entries.values())
            record = step_record(self._step, entries, self.writer, update_data=self._updates, **self._metrics)
            self.writer.add_step(record)
        self._step, self._entries, self._metrics, self._updates = None, {}, {}, {}

    def recording(self):
        """The recording so far as the JSON variant's dict (pending step included)."""
        self.finish_step()
        return self.writer.to_dict()

    def save(self, path=None):
        self.finish_step()
        return self.writer.save(path)

    def close(self):
        self.finish_step()
        self.writer.close()
