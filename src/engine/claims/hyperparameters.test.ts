/**
 * random-beats-grid and its control on the default backend: random search wins at least half of
 * the 20 seed sets where the learning rate spans 6 decades, and not where it spans 0.2–1.
 */
import { describe, expect, it } from 'vitest';
import { createKernels, defaultBackend } from '../kernels';
import { findClaim } from './index';

describe(`random-beats-grid on the default backend (${defaultBackend()})`, () => {
  const claim = findClaim('random-beats-grid')!;

  it('is decided over 20 seed sets as a rate', () => {
    expect(claim.seeds).toHaveLength(20);
    expect(claim.expected).toMatch(/at least 50 % of the seed sets/);
  });

  it('is reproduced, the learning rate mattering far more than L2', () => {
    const result = claim.check(createKernels(defaultBackend()));
    expect(result.reproduced, result.summary).toBe(true);
    const { randomWinRate, gridRateAxisRange, gridL2AxisRange } = result.measured;
    expect(randomWinRate as number).toBeGreaterThanOrEqual(0.5);
    expect(gridRateAxisRange as number).toBeGreaterThan(10 * (gridL2AxisRange as number));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('its control, a narrow learning-rate range, is not', () => {
    const result = claim.check(createKernels(defaultBackend()), { variant: 'control' });
    expect(result.control).toBe(true);
    expect(result.reproduced, result.summary).toBe(false);
    expect(result.measured.randomWinRate as number).toBeLessThan(0.5);
  });
});
