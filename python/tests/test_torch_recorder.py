"""The PyTorch recorder against the statistics computed directly from the tensors (real PyTorch,
a small MLP and a small CNN trained for a few steps on random data)."""
import unittest
import warnings

import torch
import torch.nn.functional as F
from torch import nn

from activation_lab import Recorder, stats
from tests import direct
from tests.torch_twin import batches, train_by_hand, train_recorded, twin

STEPS, EVERY = 5, 2


def mlp():
    torch.manual_seed(1)
    model = nn.Sequential(
        nn.Linear(12, 32),
        nn.Tanh(),
        nn.Linear(32, 32),
        nn.BatchNorm1d(32),
        nn.ReLU(),
        nn.Linear(32, 16),
        nn.ReLU(),
        nn.Linear(16, 4),
    )
    with torch.no_grad():
        model[0].weight.mul_(4)  # some tanh units saturate
        model[5].bias[:4] = -20  # four ReLU units are dead from the start
    return model


MLP_SPEC = [
    ('0', 0, 0, 1, 'tanh', -1),
    ('2', 2, 3, 4, 'relu', -1),
    ('5', 5, 5, 6, 'relu', -1),
    ('7', 7, None, 7, None, -1),
]


def cnn():
    torch.manual_seed(2)
    model = nn.Sequential(
        nn.Conv2d(3, 6, 3, padding=1),
        nn.ReLU(),
        nn.Conv2d(6, 8, 3),
        nn.BatchNorm2d(8),
        nn.ReLU(),
        nn.Flatten(),
        nn.Linear(8 * 6 * 6, 5),
    )
    with torch.no_grad():
        model[0].bias[0] = -50  # channel 0 is never positive: dead over batch and positions
    return model


CNN_SPEC = [('0', 0, 0, 1, 'relu', 1), ('2', 2, 3, 4, 'relu', 1), ('6', 6, None, 6, None, -1)]


def sequence_net():
    torch.manual_seed(3)
    return nn.Sequential(
        nn.Conv1d(4, 6, 3),
        nn.LayerNorm([6, 8]),
        nn.GELU(),
        nn.Flatten(),
        nn.Linear(48, 16),
        nn.LayerNorm(16),
        nn.SiLU(),
        nn.Linear(16, 3),
    )


SEQUENCE_SPEC = [('0', 0, 1, 2, 'gelu', 1), ('4', 4, 5, 6, 'silu', -1), ('7', 7, None, 7, None, -1)]


class RecorderAgainstTensors(unittest.TestCase):
    def check(self, model, spec, data):
        hand = twin(model)
        recording = train_recorded(model, data, EVERY)
        expected = train_by_hand(hand, data, EVERY, spec)
        self.assertEqual([s['step'] for s in recording['steps']], sorted(expected))
        for step in recording['steps']:
            want = expected[step['step']]
            self.assertEqual(step['loss'], want['loss'])
            direct.assert_close(self, step['update_data'], want['update_data'], f"step {step['step']} update")
            self.assertEqual([layer['name'] for layer in step['layers']], [s[0] for s in spec])
            for layer in step['layers']:
                truth = want['layers'][layer['name']]
                where = f"step {step['step']} layer {layer['name']}"
                direct.assert_close(self, layer, truth['stats'], where)
                for kind, values in (('act', truth['h']), ('grad', truth['grad'])):
                    histogram = layer['histograms'][kind]
                    counts = direct.histogram(values.numpy(), recording['bins'][histogram['bins']])
                    direct.assert_close(self, histogram, counts, f'{where} {kind} histogram')
        return recording, expected

    def test_mlp_statistics_match_the_tensors(self):
        recording, expected = self.check(mlp(), MLP_SPEC, batches(3, (12,), 4, STEPS))
        first = expected[0]['layers']
        self.assertGreater(first['0']['stats']['saturated'], 0.05)  # the checks are not vacuous
        self.assertEqual(first['5']['stats']['dead'], 4 / 16)
        model = {layer['name']: layer for layer in recording['model']['layers']}
        self.assertEqual(model['2']['norm'], {'name': '3', 'kind': 'batchnorm'})
        self.assertEqual((model['0']['activation'], model['7']['activation']), ('tanh', None))
        self.assertEqual(model['0']['weight_shape'], [32, 12])

    def test_cnn_statistics_match_the_tensors(self):
        recording, expected = self.check(cnn(), CNN_SPEC, batches(4, (3, 8, 8), 5, STEPS))
        self.assertEqual(expected[0]['layers']['0']['stats']['dead'], 1 / 6)
        kinds = [(layer['kind'], layer['units']) for layer in recording['model']['layers']]
        self.assertEqual(kinds, [('conv2d', 6), ('conv2d', 8), ('linear', 5)])

    def test_conv1d_layernorm_gelu_silu_match_the_tensors(self):
        recording, _ = self.check(sequence_net(), SEQUENCE_SPEC, batches(6, (4, 10), 3, STEPS))
        norms = [layer['norm'] for layer in recording['model']['layers']]
        self.assertEqual(
            norms, [{'name': '1', 'kind': 'layernorm'}, {'name': '5', 'kind': 'layernorm'}, None]
        )
        self.assertEqual(recording['model']['layers'][0]['kind'], 'conv1d')

    def test_explicit_calls_record_what_the_attached_optimizer_records(self):
        data = batches(7, (12,), 4, STEPS)
        attached = train_recorded(mlp(), data, EVERY)
        explicit = train_recorded(mlp(), data, EVERY, explicit=True)
        self.assertEqual(explicit['steps'], attached['steps'])

    def test_an_lr_scheduler_wraps_the_attached_step(self):
        model = mlp()
        rec = Recorder(model, every=EVERY)
        opt = rec.attach_optimizer(torch.optim.SGD(model.parameters(), lr=0.1))
        scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
        with warnings.catch_warnings():
            warnings.simplefilter('error')  # e.g. "lr_scheduler.step() before optimizer.step()"
            for x, y in batches(8, (12,), 4, STEPS):
                opt.zero_grad()
                F.cross_entropy(model(x), y).backward()
                opt.step()
                scheduler.step()
        rec.close()
        self.assertEqual([s['step'] for s in rec.recording()['steps']], [0, 2, 4])
        self.assertEqual(opt.param_groups[0]['lr'], 0.1 * 0.5**STEPS)

    def test_metrics_logged_after_the_step_land_on_that_step(self):
        model = mlp()
        rec = Recorder(model, every=EVERY)
        opt = rec.attach_optimizer(torch.optim.SGD(model.parameters(), lr=0.1))
        losses = []
        for x, y in batches(9, (12,), 4, STEPS):
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            rec.log_metrics(loss=loss, accuracy=0.25)  # after the step, as many loops log it
            losses.append(loss.item())
        rec.close()
        recorded = [(s['step'], s['loss'], s['accuracy']) for s in rec.recording()['steps']]
        self.assertEqual(recorded, [(k, losses[k], 0.25) for k in range(0, STEPS, EVERY)])

    def test_bins_follow_the_lab(self):
        recording, expected = self.check(mlp(), MLP_SPEC, batches(5, (12,), 4, 1))
        bins = recording['bins']
        self.assertEqual((bins['act:tanh']['low'], bins['act:tanh']['high']), (-1.0, 1.0))
        spreads = [
            (layer['stats']['preact'] or layer['stats']['act'])['std']
            for layer in expected[0]['layers'].values()
        ]
        reach = max(5.0, stats.nice_ceiling(3 * max(spreads)))
        self.assertEqual((bins['act:relu']['low'], bins['act:relu']['high']), (0.0, reach))
        self.assertEqual((bins['act:relu']['count'], len(bins['act:relu']['edges'])), (50, 51))
        grad = bins['grad:log10abs']
        self.assertEqual(
            (grad['mode'], grad['low'], grad['high'], grad['count']), ('log10abs', -12.0, 2.0, 56)
        )


if __name__ == '__main__':
    unittest.main()
