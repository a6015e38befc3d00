/**
 * The initialization and batchnorm claims on every backend (the reference one with one seed),
 * each with its control, which must not reproduce.
 */
import { describe, expect, it } from 'vitest';
import { createKernels, defaultBackend } from '../kernels';
import { testBackends } from '../testing';
import { findClaim } from './index';
import type { ClaimId } from './types';

const INITIALIZATION: ClaimId[] = [
  'zeros-init-symmetry',
  'small-init-collapses',
  'large-init-saturates',
  'xavier-keeps-tanh',
  'xavier-breaks-relu-he-fixes',
  'batchnorm-unit-gaussian',
];

describe.each(testBackends())('initialization claims on the %s backend', (backend) => {
  // The default backend checks each claim's own seeds; the others one seed, to stay quick.
  const options = backend === defaultBackend() ? {} : { seeds: [5] };
  it.each(INITIALIZATION)('%s is reproduced, its control is not', (id) => {
    const claim = findClaim(id)!;
    const result = claim.check(createKernels(backend), options);
    expect(result.reproduced, `${id} on ${backend}: ${result.summary}`).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const control = claim.check(createKernels(backend), { ...options, variant: 'control' });
    expect(control.control).toBe(true);
    expect(control.reproduced, `${id}’s control on ${backend}: ${control.summary}`).toBe(false);
  });
});
