/**
 * A valid recording of any size, for the reader's tests and the page benchmark's
 * "open a 100-layer × 1,000-step recording" (src/cli/bench-page.ts).
 */
import type { Recording } from './format';

const edges = (n: number, low: number, high: number) =>
  Array.from({ length: n + 1 }, (_, i) => low + ((high - low) * i) / n);
// 97 patterns of counts, copied: building 200,000 arrays from scratch took longer than parsing.
const patterns = (n: number) =>
  Array.from({ length: 97 }, (_, seed) => Array.from({ length: n }, (_, i) => (i * 7 + seed) % 97));
const COUNTS: Record<number, number[][]> = { 50: patterns(50), 56: patterns(56) };
const histogram = (bins: string, n: number, seed: number) => {
  return { bins, counts: COUNTS[n][seed % 97].slice(), under: 0, over: 1, non_finite: 0 };
};

function layerStep(i: number, s: number) {
  return {
    layer: i + 1,
    name: `fc${i}`,
    preact: { mean: 0.01 * i, std: 1 + s / 1000 },
    act: { mean: 0.001, std: 0.6321 + i / 1e4 },
    saturated: 0.02,
    dead: 0,
    grad_act_std: 1e-3 * (1 + i / 100),
    grad_w_std: 2e-3,
    w_std: 0.125,
    grad_data_ratio: 0.016,
    non_finite: 0,
    histograms: {
      act: histogram('act:tanh', 50, s + i),
      grad: histogram('grad:log10abs', 56, s),
    },
  };
}

/** A valid recording: `layers` tanh layers fc0…, `steps` steps 0, 10, 20, … */
export function syntheticRecording(layers = 4, steps = 5): Recording {
  const model = Array.from({ length: layers }, (_, i) => ({
    name: `fc${i}`,
    kind: 'linear' as const,
    units: 64,
    weight: `fc${i}.weight`,
    weight_shape: [64, 64],
    norm: null,
    activation: 'tanh' as const,
    activation_module: `act${i}`,
  }));
  return {
    format: 'activation-lab-recording',
    version: 1,
    source: 'pytorch',
    producer: { name: 'test', version: '1' },
    model: { name: 'Net', layers: model, config: null },
    bins: {
      'act:tanh': { mode: 'linear', low: -1, high: 1, count: 50, edges: edges(50, -1, 1) },
      'grad:log10abs': { mode: 'log10abs', low: -12, high: 2, count: 56, edges: edges(56, -12, 2) },
    },
    steps: Array.from({ length: steps }, (_, s) => ({
      step: s * 10,
      loss: 2.3 - s / 100,
      accuracy: null,
      update_data: Object.fromEntries(model.map((l) => [l.weight, 1e-3 + s * 1e-7])),
      layers: model.map((_, i) => layerStep(i, s)),
    })),
  };
}
