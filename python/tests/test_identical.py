"""The recorder never changes the model's results: the same training with and without it gives
bit-identical outputs at every step and identical weights at the end (torch.equal)."""
import copy
import unittest

import torch
import torch.nn.functional as F
from torch import nn

from activation_lab import Recorder
from tests.torch_twin import batches, optimizer


def model():
    torch.manual_seed(6)
    return nn.Sequential(
        nn.Conv2d(3, 4, 3, padding=1),
        nn.BatchNorm2d(4),
        nn.ReLU(inplace=True),  # in place: the recorder must copy, not alias, its input
        nn.Flatten(),
        nn.Linear(4 * 6 * 6, 16),
        nn.GELU(),
        nn.Dropout(0.2),  # draws random numbers: the recorder must not draw any
        nn.Linear(16, 3),
    )


def train(net, data, recorder_every=None):
    opt = optimizer(net)
    rec = None
    if recorder_every is not None:
        rec = Recorder(net, every=recorder_every)
        opt = rec.attach_optimizer(opt)
    outputs = []
    torch.manual_seed(7)
    for x, y in data:
        opt.zero_grad()
        out = net(x)
        F.cross_entropy(out, y).backward()
        opt.step()
        outputs.append(out.detach())
    if rec is not None:
        rec.close()
    return outputs, rec


class RecorderLeavesResultsAlone(unittest.TestCase):
    def test_outputs_and_weights_are_bit_identical(self):
        data = batches(8, (3, 6, 6), 3, 6)
        plain_net = model()
        recorded_net = copy.deepcopy(plain_net)
        plain, _ = train(plain_net, data)
        recorded, rec = train(recorded_net, data, recorder_every=1)
        self.assertEqual(len(rec.recording()['steps']), 6)  # it did record every step
        for step, (a, b) in enumerate(zip(plain, recorded)):
            self.assertTrue(torch.equal(a, b), f'outputs differ at step {step}')
        for (name, a), b in zip(plain_net.state_dict().items(), recorded_net.state_dict().values()):
            self.assertTrue(torch.equal(a, b), f'{name} differs after training')

    def test_hooks_are_removed_on_close(self):
        net = model()
        _, rec = train(net, batches(9, (3, 6, 6), 3, 1), recorder_every=1)
        hooks = [m._forward_hooks or m._forward_pre_hooks for m in net.modules()]
        self.assertFalse(any(hooks))


if __name__ == '__main__':
    unittest.main()
