/**
 * The activation-function claims, reproduced on the default backend with their own seeds and,
 * where a check takes well under a second, on every backend with one seed.
 */
import { describe, expect, it } from 'vitest';
import { createKernels, defaultBackend } from '../kernels';
import type { BackendName } from '../kernels/kernels';
import { testBackends } from '../testing';
import { zigzagPath } from './activations';
import { findClaim } from './index';
import type { ClaimCheckOptions, ClaimId, ClaimResult } from './types';

function reproduce(id: ClaimId, backend: BackendName, options: ClaimCheckOptions = {}) {
  const claim = findClaim(id)!;
  const result: ClaimResult = claim.check(createKernels(backend), options);
  expect(result.claim).toBe(id);
  expect(result.reproduced, `${id} on ${backend}: ${result.summary}`).toBe(true);
  // The command line prints JSON: a NaN or Infinity would turn into null on the way.
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  return result;
}

/** The control, the same criterion without the claimed cause, must come out not reproduced. */
function control(id: ClaimId, backend: BackendName, options: ClaimCheckOptions = {}) {
  const result = findClaim(id)!.check(createKernels(backend), { ...options, variant: 'control' });
  expect(result.control).toBe(true);
  expect(result.reproduced, `${id}’s control on ${backend}: ${result.summary}`).toBe(false);
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
}

/** This file's claims whose controls are checked here (relu.ts's are checked beside it). */
const OWN: ClaimId[] = [
  'sigmoid-saturates',
  'sigmoid-not-zero-centred',
  'tanh-zero-centred',
  'maxout-no-saturation',
];

const CHEAP: ClaimId[] = [
  'sigmoid-saturates',
  'sigmoid-not-zero-centred',
  'tanh-zero-centred',
  'relu-dead-at-init',
  'maxout-no-saturation',
];

describe(`activation claims on the default backend (${defaultBackend()})`, () => {
  it.each([...CHEAP, 'relu-dies-with-high-lr', 'leaky-elu-no-dead'] as ClaimId[])(
    '%s is reproduced',
    (id) => {
      reproduce(id, defaultBackend());
    },
  );
});

describe(`activation controls on the default backend (${defaultBackend()})`, () => {
  it.each(OWN)('%s’s control is not reproduced', (id) => {
    control(id, defaultBackend());
  });
});

describe.each(testBackends())('cheap activation claims on the %s backend, seed 4', (backend) => {
  it.each(CHEAP)('%s is reproduced', (id) => {
    reproduce(id, backend, { seeds: [4] });
  });
});

describe('the zig-zag of a unit with positive inputs', () => {
  it('moves both weights the same way at every step, and gets to (1, −1) slower', () => {
    const positive = zigzagPath('positive', 1);
    const centred = zigzagPath('centred', 1);
    const steps = positive.w1
      .slice(1)
      .map((w, i) => [w - positive.w1[i], positive.w2[i + 1] - positive.w2[i]]);
    expect(steps).toHaveLength(20);
    for (const [d1, d2] of steps) expect(d1 * d2).toBeGreaterThanOrEqual(0);
    expect(positive.sameDirection).toBe(1);
    expect(centred.sameDirection).toBeLessThan(1);
    expect(positive.distance).toBeGreaterThan(centred.distance);
  });
});
