"""Trains a small MLP on a synthetic 3-class problem with the recorder attached, and writes the
recording. The page's end-to-end tests open what it writes (e2e/recording.spec.ts), and it shows
the lines a training loop gains (marked "recorder").

    /usr/bin/python3 python/examples/record_mlp.py --out mlp.alab.json [--init large] [--steps 60]

--init large draws N(0, 1) weights, so the tanh layers saturate (the lecture's large-init case)."""
import argparse
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from activation_lab import Recorder  # noqa: E402


def model_of(init, width=64, depth=4):
    layers, fan_in = [], 20
    for _ in range(depth):
        layers += [nn.Linear(fan_in, width), nn.Tanh()]
        fan_in = width
    model = nn.Sequential(*layers, nn.Linear(width, 3))
    if init == 'large':
        for module in model:
            if isinstance(module, nn.Linear):
                nn.init.normal_(module.weight, 0.0, 1.0)
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--out', required=True)
    parser.add_argument('--init', choices=['default', 'large'], default='default')
    parser.add_argument('--steps', type=int, default=60)
    parser.add_argument('--every', type=int, default=5)
    args = parser.parse_args()
    torch.manual_seed(0)
    centers = torch.randn(3, 20) * 2
    model = model_of(args.init)
    rec = Recorder(model, every=args.every, path=args.out)  # recorder
    optimizer = rec.attach_optimizer(torch.optim.SGD(model.parameters(), lr=0.05))  # recorder
    for _ in range(args.steps):
        y = torch.randint(0, 3, (64,))
        x = centers[y] + torch.randn(64, 20)
        optimizer.zero_grad()
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        rec.log_metrics(loss=loss, accuracy=(logits.argmax(1) == y).float().mean())  # recorder
        optimizer.step()
    rec.close()  # recorder: writes the file


if __name__ == '__main__':
    main()
