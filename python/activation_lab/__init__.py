"""Activation Lab recorder: per-layer statistics of your own network, in a file the lab opens.

PyTorch (optional dependency):

    from activation_lab import Recorder
    rec = Recorder(model, every=10, path='run.alab.json')
    optimizer = rec.attach_optimizer(torch.optim.SGD(model.parameters(), lr=0.1))
    for step, (x, y) in enumerate(batches):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        rec.log_metrics(loss=loss.item())
        optimizer.step()
    rec.close()

NumPy (a network written by hand): rec = NumpyRecorder(path='run.alab.json'), then
rec.log(step, 'fc1', h=..., grad=..., w=..., dw=...) per layer and rec.close().
The format: docs/recording-format.md.
"""
from .numpy_recorder import NumpyRecorder
from .recording import FORMAT, PACKAGE_VERSION, VERSION, FormatError, RecordingWriter, read_recording

__version__ = PACKAGE_VERSION
__all__ = [
    'FORMAT',
    'VERSION',
    'FormatError',
    'NumpyRecorder',
    'Recorder',
    'RecordingWriter',
    'read_recording',
]


def __getattr__(name):
    # PyTorch is optional: importing it only when Recorder is asked for keeps NumPy users free of it.
    if name == 'Recorder':
        from .torch_recorder import Recorder

        return Recorder
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
