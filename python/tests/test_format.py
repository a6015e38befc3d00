"""The file format: both variants read back alike, written files conform to the schema, other
versions and other files are refused with a clear message."""
import io
import json
import math
import os
import tempfile
import unittest

import numpy as np
from torch import nn

from activation_lab import FormatError, NumpyRecorder, read_recording
from tests import schema_check
from tests.test_torch_recorder import cnn, mlp
from tests.torch_twin import batches, train_recorded

SCHEMA = schema_check.load_schema()


def without_producer(recording):
    return {k: v for k, v in recording.items() if k != 'producer'}


def numpy_recording(path):
    """Layer fc2 first appears at step 1, and fc1's values turn NaN at step 2."""
    rec = NumpyRecorder(path=path)
    rng = np.random.default_rng(0)
    for step in range(3):
        h = rng.normal(size=(8, 5))
        if step == 2:
            h[:] = math.nan
        rec.log(step, 'fc1', h=h, grad=rng.normal(size=(8, 5)), activation='tanh')
        if step > 0:
            rec.log(step, 'fc2', h=rng.normal(size=(8, 2)), w=rng.normal(size=(5, 2)))
    rec.close()
    return read_recording(path)


class Format(unittest.TestCase):
    def assertConforms(self, value, definition=None):
        """Against the whole schema, or against one of its $defs (a JSON-lines line)."""
        schema = SCHEMA
        if definition:
            schema = {'$schema': SCHEMA['$schema'], '$defs': SCHEMA['$defs'], '$ref': f'#/$defs/{definition}'}
        self.assertEqual(schema_check.problems(value, schema), [])
        self.assertIn(schema_check.library_problems(value, schema), (None, []))

    def test_written_files_conform_to_the_schema(self):
        for model, shape, classes in ((mlp(), (12,), 4), (cnn(), (3, 8, 8), 5)):
            self.assertConforms(train_recorded(model, batches(1, shape, classes, 3), every=1))
        with tempfile.TemporaryDirectory() as folder:
            self.assertConforms(numpy_recording(os.path.join(folder, 'a.alab.json')))

    def test_the_schema_check_catches_a_broken_file(self):
        recording = train_recorded(mlp(), batches(1, (12,), 4, 1), every=1)
        broken = json.loads(json.dumps(recording))
        broken['steps'][0]['layers'][0]['saturated'] = 2
        broken['steps'][0]['layers'][1]['act'] = {'mean': 0}
        broken['model']['layers'][0]['kind'] = 'lstm'
        del broken['bins']
        found = ' '.join(schema_check.problems(broken, SCHEMA))
        for needle in ('saturated', "missing 'std'", "'lstm'", "missing 'bins'"):
            self.assertIn(needle, found)
        self.assertNotEqual(schema_check.library_problems(broken, SCHEMA), [])  # None: not installed

    def test_json_lines_read_back_as_the_json_variant(self):
        data = batches(2, (12,), 4, 5)
        whole = train_recorded(mlp(), data, every=2)
        lines = train_recorded(mlp(), data, every=2, suffix='.alab.jsonl')
        self.assertEqual(without_producer(lines), without_producer(whole))
        with tempfile.TemporaryDirectory() as folder:
            a = numpy_recording(os.path.join(folder, 'a.alab.json'))
            path = os.path.join(folder, 'b.alab.jsonl')
            b = numpy_recording(path)
            with open(path, encoding='utf-8') as handle:
                header, *steps = [json.loads(line) for line in handle]
        self.assertEqual(without_producer(a), without_producer(b))
        self.assertConforms(header, 'header')
        for step in steps:
            self.assertConforms(step, 'step')
        self.assertNotIn('new_layers', steps[0])
        self.assertEqual([l['name'] for l in steps[1]['new_layers']], ['fc2'])  # fc2 arrived late
        fc1 = a['steps'][2]['layers'][0]
        self.assertEqual((fc1['act'], fc1['non_finite']), ({'mean': None, 'std': None}, 40))

    def test_a_stopped_run_keeps_its_finished_steps(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, 'run.alab.jsonl')
            numpy_recording(path)
            with open(path, encoding='utf-8') as handle:
                text = handle.read()
            cut = text[: text.rindex('{"step"') + 20]  # the last step half written
            self.assertEqual(len(read_recording(io.StringIO(cut))['steps']), 2)
            broken = text.replace('{"step":1', '{"step":', 1)
            with self.assertRaisesRegex(FormatError, 'line 3 is not JSON'):
                read_recording(io.StringIO(broken))
            empty = os.path.join(folder, 'empty.alab.jsonl')
            NumpyRecorder(path=empty).close()
            self.assertEqual(read_recording(empty)['steps'], [])

    def test_another_version_is_refused_by_name(self):
        recording = train_recorded(nn.Sequential(nn.Linear(3, 2)), batches(1, (3,), 2, 1), every=1)
        recording['version'] = 7
        message = 'recording format version 7 is not supported (this reader knows 1)'
        with self.assertRaisesRegex(FormatError, message.replace('(', r'\(').replace(')', r'\)')):
            read_recording(io.StringIO(json.dumps(recording)))
        header = {k: v for k, v in recording.items() if k != 'steps'}
        lines = json.dumps(header) + '\n' + json.dumps(recording['steps'][0]) + '\n'
        with self.assertRaises(FormatError) as refused:
            read_recording(io.StringIO(lines))
        self.assertEqual(str(refused.exception), message)

    def test_other_files_are_refused(self):
        probe = {'config': {'activation': 'tanh'}, 'loss': 2.3, 'layers': []}
        with self.assertRaisesRegex(FormatError, 'not an Activation Lab recording'):
            read_recording(io.StringIO(json.dumps(probe)))
        with self.assertRaisesRegex(FormatError, 'not JSON'):
            read_recording(io.StringIO('{"format": '))

    def test_dangling_references_are_refused(self):
        recording = train_recorded(mlp(), batches(1, (12,), 4, 1), every=1)
        recording['steps'][0]['layers'][0]['name'] = 'nowhere'
        with self.assertRaisesRegex(FormatError, "undescribed layer 'nowhere'"):
            read_recording(io.StringIO(json.dumps(recording)))


if __name__ == '__main__':
    unittest.main()
