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
    ['layernorm', { batchnorm: true, layernorm: true }, undefined, 'Normalization'],
    ['normPosition', { normPosition: 'pre' }, undefined, 'Normalization place'],
    ['branchScale', { residual: true, branchScale: 'half' as never }, undefined, 'Branch scale'],
    ['dropout', { dropout: 0.95 }, undefined, 'Dropout'],
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
    ['weightDecay', { weightDecay: 0.01 }, 'Weight decay (AdamW)'],
    ['weightDecay', { optimizer: 'adam', weightDecay: 1.5 }, 'Weight decay (AdamW)'],
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

describe('turning residual connections off under a pre-norm network', () => {
  it('is refused with the reason, and the network stays as it was', () => {
    const { update } = useSettings.getState();
    expect(update({ residual: true, layernorm: true, normPosition: 'pre' })).toBe(true);
    const before = useSettings.getState().network;
    expect(update({ residual: false })).toBe(false);
    expect(useSettings.getState().inputError?.message).toBe(
      'Normalization place: "pre" normalization needs residual connections',
    );
    expect(useSettings.getState().network).toBe(before);
  });
});

describe('leaving Adam with weight decay set', () => {
  it('switches the optimizer and leaves the decay behind (its field shows for Adam only)', () => {
    const settings = () => useSettings.getState();
    expect(settings().setTraining({ optimizer: 'adam', weightDecay: 0.01 })).toBe(true);
    expect(settings().setTraining({ optimizer: 'sgd' })).toBe(true);
    expect(settings().training).toMatchObject({ optimizer: 'sgd', weightDecay: 0 });
    expect(settings().inputError).toBeNull();
  });
});
