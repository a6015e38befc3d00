"""Training the same model twice, once under the recorder and once by hand, step for step, so the
hand-run twin's tensors give the statistics the recording must hold."""
import copy
import os
import tempfile

import torch
import torch.nn.functional as F

from activation_lab import Recorder, read_recording
from tests import direct


def batches(seed, shape, classes, steps, rows=64):
    generator = torch.Generator().manual_seed(seed)
    return [
        (
            torch.randn((rows, *shape), generator=generator),
            torch.randint(0, classes, (rows,), generator=generator),
        )
        for _ in range(steps)
    ]


def optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_recorded(model, data, every, suffix='.alab.json', explicit=False):
    """Trains under the recorder (attached to the optimizer, or with explicit before_step() and
    after_step() calls); returns the recording as read back from its file."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, 'run' + suffix)
        rec = Recorder(model, every=every, path=path)
        opt = optimizer(model) if explicit else rec.attach_optimizer(optimizer(model))
        for x, y in data:
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            rec.log_metrics(loss=loss)
            if explicit:
                rec.before_step()
            opt.step()
            if explicit:
                rec.after_step()
        rec.close()
        return read_recording(path)


def _expected_layers(model, outputs, spec):
    layers = {}
    for name, weight_index, pre_index, h_index, activation, unit_axis in spec:
        pre = None if pre_index is None else outputs[pre_index]
        h = outputs[h_index]
        weight = model[weight_index].weight
        stats = direct.layer_statistics(pre, h, h.grad, weight, activation, unit_axis)
        layers[name] = {'stats': stats, 'h': h.detach().clone(), 'grad': h.grad.clone()}
    return layers


def train_by_hand(model, data, every, spec):
    """The same training on the twin (an nn.Sequential), keeping every module's output.

    spec: (layer name, weight module index, pre-activation index or None, h index, activation,
    unit axis) per recorded layer. Returns {step: {'loss', 'layers', 'update_data'}}."""
    opt = optimizer(model)
    expected = {}
    for step, (x, y) in enumerate(data):
        opt.zero_grad()
        outputs, t = [], x
        for module in model:
            t = module(t)
            t.retain_grad()
            outputs.append(t)
        loss = F.cross_entropy(t, y)
        loss.backward()
        if step % every:
            opt.step()
            continue
        weights = {name: model[index].weight for name, index, *_ in spec}
        before = {name: w.detach().clone() for name, w in weights.items()}
        layers = _expected_layers(model, outputs, spec)
        opt.step()
        updates = {
            f'{name}.weight': direct.std(w.detach().double() - before[name].double()) / direct.std(w)
            for name, w in weights.items()
        }
        expected[step] = {'loss': loss.item(), 'layers': layers, 'update_data': updates}
    return expected


def twin(model):
    return copy.deepcopy(model)
