import { describe, expect, it } from 'vitest';
import { errorMessage, errorStack, formatNumber, formatPercent, MISSING } from './format';

const M = '\u2212';

describe('formatNumber', () => {
  it('writes zero, negatives and plain magnitudes with significant digits', () => {
    expect([0, -0, 0.5, -1, 3.14159, 250, 0.015, -0.25].map((v) => formatNumber(v))).toEqual([
      '0',
      '0',
      '0.5',
      `${M}1`,
      '3.1',
      '250',
      '0.015',
      `${M}0.25`,
    ]);
    expect(formatNumber(0.6283, 3)).toBe('0.628');
    expect(formatNumber(2.5, 3)).toBe('2.5');
  });

  it('switches to an exponent below 0.01 and from 10,000, judged after rounding', () => {
    expect(formatNumber(1e-7)).toBe(`1e${M}7`);
    expect(formatNumber(-1e-7, 3)).toBe(`${M}1e${M}7`);
    expect(formatNumber(2.34e-5)).toBe(`2.3e${M}5`);
    expect(formatNumber(-1e-4)).toBe(`${M}1e${M}4`);
    expect(formatNumber(12345)).toBe('1.2e4');
    expect(formatNumber(12345, 3)).toBe('1.23e4');
    expect(formatNumber(9999.7)).toBe('1e4');
    expect(formatNumber(9.99e-6)).toBe(`1e${M}5`);
    expect(formatNumber(0.00999)).toBe('0.01');
    expect(formatNumber(0.0042)).toBe(`4.2e${M}3`);
    expect(formatNumber(0.01)).toBe('0.01');
    expect(formatNumber(9999)).toBe('1e4');
    expect(formatNumber(9999, 4)).toBe('9999');
  });

  it('writes missing values as an en dash and infinities as ∞', () => {
    expect([NaN, null, undefined].map((v) => formatNumber(v))).toEqual([MISSING, MISSING, MISSING]);
    expect(MISSING).toBe('–');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe(`${M}∞`);
  });
});

describe('formatPercent', () => {
  it('rounds to whole percent, but never says 0 % or 100 % of a share strictly between', () => {
    expect([0, 0.25, 0.999, 0.004, 1, 0.01, 0.99, 0.005, 0.995].map(formatPercent)).toEqual([
      '0 %',
      '25 %',
      '>99 %',
      '<1 %',
      '100 %',
      '1 %',
      '99 %',
      '<1 %',
      '>99 %',
    ]);
  });

  it('writes missing values as an en dash and infinities as ∞ %', () => {
    expect([NaN, null, undefined].map(formatPercent)).toEqual([MISSING, MISSING, MISSING]);
    expect(formatPercent(Infinity)).toBe('∞ %');
    expect(formatPercent(-Infinity)).toBe(`${M}∞ %`);
    expect(formatPercent(-0.004)).toBe('0 %');
  });
});

describe('errorMessage', () => {
  it("gives an Error's message and anything else as a string", () => {
    expect(errorMessage(new RangeError('width: 1 to 4096'))).toBe('width: 1 to 4096');
    expect(errorMessage('worker lost')).toBe('worker lost');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });

  it('gives the stack for crash reports when there is one', () => {
    const error = new Error('boom');
    expect(errorStack(error)).toBe(error.stack);
    expect(errorStack(error).startsWith('Error: boom')).toBe(true);
    expect(errorStack('plain')).toBe('plain');
  });
});
