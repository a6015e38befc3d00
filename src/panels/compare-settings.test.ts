/** The compare panel names the settings after the lecture that A and B set differently. */
import { describe, expect, it } from 'vitest';
import { LECTURE_NETWORK, type NetworkConfig } from '../engine/config';
import {
  networkSummary,
  settingDifferences,
  trainingSummary,
  withSettingDifferences,
} from './compare-settings';

const a = LECTURE_NETWORK;
const b: NetworkConfig = {
  ...LECTURE_NETWORK,
  residual: true,
  branchScale: 'rezero',
  layernorm: true,
  normPosition: 'pre',
  dropout: 0.2,
  dropoutInProbe: true,
};

describe('the compare panel and the settings after the lecture', () => {
  it('names each one that differs, in words, and none that do not', () => {
    expect(settingDifferences(a, b)).toEqual([
      'residual: off → on',
      'branch scale: 1 → ReZero (learned, starts at 0)',
      'layernorm: off → on',
      'norm place: inside → pre',
      'dropout: 0 → 0.2',
      'dropout in probe: off → on',
    ]);
    expect(settingDifferences(b, { ...b })).toEqual([]);
    // Absent and off are the same setting.
    expect(settingDifferences(a, { ...a, residual: false, dropout: 0 })).toEqual([]);
  });

  it('puts them after the engine’s settings and before the layers, without repeating a label', () => {
    const engine = ['seed: 7 → 8', 'layernorm: false → true', 'layer 3 std: 0.1 → 1', 'A has 3'];
    expect(withSettingDifferences(engine, a, { ...a, layernorm: true, dropout: 0.5 })).toEqual([
      'seed: 7 → 8',
      'layernorm: false → true',
      'dropout: 0 → 0.5',
      'layer 3 std: 0.1 → 1',
      'A has 3',
    ]);
  });

  it('summarizes A and B with them', () => {
    expect(networkSummary(a)).toBe('tanh, small: 0.01·N(0,1), 10×500');
    expect(networkSummary(b)).toBe(
      'tanh, small: 0.01·N(0,1), layernorm (pre), residual α = ReZero (learned, starts at 0), dropout 0.2 (in the probe too), 10×500',
    );
    const adamw = { optimizer: 'adam' as const, learningRate: 0.01, l2: 0, speed: 0 };
    expect(trainingSummary({ ...adamw, weightDecay: 0.05 })).toBe(
      ', rate 0.01 (adam, weight decay 0.05)',
    );
  });
});
