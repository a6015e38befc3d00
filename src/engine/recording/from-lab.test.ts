import { describe, expect, it } from 'vitest';
import type { NetworkConfig } from '../config';
import { buildDataset } from '../data';
import {
  ACTIVATION_BINS,
  PROBE_GRADIENT_LOG_BINS,
  PROBE_GRADIENT_LOG_RANGE,
} from '../histogram-ranges';
import { createKernels } from '../kernels';
import { createProbeNetwork } from '../probe';
import { layerHistogram, layerStats } from '../stats';
import { Trainer } from '../trainer';
import { activationHistogramRange } from '../training-history';
import { type Recording, recordingSchema } from './format';
import { type LabLayer, recordingOfProbe, recordingOfTraining } from './from-lab';

const CONFIG: NetworkConfig = {
  inputDim: 24,
  depth: 3,
  width: 16,
  activation: 'tanh',
  init: 'xavier',
  initScale: 1,
  batchnorm: true,
  classes: 4,
  seed: 5,
};
const BATCH = 40;

/** The probe's pass as the page holds it: statistics and the panels' histograms per layer. */
function probeLayers(config: NetworkConfig): LabLayer[] {
  const net = createProbeNetwork(config, BATCH, createKernels('ts'));
  net.forward(true);
  net.backward();
  const [low, high] = activationHistogramRange(config.activation, 1);
  const [gradLow, gradHigh] = PROBE_GRADIENT_LOG_RANGE;
  return net.layers.map((_, i) => ({
    stats: layerStats(net, i),
    actHistogram: layerHistogram(net, i, 'act', low, high, ACTIVATION_BINS),
    gradLogHistogram: layerHistogram(
      net,
      i,
      'grad',
      gradLow,
      gradHigh,
      PROBE_GRADIENT_LOG_BINS,
      'log10abs',
    ),
  }));
}

/** What a file holds and a reader gets back. */
const roundTrip = (recording: Recording) =>
  recordingSchema.parse(JSON.parse(JSON.stringify(recording)));

/** Each histogram names bins the recording defines, with count + 1 edges (format.ts cannot say). */
function danglingBins(recording: Recording): string[] {
  const problems: string[] = [];
  for (const [id, bins] of Object.entries(recording.bins))
    if (bins.edges.length !== bins.count + 1) problems.push(`${id}: ${bins.edges.length} edges`);
  for (const step of recording.steps)
    for (const layer of step.layers)
      for (const h of [layer.histograms.act, layer.histograms.grad])
        if (h && recording.bins[h.bins]?.count !== h.counts.length)
          problems.push(`step ${step.step} ${layer.name}: ${h.bins}`);
  return problems;
}

describe('recordingOfProbe', () => {
  const layers = probeLayers(CONFIG);
  const theory = layers.map((_, i) => ({ actStd: 0.5 + i, gradStd: i === 0 ? null : 0.01 }));
  const input = { config: CONFIG, batch: BATCH, layers, theory, loss: 1.4, producerVersion: '9' };

  it('survives JSON and the schema, with the numbers it was given', () => {
    const recording = roundTrip(recordingOfProbe(input));
    expect(danglingBins(recording)).toEqual([]);
    expect(recording).toMatchObject({
      format: 'activation-lab-recording',
      version: 1,
      source: 'activation-lab',
      producer: { name: 'activation-lab', version: '9' },
      model: { name: null, config: { ...CONFIG, batch: BATCH } },
    });
    expect(recording.model.layers[1]).toEqual({
      name: 'layer 2',
      kind: 'dense',
      units: 16,
      weight: 'layer 2.weight',
      weight_shape: [16, 16],
      norm: { name: 'layer 2.batchnorm', kind: 'batchnorm' },
      activation: 'tanh',
      activation_module: null,
    });
    expect(recording.model.layers[0].weight_shape).toEqual([16, 24]);
    const [step] = recording.steps;
    expect(step).toMatchObject({ step: 0, loss: 1.4, accuracy: null, update_data: {} });
    step.layers.forEach((recorded, i) => {
      const { stats, actHistogram, gradLogHistogram } = layers[i];
      expect(recorded).toMatchObject({
        layer: i + 1,
        name: `layer ${i + 1}`,
        preact: stats.preact,
        act: stats.act,
        saturated: stats.saturated,
        dead: stats.dead,
        grad_act_std: stats.grad_act_std,
        grad_w_std: stats.grad_w_std,
        w_std: stats.w_std,
        grad_data_ratio: stats.grad_data_ratio,
        non_finite: stats.non_finite,
        theory: { act_std: 0.5 + i, grad_act_std: i === 0 ? null : 0.01 },
      });
      expect(recorded.histograms.act).toEqual({
        bins: 'act:tanh',
        counts: actHistogram!.counts,
        under: actHistogram!.under,
        over: actHistogram!.over,
        non_finite: actHistogram!.nonFinite,
      });
      expect(recorded.histograms.grad?.counts).toEqual(gradLogHistogram!.counts);
    });
  });

  it("defines the activation's bins, and the probe's gradient range under an id of its own", () => {
    const { bins } = recordingOfProbe(input);
    expect(Object.keys(bins)).toEqual(['act:tanh', 'grad:log10abs[-18,4]x88']);
    expect(bins['act:tanh']).toMatchObject({ mode: 'linear', low: -1, high: 1, count: 50 });
    expect(bins['act:tanh'].edges.slice(0, 3)).toEqual([-1, -0.96, -0.92]);
    expect(bins['grad:log10abs[-18,4]x88'].edges.at(-1)).toBe(4);
  });

  it('writes NaN and ±Infinity as null', () => {
    const broken = layers.map((layer, i) =>
      i === 1
        ? {
            ...layer,
            stats: {
              ...layer.stats,
              act: { mean: NaN, std: Infinity },
              grad_act_std: -Infinity,
              dead: NaN,
            },
          }
        : layer,
    );
    const direct = recordingOfProbe({ ...input, layers: broken, loss: NaN });
    // Null already in the object (the page may hand it on unserialized), not only in the file.
    expect(direct.steps[0].layers[1].act).toEqual({ mean: null, std: null });
    const recording = roundTrip(direct);
    expect(recording.steps[0].loss).toBeNull();
    expect(recording.steps[0].layers[1]).toMatchObject({
      act: { mean: null, std: null },
      grad_act_std: null,
      dead: null,
    });
    expect(recording.steps[0].layers[0].act?.std).toBe(layers[0].stats.act.std);
  });

  it('leaves theory out without one, and histograms null where the page has none', () => {
    const bare = layers.map((layer) => ({ ...layer, gradLogHistogram: null }));
    const recording = roundTrip(recordingOfProbe({ ...input, layers: bare, theory: null }));
    expect(recording.steps[0].layers[0]).not.toHaveProperty('theory');
    expect(recording.steps[0].layers[0].histograms.grad).toBeNull();
    expect(Object.keys(recording.bins)).toEqual(['act:tanh']);
  });
});

describe('recordingOfTraining', () => {
  const data = buildDataset({ name: 'spiral' }, 1);
  const network: NetworkConfig = {
    ...CONFIG,
    inputDim: data.inputDim,
    classes: data.classes,
    activation: 'relu',
  };
  const training = { optimizer: 'sgd', learningRate: 0.1, l2: 0, batchSize: 32 } as const;

  /** Ten steps, monitored at 0, 5 and 10 (as the worker's frames would). */
  function run() {
    const trainer = new Trainer(network, training, data, createKernels('ts'));
    let monitor = trainer.monitor();
    for (let step = 1; step <= 10; step++) {
      trainer.step();
      if (step % 5 === 0) monitor = trainer.monitor();
    }
    const h = trainer.history;
    const series = {
      loss: h.loss.data(),
      accuracy: h.accuracy.data(),
      dead: h.layers.map((l) => l.dead.data()),
      saturated: h.layers.map((l) => l.saturated.data()),
      updateRatio: h.layers.map((l) => l.updateRatio.data()),
      actSnapshots: h.layers.map((l) =>
        l.activations.snapshots.map((s) => ({ step: s.step, histogram: s.value })),
      ),
      gradSnapshots: h.layers.map((l) =>
        l.gradients.snapshots.map((s) => ({ step: s.step, histogram: s.value })),
      ),
    };
    const current = {
      step: monitor.step,
      layers: monitor.layers.map((stats, i) => ({
        stats,
        actHistogram: monitor.activationHistograms[i],
        gradLogHistogram: monitor.gradientHistograms[i],
      })),
    };
    return { series, current, monitor };
  }

  it('records each step the series reach, the latest frame whole', () => {
    const { series, current, monitor } = run();
    const recording = roundTrip(
      recordingOfTraining({ config: network, training, series, current, producerVersion: '9' }),
    );
    expect(danglingBins(recording)).toEqual([]);
    expect(recording.model.config).toMatchObject({ activation: 'relu', training });
    // Update s (1-based in the trainer's series) was computed by the pass of step s − 1.
    expect(recording.steps.map((s) => s.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(recording.steps[3].loss).toBe(series.loss.values[3]);
    expect(recording.steps[3].update_data['layer 2.weight']).toBe(series.updateRatio[1].values[3]);
    expect(recording.steps[3].layers).toEqual([]); // not monitored at step 3
    const five = recording.steps[5].layers[0];
    expect(five).toMatchObject({ act: null, dead: series.dead[0].values[1], non_finite: 0 });
    expect(five.histograms.act?.bins).toBe('act:relu');
    expect(five.histograms.grad?.bins).toBe('grad:log10abs');
    expect(recording.bins['grad:log10abs']).toMatchObject({ low: -12, high: 2, count: 56 });
    const last = recording.steps[10];
    expect(last.loss).toBeNull(); // the 11th update has not been taken
    expect(last.layers).toHaveLength(3);
    expect(last.layers[2].act).toEqual(monitor.layers[2].act);
    expect(last.layers[2].grad_act_std).toBe(monitor.layers[2].grad_act_std);
  });

  it('without series, is the latest frame alone', () => {
    const { current } = run();
    const recording = roundTrip(
      recordingOfTraining({ config: network, series: null, current, producerVersion: '9' }),
    );
    expect(recording.steps.map((s) => s.step)).toEqual([10]);
    expect(recording.model.config).not.toHaveProperty('training');
  });
});
