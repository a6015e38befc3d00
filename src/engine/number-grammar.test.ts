import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRule, excerpt, readNumber, readNumberIn } from './number-grammar';

describe('number grammar', () => {
  it.each([
    ['12', 12],
    ['-3', -3],
    ['+4', 4],
    ['0.001', 0.001],
    ['.5', 0.5],
    ['5.', 5],
    ['1e-3', 0.001],
    ['2.5E+4', 25_000],
    [' 7 ', 7],
    ['-0', 0],
  ])('accepts %j as %d', (text, value) => {
    expect(readNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', /empty/],
    ['   ', /blank/],
    ['0x10', /hexadecimal/],
    ['-0X1f', /hexadecimal/],
    ['0b101', /binary/],
    ['0o17', /octal/],
    ['Infinity', /Infinity/],
    ['-infinity', /Infinity/],
    ['NaN', /not a decimal/],
    ['1,000', /not a decimal/],
    ['1_000', /not a decimal/],
    ['１２', /not a decimal/],
    ['12abc', /not a decimal/],
    ['1e', /not a decimal/],
    ['e5', /not a decimal/],
    ['1e999', /too large/],
  ])('refuses %j, saying why', (text, reason) => {
    const reading = readNumber(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toMatch(reason);
  });

  it('reads back every finite double as JavaScript writes it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(readNumber(String(x))).toEqual({ ok: true, value: x === 0 ? 0 : x });
      }),
    );
  });

  it('never accepts what is not a finite number, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const reading = readNumber(text);
        if (reading.ok) {
          expect(Number.isFinite(reading.value)).toBe(true);
          expect(reading.value).toBe(Number(text.trim()) || 0);
        }
      }),
    );
  });

  it('checks whole numbers and ranges, the minimum exclusive when asked', () => {
    const layers = { min: 1, max: 50, integer: true };
    expect(readNumberIn('1e1', layers)).toEqual({ ok: true, value: 10 });
    expect(readNumberIn('2.5', layers)).toMatchObject({ ok: false, reason: /whole/ });
    expect(readNumberIn('51', layers)).toMatchObject({ ok: false, reason: /range/ });
    const rate = { min: 0, max: 100, minExclusive: true };
    expect(readNumberIn('0', rate).ok).toBe(false);
    expect(readNumberIn('1e-9', rate)).toEqual({ ok: true, value: 1e-9 });
    expect(describeRule(layers)).toBe('a whole number from 1 to 50');
    expect(describeRule(rate)).toBe('a number above 0 and at most 100');
  });

  it('cuts long text for messages, by characters not code units', () => {
    expect(excerpt('x'.repeat(10_000))).toBe(`${'x'.repeat(24)}…`);
    expect(excerpt('short')).toBe('short');
    expect(excerpt('😀'.repeat(30))).toBe(`${'😀'.repeat(24)}…`);
  });
});
