/**
 * The experiment as a runnable, readable PyTorch script: the page's architecture and
 * initialization, the probe printing per-layer statistics with the page's definitions, and
 * (given a training configuration) the training loop with the same optimizer and rates.
 */
import type { NetworkConfig } from '../engine/config';
import { blockConstants, SET_DROPOUT_SOURCE } from './pytorch-blocks';
import { initSource, modelSource } from './pytorch-model';
import { type PytorchTraining, resolveTraining, trainingSource } from './pytorch-training';
import {
  architectureLine,
  checkExportConfig,
  FINITE_OR_NONE_SOURCE,
  configDict,
  countsDeadUnits,
  initDescription,
  pieces,
  saturationBand,
} from './python';

export type { PytorchTraining } from './pytorch-training';

function statisticsSource(network: NetworkConfig): string {
  const band = saturationBand(network.activation);
  const saturated = band
    ? `return ((h < ${band[0]}) | (h > ${band[1]})).double().mean().item()`
    : 'return 0.0  # defined for tanh and sigmoid only';
  const dead = countsDeadUnits(network.activation)
    ? 'return (~(pre > 0).any(dim=0)).double().mean().item()  # never positive on the batch'
    : 'return 0.0  # counted for the ReLU family only';
  return `def moments(t):
    """Mean and population std of the finite values (float64), and how many were not finite."""
    t = t.detach().reshape(-1).double()
    finite = t[torch.isfinite(t)]
    bad = t.numel() - finite.numel()
    if finite.numel() == 0:
        return {'mean': 0.0, 'std': 0.0}, bad
    mean = finite.mean()
    return {'mean': mean.item(), 'std': (finite - mean).pow(2).mean().sqrt().item()}, bad


def saturated_fraction(h):
    ${saturated}


def dead_fraction(pre):
    ${dead}


def layer_statistics(number, layer):
    """The page's per-layer statistics of the last forward and backward pass."""
    preact, preact_bad = moments(layer.pre)
    act, act_bad = moments(layer.out)
    grad_act, grad_act_bad = moments(layer.out.grad)
    grad_w, grad_w_bad = moments(layer.linear.weight.grad)
    w_std = moments(layer.linear.weight)[0]['std']
    return {
        'layer': number,
        'preact': preact,
        'act': act,
        'saturated': saturated_fraction(layer.f.detach()),  # the nonlinearity's own output
        'dead': dead_fraction(layer.pre.detach()),
        'grad_act_std': grad_act['std'],
        'grad_w_std': grad_w['std'],
        'w_std': w_std,
        'grad_data_ratio': grad_w['std'] / w_std if w_std > 0 else float('nan'),
        'non_finite': preact_bad + act_bad + grad_act_bad + grad_w_bad,
    }`;
}

/** `--record FILE`: activation_lab's Recorder (python/README.md) on the model, writing FILE. */
function recorderSource(network: NetworkConfig): string {
  // The recorder hooks activation modules; Maxout is this script's own, so it sees the pieces.
  const maxout =
    network.activation === 'maxout'
      ? `
    print('--record: the recorder does not know Maxout: each hidden layer is recorded as its'
          ' two linear pieces (2 x units), not its maxout output', file=sys.stderr)`
      : '';
  return `def recorder_for(path):
    """--record: a function wrapping a model in activation_lab's Recorder, which writes the
    statistics of the recorded passes to \`path\` (.alab.json, or .alab.jsonl line by line)."""
    if path is None:
        return None
    try:
        from activation_lab import Recorder
    except ImportError:
        raise SystemExit(
            '--record needs the activation_lab recorder: pip install activation-lab-recorder.tar.gz'
            ' (the download on the Activation Lab page), or set PYTHONPATH to the python/ folder'
            ' of the Activation Lab repository'
        ) from None${maxout}
    return lambda model, every: Recorder(model, every=every, path=path, config=CONFIG)`;
}

const PROBE_SOURCE = `PROBE_DROPOUT
def probe(record=None):
    """The lecture's experiment: X ~ N(0,1), uniformly random labels, one forward and backward pass
    (softmax cross-entropy averaged over the batch), batchnorm on batch statistics. record: from
    recorder_for, to write that pass as a recording too."""
    torch.manual_seed(SEED)
    x = torch.randn(PROBE_BATCH, INPUT_DIM)
    labels = torch.randint(0, CLASSES, (PROBE_BATCH,))
    model = MLP()
    initialize(model, x)
    recorder = record(model, every=1) if record else None
    model.train()SET_DROPOUT
    loss = F.cross_entropy(model(x), labels)
    loss.backward()
    if recorder is not None:
        recorder.log_metrics(loss=loss.item())
        recorder.close()  # the pass without an optimizer step: kept as step 0, file written
    layers = [layer_statistics(i + 1, layer) for i, layer in enumerate(model.hidden)]
    return {'config': CONFIG, 'loss': loss.item(), 'layers': layers}


${FINITE_OR_NONE_SOURCE}


def print_probe(result):
    print(f"Probe: loss {result['loss']:.4g} (ln {CLASSES} = {math.log(CLASSES):.4g} for chance-level outputs)")
    print('layer  preact mean       std  act mean       std  saturated   dead  std dL/dh  std dL/dW     std W')
    for s in result['layers']:
        print(
            f"{s['layer']:5d} {s['preact']['mean']:12.3g} {s['preact']['std']:9.3g}"
            f" {s['act']['mean']:9.3g} {s['act']['std']:9.3g} {s['saturated']:10.1%} {s['dead']:6.1%}"
            f" {s['grad_act_std']:10.3g} {s['grad_w_std']:10.3g} {s['w_std']:9.3g}"
        )`;

/** The probe, with dropout's modules on or off as DROPOUT_IN_PROBE says. */
function probeSource(network: NetworkConfig): string {
  return PROBE_SOURCE.replace(
    'PROBE_DROPOUT\n',
    network.dropout ? `${SET_DROPOUT_SOURCE}\n\n\n` : '',
  ).replace('SET_DROPOUT', network.dropout ? '\n    set_dropout(model, DROPOUT_IN_PROBE)' : '');
}

export function pytorchScript(
  network: NetworkConfig,
  batch: number,
  training?: PytorchTraining,
): string {
  checkExportConfig(network, batch);
  const resolved = training ? resolveTraining(network, training) : null;
  const lsuv = network.init === 'lsuv';
  const trainingLine = resolved
    ? `Training: ${resolved.summary}.`
    : 'Training: not exported (export from the training view to include the training loop).';
  const mainTraining = resolved
    ? `
    parser.add_argument('--probe-only', action='store_true', help='skip the training run')
    parser.add_argument('--steps', type=int, default=STEPS, help='training steps')
    parser.add_argument('--record-every', type=int, default=0, metavar='N',
                        help='with --record: record every N-th step (default: about 100 of the run)')
    args = parser.parse_args()
    record = recorder_for(args.record)
    probe_only = args.json or args.probe_only
    result = probe(record if probe_only else None)  # --record: the training run, if there is one
    if args.json:
        print(json.dumps(finite_or_none(result), separators=(',', ':'), allow_nan=False))
        return
    print_probe(result)
    if not probe_only:
        print()
        train(args.steps, record, args.record_every)`
    : `
    args = parser.parse_args()
    result = probe(recorder_for(args.record))
    if args.json:
        print(json.dumps(finite_or_none(result), separators=(',', ':'), allow_nan=False))
    else:
        print_probe(result)`;
  const recordRun = resolved
    ? `the training steps as an Activation Lab recording
                                (needs the activation_lab recorder); with --json or
                                --probe-only, the probe's pass`
    : `the probe's pass as an Activation Lab recording
                                (needs the activation_lab recorder)`;
  return `#!/usr/bin/env python3
"""Activation Lab experiment as PyTorch (exported from the page).

Network: ${network.depth} hidden layers x ${network.width} units, ${network.activation}, batchnorm ${network.batchnorm ? 'on' : 'off'}, input ${network.inputDim}, ${network.classes} classes, seed ${network.seed}.${architectureLine(network)}
Initialization: ${initDescription(network)};
hidden biases ${network.biasInit ?? 0}, output biases 0.
Probe: X ~ N(0,1) [${batch} x ${network.inputDim}], uniformly random labels, one forward and backward pass.
${trainingLine}

Run:
  python3 this_file.py          the probe's per-layer table${resolved ? ', then training' : ''}
  python3 this_file.py --json   the probe only, as ONE JSON object in the format of the page's
                                \`npm run probe\`${resolved ? '\n  python3 this_file.py --probe-only' : ''}
  python3 this_file.py --record run.alab.json
                                also writes ${recordRun}
Needs PyTorch 1.12 or later (GELU's approximate='tanh').

PyTorch draws its own random numbers, not the page's: expect the page's statistics within
sampling noise, not digit for digit.
"""
import argparse
import json
import math
${network.activation === 'maxout' ? 'import sys\n' : ''}
import torch
import torch.nn as nn
import torch.nn.functional as F

${configDict(network, batch, 'pytorch')}
INPUT_DIM = CONFIG['inputDim']
DEPTH = CONFIG['depth']
WIDTH = CONFIG['width']
CLASSES = CONFIG['classes']
SEED = CONFIG['seed']
BATCHNORM = CONFIG['batchnorm']
BIAS_INIT = CONFIG['biasInit']
PROBE_BATCH = CONFIG['batch']
PIECES = ${pieces(network.activation)}  # linear outputs per unit${network.activation === 'maxout' ? ' (maxout: two pieces)' : ''}
${blockConstants(network)}${lsuv ? 'LSUV_TOLERANCE = 0.05\nLSUV_MAX_ITERATIONS = 10\n' : ''}

${modelSource(network)}


${initSource(network)}


${statisticsSource(network)}


${recorderSource(network)}


${probeSource(network)}
${resolved ? '\n\n' + trainingSource(network, resolved) + '\n' : ''}

def main():
    parser = argparse.ArgumentParser(description='Activation Lab experiment: probe${resolved ? ' and training' : ''}.')
    parser.add_argument('--json', action='store_true', help='print the probe as one JSON object')
    parser.add_argument('--record', metavar='FILE', help='also write a recording (.alab.json)')${mainTraining}


if __name__ == '__main__':
    main()
`;
}
