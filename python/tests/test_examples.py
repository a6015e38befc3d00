"""python/examples/record_mlp.py, which the page's end-to-end tests open, writes a recording the
reader accepts, and its large-init variant saturates as the lecture says (the default does not)."""
import os
import subprocess
import sys
import tempfile
import unittest

from activation_lab import read_recording

EXAMPLE = os.path.join(os.path.dirname(__file__), '..', 'examples', 'record_mlp.py')


def record(folder, *args):
    path = os.path.join(folder, 'run.alab.json')
    subprocess.run([sys.executable, EXAMPLE, '--out', path, *args], check=True)
    return read_recording(path)


class RecordMlpExample(unittest.TestCase):
    def test_default_init_trains_without_saturating(self):
        with tempfile.TemporaryDirectory() as folder:
            recording = record(folder, '--steps', '20')
        self.assertEqual([l['name'] for l in recording['model']['layers']], ['0', '2', '4', '6', '8'])
        self.assertEqual([s['step'] for s in recording['steps']], [0, 5, 10, 15])
        last = recording['steps'][-1]['layers']
        self.assertTrue(all(layer['saturated'] < 0.2 for layer in last[:4]))

    def test_large_init_saturates_the_tanh_layers(self):
        with tempfile.TemporaryDirectory() as folder:
            recording = record(folder, '--steps', '20', '--init', 'large')
        last = recording['steps'][-1]['layers']
        self.assertTrue(all(layer['saturated'] > 0.5 for layer in last[:4]))


if __name__ == '__main__':
    unittest.main()
