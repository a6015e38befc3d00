/**
 * A refused change speaks the page's language: the alert names the control's label ("Units per
 * layer: …"), never the engine's field name ("width: …"), for every field the engine can refuse.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, type NetworkConfig, type TrainingConfig } from '../engine/config';
import { describeConfigError, useSettings } from './settings';
import { DEFAULT_STATE } from './url-state';

// settings.ts reads the page's address where there is one; this program's lib (Node) has none.
declare global {
  var location: { readonly search: string } | undefined;
}

beforeEach(() => useSettings.getState().replace(DEFAULT_STATE, []));

describe('a refused network change shows the field label', () => {
  it.each<[string, Partial<NetworkConfig>, number | undefined, string]>([
    ['width', { width: 0 }, undefined, 'Units per layer'],
    ['depth', { depth: 2.5 }, undefined, 'Layers'],
    ['inputDim', { inputDim: -1 }, undefined, 'Input dimension'],
    ['classes', { classes: 1 }, undefined, 'Classes'],
    ['seed', { seed: -1 }, undefined, 'Seed'],
    ['batch', {}, 0, 'Batch size'],
    ['activation', { activation: 'swish' as never }, undefined, 'Activation'],
    ['init', { init: 'kaiming' as never }, undefined, 'Initialization'],
    ['initScale', { init: 'custom', initScale: Infinity }, undefined, 'Init scale'],
    ['biasInit', { biasInit: NaN }, undefined, 'Bias init'],
    ['batchnorm', { batchnorm: 1 as never }, undefined, 'Batch normalization'],
    ['size', { depth: 50, width: 4096 }, undefined, 'Network'],
  ])('%s', (field, change, batch, label) => {
    const before = useSettings.getState().network;
    expect(useSettings.getState().update(change, batch)).toBe(false);
    const { inputError, network } = useSettings.getState();
    expect(inputError?.field).toBe(field);
    expect(inputError?.message.startsWith(`${label}: `)).toBe(true);
    expect(inputError?.message).not.toContain(`${field}:`);
    expect(network).toBe(before);
  });
});

describe('a refused training change shows the field label', () => {
  it.each<[string, Partial<TrainingConfig>, string]>([
    ['learningRate', { learningRate: 0 }, 'Learning rate'],
    ['l2', { l2: -1 }, 'L2 strength'],
    ['optimizer', { optimizer: 'lbfgs' as never }, 'Optimizer'],
  ])('%s', (field, change, label) => {
    expect(useSettings.getState().setTraining(change)).toBe(false);
    const { inputError } = useSettings.getState();
    expect(inputError?.field).toBe(field);
    expect(inputError?.message.startsWith(`${label}: `)).toBe(true);
    expect(inputError?.message).not.toContain(`${field}:`);
  });
});

describe('describeConfigError', () => {
  it('keeps the engine detail after the label', () => {
    const error = new ConfigError('width', 'must be between 1 and 4096, got 0');
    expect(describeConfigError(error)).toEqual({
      field: 'width',
      message: 'Units per layer: must be between 1 and 4096, got 0',
    });
  });
  it('passes any other error through under "settings"', () => {
    expect(describeConfigError(new Error('boom'))).toEqual({ field: 'settings', message: 'boom' });
  });
});
