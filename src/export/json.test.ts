import { describe, expect, it } from 'vitest';
import type { NetworkConfig } from '../engine/config';
import { createKernels } from '../engine/kernels';
import { probeJson, runProbe } from '../engine/probe';
import { recordingSchema } from '../engine/recording/format';
import { recordingOfProbe } from '../engine/recording/from-lab';
import { probeJsonProblems, recordingJson, statsJson, trainingSeriesJson } from './json';

const CONFIG: NetworkConfig = {
  inputDim: 64,
  depth: 3,
  width: 64, // the narrowest the theory describes (src/engine/theory-probe.ts)
  activation: 'tanh',
  init: 'xavier',
  initScale: 1,
  biasInit: 0,
  batchnorm: true,
  classes: 4,
  seed: 9,
};

function probe() {
  return runProbe(CONFIG, 32, createKernels('ts'));
}

describe('statsJson', () => {
  it("is the probe CLI's output, value for value", () => {
    const result = probe();
    const text = statsJson({
      config: CONFIG,
      batch: 32,
      backend: 'ts',
      loss: result.loss,
      layers: result.layers,
      theory: result.theory,
      noTheory: result.no_theory,
    });
    const parsed = JSON.parse(text);
    expect(probeJsonProblems(parsed)).toEqual([]);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(probeJson(result))));
    expect(Object.keys(parsed)).toEqual(['config', 'loss', 'layers']);
    expect(parsed.layers[0].theory).toEqual({
      act_std: expect.any(Number),
      grad_act_std: expect.any(Number),
    });
    expect(Object.keys(parsed.layers[0])).toEqual([
      'layer',
      'preact',
      'act',
      'saturated',
      'dead',
      'grad_act_std',
      'grad_w_std',
      'w_std',
      'grad_data_ratio',
      'non_finite',
      'theory',
    ]);
  });

  it('writes NaN and Infinity as null and keeps where a NaN appeared', () => {
    const result = probe();
    const layers = [
      { ...result.layers[0], grad_w_std: NaN, w_std: Infinity },
      ...result.layers.slice(1),
    ];
    const parsed = JSON.parse(
      statsJson({
        config: CONFIG,
        batch: 32,
        backend: 'ts',
        loss: NaN,
        layers,
        nonFinite: { phase: 'backward', layer: 1 },
      }),
    );
    expect(parsed.loss).toBeNull();
    expect(parsed.layers[0].grad_w_std).toBeNull();
    expect(parsed.layers[0].w_std).toBeNull();
    expect(parsed.non_finite).toEqual({ phase: 'backward', layer: 1 });
    expect(probeJsonProblems(parsed)).toEqual([]);
  });

  it('writes null theories and the reason where no theory applies', () => {
    const zeros = runProbe({ ...CONFIG, init: 'zeros' }, 32, createKernels('ts'));
    const parsed = JSON.parse(
      statsJson({
        config: { ...CONFIG, init: 'zeros' },
        batch: 32,
        backend: 'ts',
        loss: zeros.loss,
        layers: zeros.layers,
        theory: zeros.theory,
        noTheory: zeros.no_theory,
      }),
    );
    expect(parsed).toEqual(JSON.parse(JSON.stringify(probeJson(zeros))));
    expect(parsed.no_theory).toMatch(/weights start at zero/);
    expect(parsed.layers.map((l: { theory: unknown }) => l.theory)).toEqual([null, null, null]);
    expect(probeJsonProblems(parsed)).toEqual([]);
  });
});

describe('recordingJson', () => {
  it("is a recording holding the probe JSON's statistics and theory, value for value", () => {
    const result = probe();
    const recording = recordingOfProbe({
      config: CONFIG,
      batch: 32,
      layers: result.layers.map((stats) => ({ stats, actHistogram: null, gradLogHistogram: null })),
      theory: result.theory.map((t) => t && { actStd: t.act_std, gradStd: t.grad_act_std }),
      loss: result.loss,
      producerVersion: 'test',
    });
    const text = recordingJson(recording);
    expect(text.trim().split('\n')).toHaveLength(1); // one line, however many steps
    const parsed = recordingSchema.parse(JSON.parse(text));
    const stats = JSON.parse(JSON.stringify(probeJson(result)));
    expect(parsed.steps[0].loss).toBe(stats.loss);
    parsed.steps[0].layers.forEach(({ layer, histograms, name, ...recorded }, i) => {
      const { layer: number, ...expected } = stats.layers[i];
      expect([layer, name, histograms]).toEqual([
        number,
        `layer ${number}`,
        { act: null, grad: null },
      ]);
      expect(recorded).toEqual(expected);
    });
  });

  it("names each layer's normalization: batchnorm, layernorm (at any place) or none", () => {
    const layers = probe().layers.map((stats) => ({
      stats,
      actHistogram: null,
      gradLogHistogram: null,
    }));
    const normsOf = (config: NetworkConfig) =>
      recordingSchema
        .parse(
          JSON.parse(
            recordingJson(
              recordingOfProbe({ config, batch: 32, layers, loss: 1, producerVersion: 't' }),
            ),
          ),
        )
        .model.layers.map((layer) => layer.norm);
    expect(normsOf(CONFIG)[1]).toEqual({ name: 'layer 2.batchnorm', kind: 'batchnorm' });
    const layernorm = { ...CONFIG, batchnorm: false, layernorm: true, residual: true };
    for (const normPosition of ['inside', 'pre', 'post'] as const)
      expect(normsOf({ ...layernorm, normPosition })).toEqual(
        [1, 2, 3].map((n) => ({ name: `layer ${n}.layernorm`, kind: 'layernorm' })),
      );
    expect(normsOf({ ...CONFIG, batchnorm: false })).toEqual([null, null, null]);
  });

  it('writes NaN and ±Infinity as null', () => {
    const [first, ...rest] = probe().layers;
    const layers = [{ ...first, w_std: Infinity, grad_data_ratio: NaN }, ...rest].map((stats) => ({
      stats,
      actHistogram: null,
      gradLogHistogram: null,
    }));
    const input = { config: CONFIG, batch: 32, layers, loss: NaN, producerVersion: 'test' };
    const parsed = JSON.parse(recordingJson(recordingOfProbe(input)));
    expect(parsed.steps[0].loss).toBeNull();
    expect(parsed.steps[0].layers[0]).toMatchObject({ w_std: null, grad_data_ratio: null });
  });
});

describe('probeJsonProblems', () => {
  const good = () => JSON.parse(JSON.stringify(probeJson(probe())));

  it.each([
    ['not an object', () => [1, 2], 'expected a JSON object'],
    [
      'missing layers',
      (v: Record<string, unknown>) => ({ ...v, layers: undefined }),
      'layers: expected an array',
    ],
    [
      'a layer too few',
      (v: { layers: unknown[] }) => ({ ...v, layers: v.layers.slice(1) }),
      'layers: expected 3',
    ],
    [
      'unknown activation',
      (v: { config: object }) => ({ ...v, config: { ...v.config, activation: 'swish' } }),
      'config.activation',
    ],
    [
      'fraction above 1',
      (v: { layers: object[] }) => ({
        ...v,
        layers: [{ ...v.layers[0], dead: 1.5 }, ...v.layers.slice(1)],
      }),
      'layers[0].dead',
    ],
    [
      'negative std',
      (v: { layers: { act: object }[] }) => ({
        ...v,
        layers: [{ ...v.layers[0], act: { mean: 0, std: -1 } }, ...v.layers.slice(1)],
      }),
      'layers[0].act.std',
    ],
    [
      'a theory that is not an object',
      (v: { layers: object[] }) => ({
        ...v,
        layers: [{ ...v.layers[0], theory: 0.5 }, ...v.layers.slice(1)],
      }),
      'layers[0].theory',
    ],
    [
      'a negative theory std',
      (v: { layers: object[] }) => ({
        ...v,
        layers: [
          { ...v.layers[0], theory: { act_std: -1, grad_act_std: 1 } },
          ...v.layers.slice(1),
        ],
      }),
      'layers[0].theory.act_std',
    ],
    [
      'bad phase',
      (v: object) => ({ ...v, non_finite: { phase: 'sideways', layer: 1 } }),
      'non_finite',
    ],
  ] as [string, (v: never) => unknown, string][])('finds %s', (_, spoil, problem) => {
    const problems = probeJsonProblems(spoil(good() as never));
    expect(problems.join('\n')).toContain(problem);
  });
});

describe('trainingSeriesJson', () => {
  it('each series as steps and values, per layer, with the configs that made them', () => {
    const at = (steps: number[], values: number[]) => ({
      steps: Float64Array.from(steps),
      values: Float32Array.from(values),
    });
    const parsed = JSON.parse(
      trainingSeriesJson(
        {
          loss: at([1, 2], [2, 1.5]),
          accuracy: at([1, 2], [0.25, 0.5]),
          dead: [at([0], [0.5])],
          saturated: [at([0], [0])],
          updateRatio: [at([1, 2], [0.001, 0.002])],
        },
        {
          network: { ...CONFIG, depth: 1 },
          training: { optimizer: 'sgd', learningRate: 0.1, l2: 0, batchSize: 8 },
          dataset: 'spiral',
        },
      ),
    );
    expect(parsed.loss).toEqual({ steps: [1, 2], values: [2, 1.5] });
    expect(parsed.validation_loss).toEqual({ steps: [], values: [] });
    expect(parsed.layers).toEqual([
      {
        layer: 1,
        dead: { steps: [0], values: [0.5] },
        saturated: { steps: [0], values: [0] },
        update_ratio: { steps: [1, 2], values: [Math.fround(0.001), Math.fround(0.002)] },
      },
    ]);
    expect(parsed.training.optimizer).toBe('sgd');
  });
});
