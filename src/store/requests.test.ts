import { describe, expect, it } from 'vitest';
import { DATASETS } from '../engine/data/dataset';
import { DEFAULT_STATE, type PageState } from './page-state';
import { requestsOf } from './requests';

const pinned: PageState['pinned'] = {
  network: { ...DEFAULT_STATE.network, activation: 'relu' },
  batch: 64,
  training: { ...DEFAULT_STATE.training, learningRate: 0.5, speed: 30 },
};

describe('requestsOf', () => {
  it('the probe: its network and batch, and A probed beside it', () => {
    const { current, pinned: a } = requestsOf({ ...DEFAULT_STATE, pinned });
    expect(current).toEqual({
      kind: 'probe',
      config: DEFAULT_STATE.network,
      batch: DEFAULT_STATE.batch,
    });
    expect(a).toEqual({ kind: 'probe', config: pinned.network, batch: 64 });
  });

  it('no A when nothing is pinned', () => {
    expect(requestsOf(DEFAULT_STATE).pinned).toBeNull();
  });

  for (const name of DATASETS)
    it(`${name}: a training run with the data set, the batch as batchSize, speed apart`, () => {
      const data = { ...DEFAULT_STATE.data, name };
      const state = { ...DEFAULT_STATE, data, batch: 32, pinned };
      const { current, pinned: a } = requestsOf(state);
      const { speed, ...training } = DEFAULT_STATE.training;
      expect(current).toEqual({
        kind: 'train',
        network: DEFAULT_STATE.network,
        training: { ...training, batchSize: 32 },
        data,
        speed,
      });
      // A trains on the same data set, with its own network, batch and training settings.
      expect(a).toEqual({
        kind: 'train',
        network: pinned.network,
        training: { optimizer: 'sgd', learningRate: 0.5, l2: 0, batchSize: 64 },
        data,
        speed: 30,
      });
    });

  it("no request carries 'probe' as a data set", () => {
    for (const name of ['probe', ...DATASETS] as const) {
      const { current, pinned: a } = requestsOf({
        ...DEFAULT_STATE,
        data: { ...DEFAULT_STATE.data, name },
        pinned,
      });
      for (const run of [current, a])
        if (run?.kind === 'train') expect(run.data.name).not.toBe('probe');
        else expect(name).toBe('probe');
    }
  });
});
