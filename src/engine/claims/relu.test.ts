/**
 * The ReLU claims (relu.ts, relu-dead.ts) and their controls on the default backend: each claim
 * reproduces on its own seeds, and the same criterion without the claimed cause does not.
 */
import { describe, expect, it } from 'vitest';
import { createKernels, defaultBackend } from '../kernels';
import { findClaim } from './index';
import type { ClaimId, ClaimVariant } from './types';

function check(id: ClaimId, variant: ClaimVariant) {
  const result = findClaim(id)!.check(createKernels(defaultBackend()), { variant });
  expect(result.control).toBe(variant === 'control');
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  return result;
}

const IDS: ClaimId[] = ['relu-dead-at-init', 'relu-dies-with-high-lr', 'leaky-elu-no-dead'];

describe(`ReLU claims and their controls on the default backend (${defaultBackend()})`, () => {
  it.each(IDS)('%s is reproduced', (id) => {
    const result = check(id, 'claim');
    expect(result.reproduced, `${id}: ${result.summary}`).toBe(true);
  });

  it.each(IDS)('%s: its control is not', (id) => {
    const result = check(id, 'control');
    expect(result.reproduced, `${id} control: ${result.summary}`).toBe(false);
  });

  it('relu-dead-at-init: dead first-layer units frozen, deeper ones counted, control all alive', () => {
    const claim = check('relu-dead-at-init', 'claim').measured;
    expect(claim.firstLayerDeadMoved).toBe(0);
    expect(claim.firstLayerDeadRevived).toBe(0);
    expect(claim.deeperDead as number).toBeGreaterThan(0);
    const control = check('relu-dead-at-init', 'control').measured;
    // Biases at 0 leave no first-layer unit dead, so the criterion's mixed layers fail.
    expect(control.firstLayerDead).toEqual([0, 0, 0, 0, 0]);
  });

  it('leaky-elu-no-dead is a demonstration that says why', () => {
    const claim = findClaim('leaky-elu-no-dead')!;
    expect(claim.kind).toBe('demonstration');
    expect(claim.demonstration).toMatch(/any working engine/);
    expect(findClaim('relu-dead-at-init')!.kind).toBe('experiment');
  });
});
