"""The NumPy logger on a hand-written two-layer net (affine - ReLU - affine - softmax, the CS231n
fc_net.py style), against the statistics computed directly with NumPy."""
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

from activation_lab import NumpyRecorder, read_recording
from tests import direct


def forward_backward(params, x, y):
    pre = x @ params['W1'] + params['b1']
    h = np.maximum(0, pre)
    scores = h @ params['W2'] + params['b2']
    shifted = scores - scores.max(axis=1, keepdims=True)
    probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    loss = -np.log(probs[np.arange(len(y)), y]).mean()
    dscores = probs.copy()
    dscores[np.arange(len(y)), y] -= 1
    dscores /= len(y)
    dh = dscores @ params['W2'].T
    dpre = dh * (pre > 0)
    grads = {'W1': x.T @ dpre, 'b1': dpre.sum(0), 'W2': h.T @ dscores, 'b2': dscores.sum(0)}
    return loss, {'pre': pre, 'h': h, 'dh': dh, 'scores': scores, 'dscores': dscores}, grads


def train(path, steps=4, lr=0.5):
    rng = np.random.default_rng(11)
    params = {
        'W1': rng.normal(0, 0.3, (10, 24)),
        'b1': np.zeros(24),
        'W2': rng.normal(0, 0.3, (24, 3)),
        'b2': np.zeros(3),
    }
    params['b1'][:5] = -30  # five dead units
    x, y = rng.normal(size=(50, 10)), rng.integers(0, 3, 50)
    rec = NumpyRecorder(path=path)
    kept = []
    for step in range(steps):
        loss, cache, grads = forward_backward(params, x, y)
        kept.append((loss, {k: v.copy() for k, v in params.items()}, cache, grads))
        rec.log(
            step,
            'fc1',
            h=cache['h'],
            pre=cache['pre'],
            grad=cache['dh'],
            w=params['W1'],
            dw=grads['W1'],
            update=-lr * grads['W1'],
            activation='relu',
        )
        rec.log(step, 'fc2', h=cache['scores'], grad=cache['dscores'], w=params['W2'], dw=grads['W2'])
        rec.log_metrics(step, loss=loss, accuracy=float((cache['scores'].argmax(1) == y).mean()))
        for name in params:
            params[name] -= lr * grads[name]  # in place, after logging: the recorder kept copies
    rec.close()
    return kept


def np_std(a):
    return float(np.sqrt(np.mean((a - a.mean()) ** 2)))


class NumpyRecorderOnTwoLayerNet(unittest.TestCase):
    def test_recorded_statistics_match_numpy(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, 'net.alab.json')
            kept = train(path)
            recording = read_recording(path)
        self.assertEqual(recording['source'], 'numpy')
        self.assertEqual([s['step'] for s in recording['steps']], [0, 1, 2, 3])
        for (loss, params, cache, grads), step in zip(kept, recording['steps']):
            fc1, fc2 = step['layers']
            self.assertEqual(step['loss'], loss)
            expected = {
                'preact': {'mean': float(cache['pre'].mean()), 'std': np_std(cache['pre'])},
                'act': {'mean': float(cache['h'].mean()), 'std': np_std(cache['h'])},
                'dead': float(np.mean(~(cache['pre'] > 0).any(axis=0))),
                'saturated': 0.0,
                'grad_act_std': np_std(cache['dh']),
                'grad_w_std': np_std(grads['W1']),
                'w_std': np_std(params['W1']),
                'grad_data_ratio': np_std(grads['W1']) / np_std(params['W1']),
            }
            direct.assert_close(self, fc1, expected, f"step {step['step']} fc1")
            self.assertGreaterEqual(fc1['dead'], 5 / 24)
            self.assertEqual((fc2['preact'], fc2['act']['std']), (None, np_std(cache['scores'])))
            updated = params['W1'] - 0.5 * grads['W1']
            ratio = np_std(updated - params['W1']) / np_std(updated)
            direct.assert_close(self, step['update_data'], {'fc1': ratio})
            counts = direct.histogram(cache['h'], recording['bins'][fc1['histograms']['act']['bins']])
            direct.assert_close(self, fc1['histograms']['act'], counts)
        layers = recording['model']['layers']
        self.assertEqual(
            [(l['name'], l['activation'], l['weight_shape']) for l in layers],
            [('fc1', 'relu', [10, 24]), ('fc2', None, [24, 3])],
        )

    def test_convolution_units_are_channels(self):
        pre = -np.ones((2, 3, 4, 4))
        pre[:, 2] = 1.0  # channel 2 fires everywhere, channels 0 and 1 never
        rec = NumpyRecorder()
        rec.log(0, 'conv1', h=np.maximum(pre, 0), pre=pre, activation='relu', unit_axis=1)
        recording = rec.recording()
        self.assertEqual(recording['model']['layers'][0]['units'], 3)
        self.assertEqual(recording['steps'][0]['layers'][0]['dead'], 2 / 3)

    def test_numpy_use_does_not_import_torch(self):
        script = (
            'import sys, numpy as np\n'
            'from activation_lab import NumpyRecorder\n'
            "NumpyRecorder().log(0, 'fc1', h=np.ones((2, 2)), activation='tanh')\n"
            "print('torch' in sys.modules)"
        )
        root = os.path.join(os.path.dirname(__file__), '..')
        done = subprocess.run([sys.executable, '-c', script], cwd=root, capture_output=True, text=True)
        self.assertEqual((done.stdout.strip(), done.stderr), ('False', ''))

    def test_unknown_activation_is_refused(self):
        rec = NumpyRecorder()
        with self.assertRaisesRegex(ValueError, "unknown activation 'swish'"):
            rec.log(0, 'fc1', h=np.zeros((2, 2)), activation='swish')


if __name__ == '__main__':
    unittest.main()
