"""The recording format (docs/recording-format.md, docs/recording.schema.json): writing it as one
JSON object or as JSON lines, and reading either back with a version check."""
import io
import json
import math
import platform

import numpy as np

from . import stats

PACKAGE_VERSION = '0.1.0'  # keep equal to python/pyproject.toml
FORMAT = 'activation-lab-recording'
VERSION = 1
SOURCES = ('pytorch', 'numpy', 'activation-lab')
GRAD_BINS_ID = 'grad:log10abs'
MAX_LAYERS = 1000
MAX_NAME = 200


class FormatError(ValueError):
    """A file that is not a recording this reader can read, with the reason."""


def plain(value):
    """JSON-ready: NumPy scalars to Python numbers, NaN and ±Inf to None (JSON has neither)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    return value


def dumps(value):
    return json.dumps(plain(value), separators=(',', ':'), allow_nan=False)


class RecordingWriter:
    """Collects the model description, bins and steps; writes JSON (`*.alab.json`) or, for long
    runs, JSON lines (`*.alab.jsonl`: the header, then one step a line, flushed as it comes)."""

    def __init__(self, source, path=None, model_name=None, config=None, producer=None):
        if source not in SOURCES:
            raise ValueError(f'source must be one of {SOURCES}, not {source!r}')
        self.source = source
        self.path = path
        self.model = {'name': model_name, 'layers': [], 'config': config}
        self.producer = {
            'name': 'activation_lab',
            'version': PACKAGE_VERSION,
            'python': platform.python_version(),
            'numpy': np.__version__,
            **(producer or {}),
        }
        self.bins = {
            GRAD_BINS_ID: stats.bin_definition('log10abs', *stats.GRADIENT_LOG_RANGE, stats.GRADIENT_BINS)
        }
        self.steps = []
        self._positions = {}
        self._stream = None
        self._written_layers = 0
        self._written_bins = set()

    @property
    def streaming(self):
        return self.path is not None and str(self.path).endswith('.jsonl')

    def add_layer(self, description):
        """Describes a layer once (later calls with the same name are ignored)."""
        name = description['name']
        if name in self._positions:
            return
        if len(name) > MAX_NAME or len(self._positions) >= MAX_LAYERS:
            raise ValueError(f'at most {MAX_LAYERS} layers with names of at most {MAX_NAME} characters')
        self._positions[name] = len(self.model['layers'])
        self.model['layers'].append(description)

    def layer_position(self, name):
        return self._positions[name]

    def activation_bins(self, activation, spread):
        """The id of the activation's bins; defined on first use from the step's spread and then
        fixed, so histograms of different steps compare bin by bin."""
        key = f'act:{activation}'
        if key not in self.bins:
            low, high = stats.activation_range(activation, spread)
            self.bins[key] = stats.bin_definition('linear', low, high, stats.ACTIVATION_BINS)
        return key

    def header(self):
        return {
            'format': FORMAT,
            'version': VERSION,
            'source': self.source,
            'producer': self.producer,
            'model': self.model,
            'bins': self.bins,
        }

    def to_dict(self):
        return {**self.header(), 'steps': self.steps}

    def add_step(self, record):
        if not self.streaming:
            self.steps.append(record)
            return
        if self._stream is None:
            self._stream = open(self.path, 'w', encoding='utf-8')
            self._stream.write(dumps(self.header()) + '\n')
        else:
            # Layers and bins first seen in this step travel with it (the header is already out).
            new_layers = self.model['layers'][self._written_layers :]
            new_bins = {k: v for k, v in self.bins.items() if k not in self._written_bins}
            record = {**record, **({'new_layers': new_layers} if new_layers else {})}
            record = {**record, **({'new_bins': new_bins} if new_bins else {})}
        self._written_layers = len(self.model['layers'])
        self._written_bins = set(self.bins)
        self._stream.write(dumps(record) + '\n')
        self._stream.flush()

    def save(self, path=None):
        """Writes the JSON variant to `path` (default: the writer's path)."""
        target = path or self.path
        if target is None:
            raise ValueError('no path to save the recording to')
        with open(target, 'w', encoding='utf-8') as out:
            out.write(dumps(self.to_dict()) + '\n')
        return target

    def close(self):
        if self.streaming and self._stream is None:
            # No step was recorded: the header alone still says what was watched.
            with open(self.path, 'w', encoding='utf-8') as out:
                out.write(dumps(self.header()) + '\n')
        elif self._stream is not None:
            self._stream.close()
            self._stream = None
        elif self.path is not None:
            self.save()


def check_header(header):
    """Refuses anything but format version 1 of an Activation Lab recording, with the reason."""
    if not isinstance(header, dict) or header.get('format') != FORMAT:
        found = header.get('format') if isinstance(header, dict) else type(header).__name__
        raise FormatError(f'not an Activation Lab recording (format is {found!r}, expected {FORMAT!r})')
    version = header.get('version')
    if version != VERSION or isinstance(version, bool):
        raise FormatError(
            f'recording format version {version} is not supported (this reader knows {VERSION})'
        )


def _check_references(recording):
    """What a schema cannot say: steps name described layers, histograms name defined bins."""
    names = {layer['name'] for layer in recording['model']['layers']}
    bins = recording['bins']
    for definition in bins.values():
        if len(definition['edges']) != definition['count'] + 1:
            raise FormatError('a bin definition has edges that do not match its count')
    for step in recording['steps']:
        for layer in step['layers']:
            if layer['name'] not in names:
                raise FormatError(f"step {step['step']} names an undescribed layer {layer['name']!r}")
            for histogram in layer['histograms'].values():
                if histogram is None:
                    continue
                definition = bins.get(histogram['bins'])
                if definition is None or len(histogram['counts']) != definition['count']:
                    raise FormatError(
                        f"step {step['step']}: histogram over unknown bins {histogram['bins']!r}"
                    )


def _from_lines(lines):
    header = json.loads(lines[0])
    check_header(header)
    recording = {**header, 'steps': []}
    for number, line in enumerate(lines[1:], start=2):
        try:
            step = json.loads(line)
        except json.JSONDecodeError:
            if number == len(lines):
                break  # the step being written when the run stopped: the finished ones stand
            raise FormatError(f'line {number} is not JSON') from None
        recording['model']['layers'].extend(step.pop('new_layers', []))
        recording['bins'].update(step.pop('new_bins', {}))
        recording['steps'].append(step)
    return recording


def read_recording(source):
    """A recording (either variant) from a path or a text file object, as the JSON variant's dict.

    Raises FormatError for another format, another version or dangling references."""
    if isinstance(source, io.TextIOBase):
        text = source.read()
    else:
        with open(source, encoding='utf-8') as handle:
            text = handle.read()
    lines = [line for line in text.splitlines() if line.strip()]
    try:
        first = json.loads(lines[0]) if lines else None
    except json.JSONDecodeError:
        first = None
    if isinstance(first, dict) and 'steps' not in first:
        recording = _from_lines(lines)
    else:
        try:
            recording = json.loads(text)
        except json.JSONDecodeError as error:
            raise FormatError(f'not JSON: {error}') from None
        check_header(recording)
    _check_references(recording)
    return recording
