import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  formatBytesApart,
  LECTURE_NETWORK,
  MAX_NETWORK_BYTES,
  type NetworkConfig,
  estimateNetworkBytes,
  estimateNetworkFloats,
  validateNetworkConfig,
} from './config';
import { createKernels } from './kernels';
import { Network } from './network';

const GiB = 1024 ** 3;

describe('the size refusal', () => {
  it('shows the need and the limit with enough digits to differ', () => {
    expect(formatBytesApart(1.52 * GiB, 1.5 * GiB)).toEqual(['1.52 GiB', '1.50 GiB']);
    expect(formatBytesApart(1.6 * GiB, 1.5 * GiB)).toEqual(['1.6 GiB', '1.5 GiB']);
    expect(formatBytesApart(1.5 * GiB + 4096, 1.5 * GiB)).toEqual(['1.500004 GiB', '1.500000 GiB']);
    expect(formatBytesApart(1.5 * GiB + 4, 1.5 * GiB)).toEqual([
      '1.500000004 GiB',
      '1.500000000 GiB',
    ]);
  });

  it('never says "needs about X, more than the X" for networks just over the limit', () => {
    let checked = 0;
    for (let width = 3000; width <= 4096; width += 7) {
      const network = { ...LECTURE_NETWORK, depth: 20, width };
      for (const batch of [512, 1024, 2048, 4096]) {
        if (estimateNetworkBytes(network, batch) <= MAX_NETWORK_BYTES) continue;
        let message = '';
        try {
          validateNetworkConfig(network, batch);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          message = (error as Error).message;
        }
        const [, need, allowed] = /needs about (.+?) of memory, more than the (.+?) the/.exec(
          message,
        )!;
        expect(need).not.toBe(allowed);
        expect(Number.parseFloat(need)).toBeGreaterThan(Number.parseFloat(allowed));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('the memory estimate counts every buffer a network allocates', () => {
  const base = { ...LECTURE_NETWORK, inputDim: 7, depth: 4, width: 9, classes: 3 };
  const variants: Partial<NetworkConfig>[] = [
    {},
    { activation: 'maxout' },
    { batchnorm: true },
    { residual: true },
    { residual: true, branchScale: 'rezero' },
    { residual: true, branchScale: 'inv-sqrt-depth', dropout: 0.2 },
    { dropout: 0.5 },
    { layernorm: true },
    ...(['inside', 'pre', 'post'] as const).flatMap((normPosition) => [
      { residual: true, layernorm: true, normPosition },
      { residual: true, batchnorm: true, normPosition, activation: 'maxout' as const },
      {
        residual: true,
        layernorm: true,
        normPosition,
        dropout: 0.1,
        branchScale: 'rezero' as const,
      },
    ]),
  ];
  it.each(variants)('%o', (change) => {
    const config = { ...base, ...change };
    for (const batch of [1, 5, 32]) {
      const net = new Network(config, batch, createKernels('ts'));
      expect(estimateNetworkFloats(config, batch)).toBe(net.floats);
    }
  });

  it('a 200-layer residual network with layer norm and dropout fits; its estimate is exact', () => {
    const config: NetworkConfig = {
      ...base,
      depth: 200,
      width: 64,
      residual: true,
      layernorm: true,
      normPosition: 'pre',
      dropout: 0.1,
    };
    const net = new Network(config, 64, createKernels('ts'));
    expect(estimateNetworkFloats(config, 64)).toBe(net.floats);
  });
});
