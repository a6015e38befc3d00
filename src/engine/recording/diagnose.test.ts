import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from '../format';
import { diagnoseRecording } from './diagnose';
import type { RecordedLayerStep, Recording, RecordingLayer } from './format';

const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', null] as const;
const STEPS = 10;
/** Recorded every 5 optimizer steps: a finding's step is 5 × the step's index. */
const EVERY = 5;

type LayerChange = (layer: number, s: number) => Partial<RecordedLayerStep>;
type RatioChange = (weight: string, s: number) => number | undefined;

/**
 * A healthy run of layers fc0 (tanh), fc1 (relu), fc2 (sigmoid), fc3 (output): gradients of one
 * scale across depth, a few saturated or dead units that stay so, update:data near 1e-3; each
 * test changes the numbers one rule looks at.
 */
function run(layer: LayerChange = () => ({}), ratio: RatioChange = () => undefined): Recording {
  const layers: RecordingLayer[] = ACTIVATIONS.map((activation, i) => ({
    name: `fc${i}`,
    kind: 'linear',
    units: 32,
    weight: `fc${i}.weight`,
    weight_shape: [32, 32],
    norm: null,
    activation,
    activation_module: null,
  }));
  const tails = (a: string | null) => (a === 'tanh' || a === 'sigmoid' ? 0.05 : 0);
  const steps = Array.from({ length: STEPS }, (_, s) => ({
    step: s * EVERY,
    loss: 2 - s / 10,
    accuracy: null,
    update_data: Object.fromEntries(
      layers.map((l, i) => [l.weight!, ratio(l.weight!, s) ?? 1e-3 * (1 + 0.1 * i)]),
    ),
    layers: layers.map((l, i) => ({
      layer: i + 1,
      name: l.name,
      preact: { mean: 0, std: 1 },
      act: { mean: 0, std: 0.6 },
      saturated: tails(l.activation),
      dead: l.activation === 'relu' ? 0.1 : 0,
      grad_act_std: 0.01 * (1 + 0.2 * i),
      grad_w_std: 1e-3,
      w_std: 0.1,
      grad_data_ratio: 0.01,
      non_finite: 0,
      histograms: { act: null, grad: null },
      ...layer(i, s),
    })),
  }));
  return {
    format: 'activation-lab-recording',
    version: 1,
    source: 'pytorch',
    producer: { name: 'test' },
    model: { name: null, layers, config: null },
    bins: {},
    steps,
  };
}

/** The one finding a run gives (and that it gives one). */
function only(recording: Recording) {
  const findings = diagnoseRecording(recording);
  expect(findings.map((f) => f.rule)).toHaveLength(1);
  const [finding] = findings;
  expect(finding.headline).toContain(`"${finding.layer}"`);
  expect(finding.headline).toContain(`step ${finding.step}`);
  expect(finding.explanation.length).toBeGreaterThan(80);
  return finding;
}

describe('diagnoseRecording', () => {
  it('finds nothing in a healthy run (the control)', () => {
    expect(diagnoseRecording(run())).toEqual([]);
  });

  it('finds gradients vanishing toward the input, where they are smallest', () => {
    const grads = [1e-5, 1e-7, 0.01, 0.013];
    const finding = only(run((i, s) => (s >= 4 ? { grad_act_std: grads[i] } : {})));
    expect(finding).toMatchObject({ rule: 'vanishing-gradients', severity: 'problem' });
    expect(finding).toMatchObject({ layer: 'fc1', step: 20 });
    expect(finding.headline).toContain(`smallest at layer "fc1" (${formatNumber(1e-7)})`);
  });

  it('finds gradients exploding toward the input', () => {
    const finding = only(run((i, s) => (s >= 3 && i === 0 ? { grad_act_std: 2 } : {})));
    expect(finding).toMatchObject({ rule: 'exploding-gradients', layer: 'fc0', step: 15 });
    expect(finding.headline).toContain(`(ratio ${formatNumber(2 / 0.016)})`);
  });

  it('finds a saturated sigmoid layer at the first step it passes one half', () => {
    const finding = only(run((i, s) => (i === 2 && s >= 6 ? { saturated: 0.5 + s / 100 } : {})));
    expect(finding).toMatchObject({ rule: 'saturated', severity: 'problem', layer: 'fc2' });
    expect(finding.step).toBe(30);
    expect(finding.headline).toContain(`(sigmoid) has ${formatPercent(0.56)}`);
  });

  it('finds ReLUs dying during training: a rise of 0.2 over the first step', () => {
    // 0.3 − 0.1 is 0.19999999999999998 in floating point: still a rise of 0.2.
    const finding = only(run((i, s) => (i === 1 ? { dead: s >= 4 ? 0.3 : 0.1 + s / 100 } : {})));
    expect(finding).toMatchObject({ rule: 'dead-growing', layer: 'fc1', step: 20 });
    expect(finding.headline).toContain(`from ${formatPercent(0.1)} to ${formatPercent(0.3)}`);
  });

  it('finds a layer more than half dead, even from the first step', () => {
    const finding = only(run((i) => (i === 1 ? { dead: 0.6 } : {})));
    expect(finding).toMatchObject({ rule: 'dead-growing', layer: 'fc1', step: 0 });
  });

  it('finds update:data far below 1e-3, naming the layer of the weight', () => {
    const finding = only(
      run(undefined, (w, s) => (w === 'fc2.weight' && s > 0 ? 2e-5 : undefined)),
    );
    expect(finding).toMatchObject({ rule: 'update-small', severity: 'warning', layer: 'fc2' });
    expect(finding.step).toBe(5);
    expect(finding.headline).toContain(`median ${formatNumber(2e-5)}`);
  });

  it('finds update:data far above 1e-3', () => {
    const finding = only(
      run(undefined, (w, s) => (w === 'fc0.weight' && s >= 2 ? 0.05 : undefined)),
    );
    expect(finding).toMatchObject({ rule: 'update-large', layer: 'fc0', step: 10 });
  });

  it('finds the first layer with NaN or Infinity at the first step', () => {
    const layer = (i: number, s: number) => (s >= 7 && i >= 1 ? { non_finite: 3 } : {});
    const finding = only(run(layer));
    expect(finding).toMatchObject({ rule: 'non-finite', layer: 'fc1', step: 35 });
  });

  it('orders problems before warnings, then by step', () => {
    const layer: LayerChange = (i, s) => ({
      ...(s >= 7 && i === 3 ? { non_finite: 1 } : {}),
      ...(s >= 6 && i === 0 ? { saturated: 0.9 } : {}),
    });
    const findings = diagnoseRecording(run(layer, (w) => (w === 'fc1.weight' ? 1e-6 : undefined)));
    expect(findings.map((f) => [f.rule, f.step])).toEqual([
      ['saturated', 30],
      ['non-finite', 35],
      ['update-small', 0],
    ]);
  });
});
