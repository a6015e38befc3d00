import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../engine/diagnosis';
import type { Histogram, LayerStats } from '../../engine/stats';
import type { TrainFrame, WorkerMessage } from '../../worker/protocol';
import { useResults } from '../results';
import { applyBatch, type ResultsData } from './apply';
import { emptyLayer } from './probe';
import { NO_THEORY_WHILE_TRAINING } from './training';

// The reducers pass statistics and histograms through untouched: stand-ins are enough.
const stats = (layer: number) => ({ layer }) as unknown as LayerStats;
const histogram = (low: number): Histogram => ({
  low,
  high: low + 1,
  mode: 'linear',
  counts: [1],
  under: 0,
  over: 0,
  nonFinite: 0,
});
const diagnosis = { severity: 'ok', headline: 'fine' } as unknown as Diagnosis;

function state(change: Partial<ResultsData> = {}): ResultsData {
  const { begin: _b, applyMessages: _a, ...data } = useResults.getInitialState();
  return { ...data, requestId: 7, layers: [emptyLayer(), emptyLayer()], ...change };
}

function frame(change: Partial<TrainFrame>): TrainFrame {
  return {
    type: 'train-frame',
    id: 7,
    running: false,
    step: 0,
    stepsPerSecond: 0,
    dataTitle: 'Spiral',
    inputDim: 2,
    classes: 3,
    trainCount: 480,
    loss: 1.1,
    accuracy: 0.3,
    validation: null,
    layers: [stats(1)],
    actRange: [-1, 1],
    actHistograms: [histogram(0)],
    gradHistograms: [histogram(1)],
    gradLogHistograms: [histogram(2)],
    firing: [],
    series: null,
    regions: null,
    samples: null,
    diverged: null,
    diagnosis,
    ...change,
  };
}

describe('applyBatch', () => {
  it('streams a probe layer by layer and leaves its input as it was', () => {
    const before = state();
    const after = applyBatch(before, [
      { type: 'start', id: 7, theory: null, noTheory: 'no', actRange: [-2, 2] },
      { type: 'forward', id: 7, layer: 1, stats: stats(1), actHistogram: histogram(0) },
      {
        type: 'backward',
        id: 7,
        layer: 1,
        stats: stats(1),
        gradHistogram: histogram(1),
        gradLogHistogram: histogram(2),
      },
    ]);
    expect(after.actRange).toEqual([-2, 2]);
    expect(after.noTheory).toBe('no');
    expect(after.layers[0]).toMatchObject({ hasGradients: true, actHistogram: histogram(0) });
    expect(after.layers[1]).toBe(before.layers[1]);
    expect(before.layers[0]).toEqual(emptyLayer());
    expect(after.status).toBe('computing');
  });

  it('drops an older request’s messages', () => {
    const before = state();
    const after = applyBatch(before, [
      { type: 'forward', id: 6, layer: 1, stats: stats(1), actHistogram: histogram(0) },
      { type: 'error', id: 6, field: null, message: 'old' },
    ]);
    expect(after).toEqual(before);
  });

  it('a training frame fills the layers and the view, and keeps the last series', () => {
    const series = { loss: { steps: new Float64Array(1), values: new Float32Array(1) } };
    const first = applyBatch(state({ mode: 'train' }), [
      frame({ step: 10, series: series as unknown as TrainFrame['series'] }),
    ]);
    const second = applyBatch(first, [frame({ step: 20, running: true })]);
    expect(second.training?.series).toBe(series);
    expect(second.training?.step).toBe(20);
    expect(second.status).toBe('training');
    expect(second.noTheory).toBe(NO_THEORY_WHILE_TRAINING);
    expect(second.layers).toHaveLength(1);
    expect(second.training).not.toHaveProperty('actHistograms');
  });

  it('Train pressed: setup frames keep "training" until the run starts', () => {
    const pending = applyBatch(state({ playPending: true }), [frame({ running: false })]);
    expect(pending).toMatchObject({ status: 'training', playPending: true });
    const diverged = frame({ diverged: { step: 3 } as unknown as TrainFrame['diverged'] });
    expect(applyBatch(pending, [diverged])).toMatchObject({ status: 'ready', playPending: false });
  });

  it("A's messages reach A's slices only", () => {
    const pinned = { requestId: 9, config: null!, batch: 8, layers: [emptyLayer()], done: false };
    const before = state({ pinned });
    const after = applyBatch(before, [
      { type: 'forward', slot: 'a', id: 9, layer: 1, stats: stats(1), actHistogram: histogram(0) },
      {
        type: 'done',
        slot: 'a',
        id: 9,
        loss: 1,
        elapsedMs: 1,
        nonFinite: null,
        gradTheory: null,
        diagnosis,
      },
    ]);
    expect(after.pinned?.done).toBe(true);
    expect(after.pinned?.layers[0].stats).toEqual(stats(1));
    expect(after.layers).toBe(before.layers);
  });

  it('a search ends when every worker’s share is done', () => {
    const search = {
      id: 4,
      running: true,
      done: 0,
      total: 0,
      trials: [],
      error: null,
      shardsLeft: 2,
    };
    const outcome = { learningRate: 0.1, l2: 0, accuracy: 0.9, diverged: false };
    const messages: WorkerMessage[] = [
      { type: 'search-progress', id: 4, method: 'grid', outcome, done: 1, total: 32 },
      { type: 'search-done', id: 4, cancelled: false, error: null },
    ];
    const half = applyBatch(state({ search }), messages);
    expect(half.search).toMatchObject({ done: 1, total: 32, running: true, shardsLeft: 1 });
    expect(applyBatch(half, [messages[1]]).search?.running).toBe(false);
  });
});

describe('the results store', () => {
  it('applies a batch of messages in one set', () => {
    useResults.setState({ requestId: 7, layers: [emptyLayer()] });
    let sets = 0;
    const unsubscribe = useResults.subscribe(() => sets++);
    useResults.getState().applyMessages([
      {
        type: 'hello',
        backend: 'wasm',
        variant: 'simd',
        threads: 1,
        singleThreadReason: 'the page is not cross-origin isolated',
      },
      { type: 'forward', id: 7, layer: 1, stats: stats(1), actHistogram: histogram(0) },
      { type: 'claim-result', id: 1, claim: 'c', result: null, error: 'x' },
    ]);
    unsubscribe();
    expect(sets).toBe(1);
    expect(useResults.getState()).toMatchObject({
      backend: 'wasm (simd, 1 thread)',
      engineNote: 'the page is not cross-origin isolated',
      claims: { c: { error: 'x' } },
    });
  });
});
