/**
 * Controls are checked as the worker will build the run (runnable.ts): a network that fits as a
 * probe but not as a training run is refused with a message, and nothing changes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useSettings } from './settings';
import { DEFAULT_STATE } from './url-state';

// Fits as a probe of 1 row; a training run also holds 256 monitoring rows: about 1.7 GiB.
const BIG = {
  activation: 'maxout' as const,
  batchnorm: true,
  depth: 50,
  width: 900,
  inputDim: 2,
  classes: 2,
};

beforeEach(() => useSettings.getState().replace(DEFAULT_STATE, []));

describe('a change that only a training run cannot hold', () => {
  it('is accepted for the probe', () => {
    expect(useSettings.getState().update(BIG, 1)).toBe(true);
    expect(useSettings.getState().inputError).toBeNull();
  });

  it('is refused on a data set, with the size message, and nothing changes', () => {
    const { setData, update } = useSettings.getState();
    setData({ name: 'spiral' });
    const before = useSettings.getState();
    expect(update(BIG, 1)).toBe(false);
    const after = useSettings.getState();
    expect(after.inputError?.message).toMatch(/^Network: too big to run/);
    expect(after.network).toBe(before.network);
    expect(after.batch).toBe(before.batch);
  });

  it('switching to a data set under such a network is refused too', () => {
    const { setData, update } = useSettings.getState();
    update(BIG, 1);
    setData({ name: 'digits' });
    const after = useSettings.getState();
    expect(after.data.name).toBe('probe');
    expect(after.inputError?.message).toMatch(/too big to run/);
    // A smaller network may switch.
    update({ width: 100 }, 1);
    setData({ name: 'digits' });
    expect(useSettings.getState().data.name).toBe('digits');
    expect(useSettings.getState().inputError).toBeNull();
  });
});
