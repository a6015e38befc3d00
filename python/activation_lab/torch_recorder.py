"""Recording a PyTorch model: hooks on its layers gather, on every `every`-th optimizer step, what
the lab's statistics are made of (docs/statistics.md), and the update:data ratio around the step.

Layers are grouped by call order in the forward pass: a weight layer (Linear, Conv1d, Conv2d),
then the first BatchNorm/LayerNorm and the first activation module called after it (before the
next weight layer) belong to it. The activation's input is the pre-activation, its output h. A
weight layer that no activation module follows (an output layer, F.relu) is recorded with
activation null: h is its output (after its norm). docs/recording-format.md states the rule.

The hooks only read: they return None, clone what they keep and never touch the random number
generator, so the model computes bit for bit what it computes without them.
"""
import types
from functools import partial

import torch
from torch import nn

from .recording import RecordingWriter
from .steps import LayerArrays, step_record, update_ratio

WEIGHT_LAYERS = ((nn.Linear, 'linear'), (nn.Conv1d, 'conv1d'), (nn.Conv2d, 'conv2d'))
NORMS = ((nn.BatchNorm1d, 'batchnorm'), (nn.BatchNorm2d, 'batchnorm'), (nn.LayerNorm, 'layernorm'))
ACTIVATIONS = (
    (nn.Tanh, 'tanh'),
    (nn.Sigmoid, 'sigmoid'),
    (nn.ReLU, 'relu'),
    (nn.LeakyReLU, 'leaky-relu'),
    (nn.ELU, 'elu'),
    (nn.GELU, 'gelu'),
    (nn.SiLU, 'silu'),
)


def _kind(module, table):
    return next((kind for cls, kind in table if isinstance(module, cls)), None)


def _numpy(tensor):
    return None if tensor is None else tensor.detach().to('cpu', torch.float64).numpy()


class _Layer:
    """One weight layer and what its group produced in the recorded pass."""

    def __init__(self, name, module, kind):
        self.name, self.module, self.kind = name, module, kind
        # Linear acts on the last axis (also for N×T×F input); a convolution's channels are axis 1.
        self.unit_axis = -1 if kind == 'linear' else 1
        self.reset()

    def reset(self):
        self.norm = self.activation = self.activation_module = None
        self.out = self.h = self.pre = self.grad = None
        self.stage = 'idle'

    def describe(self):
        weight = self.module.weight
        return {
            'name': self.name,
            'kind': self.kind,
            'units': int(weight.shape[0]),
            'weight': f'{self.name}.weight' if self.name else 'weight',
            'weight_shape': list(weight.shape),
            'norm': self.norm,
            'activation': self.activation,
            'activation_module': self.activation_module,
        }

    def arrays(self):
        weight = self.module.weight
        return LayerArrays(
            self.name,
            self.activation,
            self.unit_axis,
            h=_numpy(self.h),
            pre=_numpy(self.pre),
            grad=_numpy(self.grad),
            w=_numpy(weight),
            dw=_numpy(weight.grad),
        )


class Recorder:
    """rec = Recorder(model, every=10, path='run.alab.json'); optimizer = rec.attach_optimizer(opt).

    Or, without attach_optimizer, call rec.before_step() and rec.after_step() around
    optimizer.step(). Step k is the k-th optimizer step (0-based); on every `every`-th one the
    first forward pass with gradients enabled and its backward pass are recorded."""

    def __init__(self, model, every=10, path=None, config=None):
        if every < 1:
            raise ValueError('every must be at least 1')
        self.model, self.every, self.step = model, int(every), 0
        producer = {'torch': torch.__version__}
        self.writer = RecordingWriter('pytorch', path, type(model).__name__, config, producer)
        self._layers, self._names, self._handles = {}, {}, []
        for name, module in model.named_modules():
            self._names[module] = name
            if _kind(module, WEIGHT_LAYERS):
                self._layers[module] = _Layer(name, module, _kind(module, WEIGHT_LAYERS))
                self._handles.append(module.register_forward_hook(self._on_weight))
            elif _kind(module, NORMS):
                self._handles.append(module.register_forward_hook(self._on_norm))
            elif _kind(module, ACTIVATIONS):
                self._handles.append(module.register_forward_pre_hook(self._on_activation_input))
                self._handles.append(module.register_forward_hook(self._on_activation))
        self._handles.append(model.register_forward_pre_hook(self._on_model_start))
        self._handles.append(model.register_forward_hook(self._on_model))
        self._finished = None  # the last step's record, open for its metrics until the next pass
        self._reset_pass()

    def _reset_pass(self):
        self._pass = 'idle'  # 'open' while the recorded forward pass runs, then 'done'
        self._called, self._open, self._pending_input = [], None, None
        self._record, self._before, self._metrics = None, None, {}
        for layer in self._layers.values():
            layer.reset()

    def _capturing(self):
        return self.step % self.every == 0 and torch.is_grad_enabled() and self._pass != 'done'

    # Forward hooks: each returns None, so outputs pass through untouched.
    def _on_weight(self, module, inputs, output):
        layer = self._layers[module]
        if not self._capturing() or layer.stage != 'idle':
            return  # a layer called twice in one pass is recorded at its first call
        self._close_open()
        self._pass, self._open = 'open', layer
        layer.stage, layer.out = 'layer', output
        self._called.append(layer)

    def _on_norm(self, module, inputs, output):
        layer = self._open
        if self._pass == 'open' and layer is not None and layer.stage == 'layer':
            layer.norm = {'name': self._names[module], 'kind': _kind(module, NORMS)}
            layer.stage, layer.out = 'norm', output

    def _on_activation_input(self, module, inputs):
        if self._pass == 'open' and self._open is not None and torch.is_tensor(inputs[0]):
            # A clone: an in-place activation (ReLU(inplace=True)) overwrites its input.
            self._pending_input = (module, inputs[0].detach().clone())

    def _on_activation(self, module, inputs, output):
        layer, pending = self._open, self._pending_input
        if self._pass != 'open' or layer is None or pending is None or pending[0] is not module:
            return
        layer.pre, self._pending_input = pending[1], None
        layer.activation = _kind(module, ACTIVATIONS)
        layer.activation_module = self._names[module]
        layer.out = output
        self._close_open()

    def _on_model_start(self, module, inputs):
        self._flush_finished()

    def _on_model(self, module, inputs, output):
        if self._pass == 'open':
            self._close_open()
            self._pass = 'done'

    def _close_open(self):
        layer, self._open = self._open, None
        if layer is None:
            return
        layer.h, layer.stage = layer.out.detach().clone(), 'closed'
        if layer.out.requires_grad:
            layer.out.register_hook(partial(self._on_grad, layer))
        layer.out = None

    @staticmethod
    def _on_grad(layer, grad):
        layer.grad = grad.detach().clone()  # returns None: the gradient flows on unchanged

    def log_metrics(self, loss=None, accuracy=None):
        """Loss and accuracy of the latest forward pass's step (kept when the step is recorded):
        called before optimizer.step() they belong to the step under way, after it (before the
        next forward pass) to the step just taken."""
        metrics = {
            'loss': None if loss is None else float(loss),
            'accuracy': None if accuracy is None else float(accuracy),
        }
        target = self._finished if self._finished is not None else self._record
        if target is not None:
            target.update(metrics)
        else:
            self._metrics = metrics

    def _flush_finished(self):
        if self._finished is not None:
            self.writer.add_step(self._finished)
            self._finished = None

    def _build_record(self):
        if self._record is None and self._called:
            for layer in self._called:
                self.writer.add_layer(layer.describe())
            entries = [layer.arrays() for layer in self._called]
            self._record = step_record(self.step, entries, self.writer, **self._metrics)

    def before_step(self):
        """Call after backward(), before optimizer.step(): takes the step's statistics."""
        self._build_record()
        if self._record is not None:
            # As in the lab, update:data covers the weight matrices, not biases or norm gains.
            self._before = {layer: layer.module.weight.detach().clone() for layer in self._called}

    def after_step(self):
        """Call after optimizer.step(): the update:data ratios, then the next step."""
        self._build_record()
        if self._record is not None:
            if self._before is not None:
                self._record['update_data'] = {
                    layer.describe()['weight']: update_ratio(_numpy(before), _numpy(layer.module.weight))
                    for layer, before in self._before.items()
                }
            self._flush_finished()
            self._finished = self._record
        self._reset_pass()
        self.step += 1

    def attach_optimizer(self, optimizer):
        """Wraps optimizer.step in before_step()/after_step() (PyTorch 1.13 has no optimizer hooks);
        returns the same optimizer. A bound method, so LR schedulers can wrap it in turn."""
        original = optimizer.step

        def step(opt, *args, **kwargs):
            self.before_step()
            result = original(*args, **kwargs)
            self.after_step()
            return result

        optimizer.step = types.MethodType(step, optimizer)
        return optimizer

    def recording(self):
        """The recording so far as the JSON variant's dict."""
        self._flush_finished()
        return self.writer.to_dict()

    def save(self, path=None):
        self._flush_finished()
        return self.writer.save(path)

    def close(self):
        """Keeps a recorded pass that no optimizer step ended (a probe), removes the hooks and
        writes the file when the recorder has a path."""
        self._flush_finished()
        self._build_record()
        if self._record is not None:
            self.writer.add_step(self._record)
            self._reset_pass()
            self._pass = 'done'
        for handle in self._handles:
            handle.remove()
        self._handles = []
        self.writer.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
