import { describe, expect, it } from 'vitest';
import { histogramAt, packRecording, recordedAt, STAT_KEYS, statAt, transferables } from './packed';
import { syntheticRecording } from './synthetic';

describe('packRecording', () => {
  it('reads back every statistic, histogram and update:data of the recording', () => {
    const recording = syntheticRecording(5, 7);
    // A hole: layer fc3 not recorded at step 2, and a null statistic.
    recording.steps[2].layers.splice(3, 1);
    recording.steps[4].layers[1].dead = null;
    const packed = packRecording(recording);
    expect(packed.layerCount).toBe(5);
    expect(Array.from(packed.stepNumbers)).toEqual(recording.steps.map((s) => s.step));
    recording.steps.forEach((step, s) => {
      recording.model.layers.forEach((layer, l) => {
        const row = step.layers.find((r) => r.name === layer.name);
        expect(recordedAt(packed, l, s)).toBe(row !== undefined);
        if (!row) return;
        expect(statAt(packed, 'act_std', l, s)).toBe(row.act!.std);
        expect(statAt(packed, 'grad_act_std', l, s)).toBe(row.grad_act_std);
        expect(statAt(packed, 'dead', l, s)).toBe(row.dead);
        const act = histogramAt(packed, 'act', l, s)!;
        expect(Array.from(act.counts)).toEqual(row.histograms.act!.counts);
        expect(act.bins).toEqual(recording.bins[row.histograms.act!.bins]);
        expect(histogramAt(packed, 'grad', l, s)!.over).toBe(row.histograms.grad!.over);
      });
      packed.weights.forEach((weight, w) =>
        expect(packed.updateData[w * packed.stepCount + s]).toBe(step.update_data[weight]),
      );
    });
    expect(STAT_KEYS.every((key) => statAt(packed, key, 3, 2) === null)).toBe(true);
    expect(histogramAt(packed, 'act', 3, 2)).toBeNull();
  });

  it('moves between threads without copying its arrays (time logged, not asserted)', () => {
    const packed = packRecording(syntheticRecording(100, 1000));
    const start = performance.now();
    const moved = structuredClone(packed, { transfer: transferables(packed) });
    console.log(
      `packed 100×1000 recording cloned with transfer in ${performance.now() - start} ms`,
    );
    expect(packed.histograms.counts.length).toBe(0);
    expect(moved.histograms.counts.length).toBe(100 * 1000 * (50 + 56));
  });
});
