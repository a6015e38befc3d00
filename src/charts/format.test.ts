import { describe, expect, it } from 'vitest';
import { formatCount, formatPow10 } from './format';
import { decadeDomain, decadeTicks, integerTicks } from './ticks';

const M = '\u2212';

describe('chart number formats', () => {
  it('labels decades as powers of ten', () => {
    expect([-12, -6, -1, 0, 1, 3].map(formatPow10)).toEqual([
      `1e${M}12`,
      `1e${M}6`,
      '0.1',
      '1',
      '10',
      '1e3',
    ]);
    expect(formatPow10(0.5)).toBe('3.2');
  });

  it('abbreviates counts', () => {
    expect([5, 340, 1234, 12_345, 999_600, 3_400_000].map(formatCount)).toEqual([
      '5',
      '340',
      '1.2k',
      '12k',
      '1M',
      '3.4M',
    ]);
    expect([-1234, 999.6, NaN].map(formatCount)).toEqual([`${M}1.2k`, '1k', '–']);
  });
});

describe('chart ticks', () => {
  it('pads a log domain to whole decades, skipping zeros, NaN and nulls', () => {
    expect(decadeDomain([0.63, 2e-6, 0, NaN, null, -1, Infinity])).toEqual([-6, 0]);
    expect(decadeDomain([1, 1])).toEqual([-1, 1]);
    expect(decadeDomain([null, 0])).toBeNull();
  });

  it('thins decade ticks to the room there is', () => {
    expect(decadeTicks(-6, 0, 10)).toEqual([-6, -5, -4, -3, -2, -1, 0]);
    expect(decadeTicks(-6, 0, 4)).toEqual([-6, -4, -2, 0]);
    expect(decadeTicks(-6, 0, 3)).toEqual([-6, -3, 0]);
    expect(decadeTicks(-30, 18, 5)).toEqual([-30, -20, -10, 0, 10]);
  });

  it('thins layer ticks: every layer, odd layers, then multiples', () => {
    expect(integerTicks(10, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(integerTicks(10, 6)).toEqual([1, 3, 5, 7, 9]);
    expect(integerTicks(50, 8)).toEqual([1, 10, 20, 30, 40, 50]);
  });
});
