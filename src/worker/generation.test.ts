import { describe, expect, it } from 'vitest';
import { Generation } from './generation';

describe('Generation', () => {
  it('a run is live until a newer run begins', () => {
    const runs = new Generation();
    const first = runs.begin();
    expect(first()).toBe(false);
    const second = runs.begin();
    expect(first()).toBe(true);
    expect(second()).toBe(false);
  });

  it('cancel makes every run begun so far stale, and later runs live', () => {
    const runs = new Generation();
    const a = runs.begin();
    runs.cancel();
    expect(a()).toBe(true);
    expect(runs.begin()()).toBe(false);
  });

  it('generations are independent of each other', () => {
    const probe = new Generation();
    const training = new Generation();
    const pass = probe.begin();
    training.cancel();
    expect(pass()).toBe(false);
  });
});
