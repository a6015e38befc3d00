/**
 * The claims that train on the digits or search hyperparameters, on the default backend with
 * their own seeds; the digits file is built first if it is missing (as data.test.ts does).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testDigitsBytes } from '../data/digits-testing';
import { createKernels, defaultBackend } from '../kernels';
import { findClaim } from './index';
import type { ClaimId } from './types';

let digits: Uint8Array;

beforeAll(() => {
  digits = testDigitsBytes();
});

const CLAIMS: ClaimId[] = [
  'zero-centre-data',
  'babysit-initial-loss',
  'babysit-reg-raises-loss',
  'babysit-overfit-small',
  'babysit-lr-range',
  'random-beats-grid',
];

describe(`training claims on the default backend (${defaultBackend()})`, () => {
  it.each(CLAIMS)('%s is reproduced', (id) => {
    const result = findClaim(id)!.check(createKernels(defaultBackend()), { digits });
    expect(result.reproduced, `${id}: ${result.summary}`).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  // hyperparameters.ts's control is checked beside it.
  it.each(CLAIMS.filter((id) => id !== 'random-beats-grid'))('%s’s control is not', (id) => {
    const kernels = createKernels(defaultBackend());
    const result = findClaim(id)!.check(kernels, { digits, variant: 'control' });
    expect(result.control).toBe(true);
    expect(result.reproduced, `${id}’s control: ${result.summary}`).toBe(false);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('a claim on the digits says what it needs when they are not given', () => {
    const claim = findClaim('babysit-initial-loss')!;
    expect(claim.needs).toEqual(['digits']);
    expect(() => claim.check(createKernels('ts'))).toThrow(/digits/);
  });
});
