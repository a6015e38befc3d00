import { describe, expect, it } from 'vitest';
import { formatCount, formatPow10, formatValue } from './format';
import { decadeDomain, decadeTicks, integerTicks } from './ticks';

const M = '\u2212';

describe('chart number formats', () => {
  it('labels values briefly, in exponent form outside 0.01…10,000', () => {
    expect([0, 0.5, -1, 3.14159, 250, 0.015].map((v) => formatValue(v))).toEqual([
      '0',
      '0.5',
      `${M}1`,
      '3.1',
      '250',
      '0.015',
    ]);
    expect(formatValue(2.34e-5)).toBe(`2.3e${M}5`);
    expect(formatValue(-1e-4)).toBe(`${M}1e${M}4`);
    expect(formatValue(9.99e-6)).toBe(`1e${M}5`);
    expect(formatValue(9999.7)).toBe('1e4');
    expect(formatValue(12345)).toBe('1.2e4');
    expect([NaN, Infinity].map((v) => formatValue(v))).toEqual(['NaN', '∞']);
  });

  it('labels decades as powers of ten', () => {
    expect([-12, -6, -1, 0, 1, 3].map(formatPow10)).toEqual([
      `1e${M}12`,
      `1e${M}6`,
      '0.1',
      '1',
      '10',
      '1e3',
    ]);
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
