/**
 * Bounded histories: however many points are pushed, a series keeps at most its capacity, spans
 * the whole run, and keeps the mean; snapshots stay spread over the run.
 */
import { describe, expect, it } from 'vitest';
import {
  activationHistogramRange,
  DownsampledSeries,
  niceCeiling,
  SnapshotSeries,
  TrainingHistory,
} from './training-history';

describe('DownsampledSeries', () => {
  it('keeps every point until full', () => {
    const series = new DownsampledSeries(8);
    for (let step = 1; step <= 8; step++) series.push(step, step * 10);
    expect(Array.from(series.data().values)).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    expect(series.revision).toBe(0);
  });

  it('stays within its capacity over a long run, spanning all of it, with the same mean', () => {
    const series = new DownsampledSeries(64);
    const steps = 30 * 60 * 100; // 30 minutes at 100 steps/s
    for (let step = 1; step <= steps; step++) series.push(step, step % 2 ? 1 : 3);
    const { steps: at, values } = series.data();
    expect(series.length).toBeLessThanOrEqual(64);
    expect(series.length).toBeGreaterThanOrEqual(32);
    expect(at[0]).toBeLessThan(steps / 32);
    expect(at[at.length - 1]).toBeGreaterThan(steps * 0.95);
    for (const v of values) expect(v).toBeCloseTo(2, 6);
    expect(Array.from(at)).toEqual([...at].sort((a, b) => a - b));
  });

  it('skips non-finite values, so a diverged step leaves the curve as it was', () => {
    const series = new DownsampledSeries(4);
    series.push(1, 0.5);
    series.push(2, NaN);
    series.push(3, Infinity);
    expect(series.length).toBe(1);
    expect(series.last()).toBe(0.5);
  });

  it('sends deltas: data(from) gives the points after those already sent', () => {
    const series = new DownsampledSeries(8);
    for (let step = 1; step <= 5; step++) series.push(step, step);
    expect(Array.from(series.data(3).steps)).toEqual([4, 5]);
  });
});

describe('SnapshotSeries', () => {
  it('keeps at most its capacity, spread over the whole run', () => {
    const snapshots = new SnapshotSeries<number>(8);
    for (let step = 0; step <= 10_000; step += 10) snapshots.offer(step, step);
    const kept = snapshots.snapshots.map((s) => s.step);
    expect(kept.length).toBeLessThanOrEqual(8);
    expect(kept[0]).toBe(0); // initialization stays
    expect(kept[kept.length - 1]).toBeGreaterThan(8000);
    expect(snapshots.offer(10_000, 0)).toBe(false); // too close to the last one
  });
});

describe('TrainingHistory', () => {
  it('has a series set per hidden layer and clears them all', () => {
    const history = new TrainingHistory(3, 16);
    history.loss.push(1, 2);
    history.layers[2].dead.push(1, 0.5);
    history.clear();
    expect(history.layers).toHaveLength(3);
    expect(history.loss.length + history.layers[2].dead.length).toBe(0);
  });
});

describe('histogram ranges', () => {
  it('are readable numbers and the activation’s own range when bounded', () => {
    expect([0.7, 1.3, 3, 7, 0.004].map(niceCeiling)).toEqual([1, 2, 5, 10, 0.005]);
    expect(activationHistogramRange('tanh', 5)).toEqual([-1, 1]);
    expect(activationHistogramRange('relu', 0.9)).toEqual([0, 5]);
    expect(activationHistogramRange('leaky-relu', 0.3)).toEqual([-0.5, 5]);
    expect(activationHistogramRange('relu', 30)).toEqual([0, 100]);
  });
});

describe('the activation histograms of residual blocks', () => {
  it('span the linear range of the output spread: x + α·f(x) is not bounded by f', () => {
    expect(activationHistogramRange('tanh', 1.6)).toEqual([-1, 1]);
    expect(activationHistogramRange('tanh', 1.6, true)).toEqual([-5, 5]);
    expect(activationHistogramRange('relu', 4, true)).toEqual([-20, 20]);
  });
});
