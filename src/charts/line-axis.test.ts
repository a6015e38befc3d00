/** The line charts' y range: fractions run 0…1 always; a flat series is drawn as a level. */
import { describe, expect, it } from 'vitest';
import { decadeDomain } from './ticks';
import { FRACTION_DOMAIN, linearYRange } from './line-axis';

describe('linearYRange', () => {
  it('gives a fraction 0…1 when every value is 0 (tanh + small init: nothing saturates)', () => {
    expect(linearYRange([0, 0, 0], FRACTION_DOMAIN)).toEqual([0, 1]);
  });

  it('keeps a fraction at 0…1 whatever its values', () => {
    expect(linearYRange([0.01, 0.02], FRACTION_DOMAIN)).toEqual([0, 1]);
    expect(linearYRange([1, 1], FRACTION_DOMAIN)).toEqual([0, 1]);
    expect(linearYRange([], FRACTION_DOMAIN)).toEqual([0, 1]);
  });

  it('draws any flat series at 0 from 0 up, not from −1', () => {
    expect(linearYRange([0, 0])).toEqual([0, 1]);
  });

  it('gives a flat non-zero series room on both sides', () => {
    const [lo, hi] = linearYRange([2, 2]);
    expect(lo).toBeLessThan(2);
    expect(hi).toBeGreaterThan(2);
    const [nlo, nhi] = linearYRange([-3, -3]);
    expect(nlo).toBeLessThan(-3);
    expect(nhi).toBeGreaterThan(-3);
  });

  it('fits varying values (gaps ignored); no values gets 0…1', () => {
    expect(linearYRange([0.3, NaN, 0.7, 1.4])).toEqual([0.3, 1.4]);
    expect(linearYRange([NaN])).toEqual([0, 1]);
  });

  it('a log axis (ticks.ts) spans whole decades around a flat series', () => {
    expect(decadeDomain([1e-3, 1e-3])).toEqual([-4, -2]);
  });
});
