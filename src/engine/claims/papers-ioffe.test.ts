/**
 * ioffe2015-bn-stable-inputs and its control on the default backend: both networks learn, the
 * plain one's last-layer sigmoid inputs drift, batchnorm's stay steady; a second plain network
 * judged by the same criterion is not steady.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testDigitsBytes } from '../data/digits-testing';
import { createKernels, defaultBackend } from '../kernels';
import { findClaim } from './index';

let digits: Uint8Array;

beforeAll(() => {
  digits = testDigitsBytes();
});

describe(`ioffe2015-bn-stable-inputs on the default backend (${defaultBackend()})`, () => {
  const claim = findClaim('ioffe2015-bn-stable-inputs')!;

  it('is reproduced: both learn, the plain network’s inputs drift, batchnorm’s do not', () => {
    const result = claim.check(createKernels(defaultBackend()), { digits });
    expect(result.reproduced, result.summary).toBe(true);
    const m = result.measured;
    for (const accuracy of [m.plainFinalAccuracy, m.batchnormFinalAccuracy] as number[][])
      for (const a of accuracy) expect(a).toBeGreaterThanOrEqual(0.7);
    // The figure's series: one point per checkpoint for each percentile of each network.
    const points = (m.steps as number[]).length;
    for (const key of ['plainP15', 'plainP50', 'plainP85', 'batchnormP15', 'batchnormP85'])
      expect(m[key], key).toHaveLength(points);
  });

  it('its control, a second plain network judged as the steady one, is not', () => {
    const result = claim.check(createKernels(defaultBackend()), { digits, variant: 'control' });
    expect(result.control).toBe(true);
    expect(result.reproduced, result.summary).toBe(false);
    expect(result.measured.batchnormP50).toBeUndefined();
  });
});
