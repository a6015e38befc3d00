/**
 * Residual networks, layer normalization and dropout in whole networks on every backend: gradient
 * checks of every parameter (network.test.ts's measure: testing.ts's relative error ≤ 2e-3 per
 * tensor, against a floor of 2 % of the network's gradient norm), layer norm's independence of
 * the batch, dropout's modes, and ReZero's α as a parameter. Smooth activations (tanh, GELU,
 * SiLU): under a norm a perturbation moves every value of a row or column, so ReLU's kink is
 * crossed often enough to fail a check of 4 layers even without residual connections.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkConfig } from './config';
import { createKernels } from './kernels';
import type { BackendName } from './kernels/kernels';
import type { Network } from './network';
import { createProbeNetwork } from './probe';
import { gradientMismatches, testBackends } from './testing';

const BLOCKS: NetworkConfig = {
  inputDim: 3,
  depth: 4,
  width: 5,
  activation: 'tanh',
  init: 'xavier',
  initScale: 1,
  batchnorm: false,
  residual: true,
  classes: 3,
  seed: 5,
};
const CHECK = { eps: 3e-3, floorFraction: 2e-2 };

/** The network's own gradients against finite differences; dropout masks held fixed. */
function mismatches(net: Network, l2 = 0, eps = CHECK.eps): string[] {
  net.l2 = l2;
  const dropout = (net.config.dropout ?? 0) > 0;
  net.forward(true, dropout);
  net.redrawDropoutMasks = false;
  const loss = () => {
    net.forward(true, dropout);
    return net.computeLoss();
  };
  loss();
  net.backward();
  const tensors = net.parameters().map((p) => ({
    x: p.value.data,
    analytic: Array.from(p.grad.data),
  }));
  return gradientMismatches(loss, tensors, { ...CHECK, eps });
}

function network(backend: BackendName, change: Partial<NetworkConfig>, rows = 6): Network {
  return createProbeNetwork({ ...BLOCKS, ...change }, rows, createKernels(backend));
}

/** ReZero starts at α = 0, where the branches get no gradient; set α ≠ 0 to check them too. */
function setAlphas(net: Network, value: number): void {
  net.layers.forEach((layer, i) => layer.alpha?.value.data.fill(value + 0.1 * i));
}

describe.each(testBackends())('residual blocks on the %s backend', (backend) => {
  it.each(['one', 'inv-sqrt-depth', 'rezero'] as const)(
    'gradients match finite differences: branch scale %s',
    (branchScale) => {
      const net = network(backend, { branchScale });
      setAlphas(net, 0.5);
      expect(mismatches(net)).toEqual([]);
    },
  );

  it('ReZero at its start (α = 0): the blocks are identities, only α and the ends learn', () => {
    const net = network(backend, { branchScale: 'rezero' });
    net.forward(true);
    for (let i = 1; i < net.layers.length; i++)
      expect(Array.from(net.layers[i].h.data)).toEqual(Array.from(net.layers[0].h.data));
    expect(mismatches(net)).toEqual([]);
    const alphas = net.layers.filter((l) => l.alpha).map((l) => l.alpha!.grad.data[0]);
    expect(alphas.length).toBe(3);
    for (const g of alphas) expect(Math.abs(g)).toBeGreaterThan(0);
    expect(Array.from(net.layers[2].weight.grad.data).every((g) => g === 0)).toBe(true);
  });

  const norms = (['inside', 'pre', 'post'] as const).flatMap((normPosition) =>
    (['layernorm', 'batchnorm'] as const).map((kind) => ({ normPosition, kind })),
  );
  it.each(norms)(
    'gradients match finite differences: $kind $normPosition',
    ({ normPosition, kind }) => {
      const net = network(backend, {
        normPosition,
        layernorm: kind === 'layernorm',
        batchnorm: kind === 'batchnorm',
      });
      expect(mismatches(net)).toEqual([]);
    },
  );

  it('gradients match finite differences: layer norm without residual connections', () => {
    const net = network(backend, { residual: false, layernorm: true });
    expect(mismatches(net, 0.1)).toEqual([]);
  });

  it('gradients match finite differences: dropout (fixed masks) without and with residual', () => {
    expect(mismatches(network(backend, { residual: false, dropout: 0.3 }))).toEqual([]);
    expect(mismatches(network(backend, { dropout: 0.3 }))).toEqual([]);
  });

  it.each(['gelu', 'silu'] as const)(
    'gradients match finite differences with everything on: %s, ReZero, pre layer norm, dropout, L2',
    (activation) => {
      const net = network(backend, {
        activation,
        branchScale: 'rezero',
        layernorm: true,
        normPosition: 'pre',
        dropout: 0.25,
      });
      setAlphas(net, 0.6);
      expect(mismatches(net, 0.05)).toEqual([]);
    },
  );

  // Maxout's norm covers 2·units inside and units before or after the block. Its kinks (like
  // ReLU's under a norm, which moves every value of a row or column at once) need a smaller ε.
  it.each(['inside', 'pre', 'post'] as const)(
    'gradients match finite differences: maxout with layer norm %s (ε 1e-3)',
    (normPosition) => {
      const net = network(backend, { activation: 'maxout', layernorm: true, normPosition });
      expect(mismatches(net, 0, 1e-3)).toEqual([]);
    },
  );

  it("layer norm's output for an example does not depend on the rest of the batch; batchnorm's does", () => {
    for (const [norm, differs] of [
      [{ layernorm: true }, false],
      [{ batchnorm: true }, true],
    ] as const) {
      const alone = network(backend, { ...norm, residual: false }, 1);
      const batch = network(backend, { ...norm, residual: false }, 32);
      batch.input.data.set(alone.input.data.subarray(0, BLOCKS.inputDim));
      alone.forward(true);
      batch.forward(true);
      for (const [i, layer] of alone.layers.entries()) {
        const a = Array.from(layer.h.data.subarray(0, BLOCKS.width));
        const b = Array.from(batch.layers[i].h.data.subarray(0, BLOCKS.width));
        const gap = Math.max(...a.map((v, j) => Math.abs(v - b[j])));
        if (differs) expect(gap).toBeGreaterThan(1e-2);
        else expect(gap).toBeLessThan(1e-5);
      }
    }
  });

  it('dropout: masks in training steps only, unless the probe asks for them', () => {
    const config = { dropout: 0.5, residual: false, width: 64 };
    const net = network(backend, config, 16);
    const top = net.layers[net.layers.length - 1];
    const n = net.rows * top.units;
    const zeros = () => top.h.data.subarray(0, n).filter((v) => v === 0).length;
    net.forward(false);
    const evaluation = Array.from(top.h.data.subarray(0, n));
    net.forward(true);
    expect(Array.from(top.h.data.subarray(0, n))).toEqual(evaluation);
    net.forward(true, true);
    expect(zeros() / n).toBeGreaterThan(0.3);
    expect(zeros() / n).toBeLessThan(0.7);
    const probe = network(backend, { ...config, dropoutInProbe: true }, 16);
    probe.forward(true);
    expect(probe.layers[0].h.data.subarray(0, n).filter((v) => v === 0).length).toBeGreaterThan(0);
  });
});
