import { describe, expect, it } from 'vitest';
import { LECTURE_NETWORK, type NetworkConfig } from './config';
import { diagnose } from './diagnosis';
import { createKernels } from './kernels';
import { runProbe } from './probe';

const base: NetworkConfig = { ...LECTURE_NETWORK, width: 200, inputDim: 200 };
const run = (change: Partial<NetworkConfig>) => {
  const config = { ...base, ...change };
  const result = runProbe(config, 200, createKernels('ts'));
  return diagnose(config, result.layers, result.non_finite ?? null);
};

describe('diagnosis', () => {
  it('tanh + small: collapse, fix Xavier', () => {
    const d = run({ init: 'small' });
    expect(d.headline).toMatch(/collapse/);
    expect(d.fix?.change).toEqual({ init: 'xavier' });
  });
  it('tanh + large: saturation with the percentage, fix Xavier', () => {
    const d = run({ init: 'large' });
    expect(d.headline).toMatch(/\d+ % of units saturated/);
    expect(d.fix?.change).toEqual({ init: 'xavier' });
  });
  it('tanh + Xavier: healthy, no fix', () => {
    expect(run({ init: 'xavier' }).severity).not.toBe('problem');
  });
  it('ReLU + Xavier: collapse, fix He', () => {
    const d = run({ activation: 'relu', init: 'xavier' });
    expect(d.headline).toMatch(/collapse/);
    expect(d.fix?.change).toEqual({ init: 'he' });
  });
  it('ReLU + He and batchnorm: healthy', () => {
    expect(run({ activation: 'relu', init: 'he' }).severity).toBe('healthy');
    expect(run({ init: 'large', batchnorm: true }).severity).toBe('healthy');
  });
  it('zeros: the symmetry problem', () => {
    expect(run({ init: 'zeros' }).headline).toMatch(/same value/);
  });
});

describe('diagnosis of residual networks', () => {
  it('30 tanh blocks at α = 1: the blocks add up, fix 1/√L (not "gradients vanish")', () => {
    const d = run({ init: 'xavier', depth: 30, residual: true });
    expect(d.headline).toMatch(/^Residual blocks add up/);
    expect(d.headline).not.toMatch(/vanish/);
    expect(d.fix?.change).toEqual({ branchScale: 'inv-sqrt-depth' });
  });
  it('the same blocks scaled by 1/√L: no growth to name (the control)', () => {
    const d = run({ init: 'xavier', depth: 30, residual: true, branchScale: 'inv-sqrt-depth' });
    expect(d.headline).not.toMatch(/Residual blocks add up/);
  });
});
