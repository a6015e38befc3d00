"""The ten-line PyTorch example of python/README.md (the one the page offers) runs as written and
leaves a recording the reader accepts."""
import os
import re
import tempfile
import unittest

import torch

from activation_lab import read_recording

README = os.path.join(os.path.dirname(__file__), '..', 'README.md')


class ReadmeExample(unittest.TestCase):
    def test_the_example_runs_and_writes_a_recording(self):
        with open(README, encoding='utf-8') as handle:
            code = re.search(r'```python\n(.*?)```', handle.read(), re.S).group(1)
        generator = torch.Generator().manual_seed(0)
        batches = [
            (torch.randn(32, 784, generator=generator), torch.randint(0, 10, (32,))) for _ in range(12)
        ]
        with tempfile.TemporaryDirectory() as folder:
            cwd = os.getcwd()
            os.chdir(folder)
            try:
                exec(compile(code, 'README.md', 'exec'), {'batches': batches})
                recording = read_recording('mnist.alab.json')
            finally:
                os.chdir(cwd)
        self.assertEqual([s['step'] for s in recording['steps']], [0, 10])
        self.assertEqual([l['activation'] for l in recording['model']['layers']], ['relu', None])
        self.assertIsNotNone(recording['steps'][0]['loss'])


if __name__ == '__main__':
    unittest.main()
