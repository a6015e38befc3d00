/**
 * A diagnosis of a whole recording (docs/recording-format.md): over every recorded step, the
 * rules of CS231n lecture 6 that the lab's probe diagnosis (src/engine/diagnosis.ts) applies to
 * one pass, each naming the layer and the first step where it showed. Pure, no DOM.
 */
import { formatNumber, formatPercent } from '../format';
import type { RecordedLayerStep, RecordedStep, Recording } from './format';

export type RecordingRule =
  | 'vanishing-gradients'
  | 'exploding-gradients'
  | 'saturated'
  | 'dead-growing'
  | 'update-small'
  | 'update-large'
  | 'non-finite';

export interface RecordingFinding {
  rule: RecordingRule;
  severity: 'warning' | 'problem';
  /** The model's name for the layer (model.layers[].name). */
  layer: string;
  /** The recorded step where it first showed. */
  step: number;
  /** One sentence with the numbers, naming the layer and the step. */
  headline: string;
  /** Why, in the lecture's terms, and what to try. */
  explanation: string;
}

/** std ∂L/∂h of the first over the last layer with gradients: a hundredfold either way. */
const VANISHING_RATIO = 1e-2;
const EXPLODING_RATIO = 1e2;
/** More than half the units in a flat tail: the probe's diagnosis (diagnosis.ts) uses 0.5 too. */
const SATURATED_LIMIT = 0.5;
/**
 * Dead units: a rise of 0.2 over the layer's first recorded value, or more than half. Looser
 * than diagnoseTraining's 0.05 / 0.15 climb (diagnosis.ts): a recorded layer can be small, and
 * with 16 units one unit is already 6 %.
 */
const DEAD_RISE = 0.2;
const DEAD_LIMIT = 0.5;
/** update:data a decade either side of the lecture's 1e-3. */
const UPDATE_SMALL = 1e-4;
const UPDATE_LARGE = 1e-2;

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** The first step where `test` finds something, with what it found. */
function firstHit<T>(recording: Recording, test: (step: RecordedStep) => T | null) {
  for (const step of recording.steps) {
    const hit = test(step);
    if (hit !== null) return { step: step.step, hit };
  }
  return null;
}

function extreme(layers: RecordedLayerStep[], value: (l: RecordedLayerStep) => number, most = 1) {
  return layers.reduce((a, b) => (most * value(b) > most * value(a) ? b : a));
}

function gradientFinding(recording: Recording, vanishing: boolean): RecordingFinding | null {
  const found = firstHit(recording, (step) => {
    const layers = step.layers
      .filter((l) => finite(l.grad_act_std))
      .sort((a, b) => a.layer - b.layer);
    const [first, last] = [layers[0], layers[layers.length - 1]];
    if (layers.length < 2 || !(last.grad_act_std! > 0)) return null;
    const ratio = first.grad_act_std! / last.grad_act_std!;
    if (vanishing ? ratio >= VANISHING_RATIO : ratio <= EXPLODING_RATIO) return null;
    const worst = extreme(layers, (l) => l.grad_act_std!, vanishing ? -1 : 1);
    return { first, last, ratio, worst };
  });
  if (!found) return null;
  const { first, last, ratio, worst } = found.hit;
  const g = (l: RecordedLayerStep) => formatNumber(l.grad_act_std);
  const verb = vanishing ? 'vanish' : 'explode';
  const inside =
    worst === first || worst === last
      ? ''
      : `, ${vanishing ? 'smallest' : 'largest'} at layer "${worst.name}" (${g(worst)})`;
  return {
    rule: vanishing ? 'vanishing-gradients' : 'exploding-gradients',
    severity: 'problem',
    layer: worst.name,
    step: found.step,
    headline: `Gradients ${verb} toward the input from step ${found.step}: std of ∂L/∂h is ${g(first)} at layer "${first.name}" against ${g(last)} at layer "${last.name}" (ratio ${formatNumber(ratio)})${inside}.`,
    explanation: vanishing
      ? 'Backpropagation multiplies ∂L/∂h by every layer’s weights and local slope on its way down; factors below 1 shrink it geometrically, so the first layers barely learn. Try an initialization matched to the activation (Xavier for tanh, He for ReLU), batch normalization, or a non-saturating activation.'
      : 'Backpropagation multiplies ∂L/∂h by every layer’s weights and local slope on its way down; factors above 1 grow it geometrically until updates overshoot or overflow. Try smaller initial weights (Xavier or He), batch normalization, or a lower learning rate.',
  };
}

function saturatedFinding(recording: Recording): RecordingFinding | null {
  const over = (l: RecordedLayerStep) => finite(l.saturated) && l.saturated > SATURATED_LIMIT;
  const found = firstHit(recording, (step) => {
    const layers = step.layers.filter(over);
    return layers.length ? extreme(layers, (l) => l.saturated!) : null;
  });
  if (!found) return null;
  const layer = found.hit;
  const activation = recording.model.layers.find((l) => l.name === layer.name)?.activation;
  return {
    rule: 'saturated',
    severity: 'problem',
    layer: layer.name,
    step: found.step,
    headline: `Layer "${layer.name}"${activation ? ` (${activation})` : ''} has ${formatPercent(layer.saturated)} of its activations saturated at step ${found.step}.`,
    explanation:
      'tanh and sigmoid are flat in their tails, where the local gradient is nearly zero: saturated units kill the gradient flowing back through them, and the layers below stop learning. Weights too large for the activation, or a too-high learning rate, push inputs there. Try Xavier initialization, batch normalization before the activation, or ReLU.',
  };
}

function deadFinding(recording: Recording): RecordingFinding | null {
  const start = new Map<string, number>();
  const found = firstHit(recording, (step) => {
    const hits = step.layers.filter((l) => {
      if (!finite(l.dead)) return false;
      if (!start.has(l.name)) start.set(l.name, l.dead);
      // 1e-9: 0.3 − 0.1 is 0.19999999999999998 in floating point.
      return l.dead - start.get(l.name)! >= DEAD_RISE - 1e-9 || l.dead > DEAD_LIMIT;
    });
    return hits.length ? extreme(hits, (l) => l.dead!) : null;
  });
  if (!found) return null;
  const layer = found.hit;
  const from = start.get(layer.name)!;
  const change =
    layer.dead! > from
      ? `grew from ${formatPercent(from)} to ${formatPercent(layer.dead)} by step ${found.step}`
      : `are ${formatPercent(layer.dead)} at step ${found.step}`;
  return {
    rule: 'dead-growing',
    severity: 'problem',
    layer: layer.name,
    step: found.step,
    headline: `Dead units in layer "${layer.name}" ${change}: they output zero for the whole batch.`,
    explanation:
      'A dead ReLU never fires on the data, so it gets no gradient and never recovers; too large updates (a too-high learning rate) or a bad initialization knock units off the data cloud. Lower the learning rate, or try leaky ReLU or He initialization.',
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function updateFinding(recording: Recording, small: boolean): RecordingFinding | null {
  const ratios = new Map<string, number[]>();
  for (const step of recording.steps)
    for (const [weight, ratio] of Object.entries(step.update_data))
      if (finite(ratio)) {
        if (!ratios.has(weight)) ratios.set(weight, []);
        ratios.get(weight)!.push(ratio);
      }
  const off = (value: number) => (small ? value < UPDATE_SMALL : value > UPDATE_LARGE);
  const medians = [...ratios].map(([weight, values]) => ({ weight, median: median(values) }));
  const far = medians.filter((m) => off(m.median));
  if (far.length === 0) return null;
  const { weight, median: value } = far.reduce((a, b) => (small === b.median < a.median ? b : a));
  const step = recording.steps.find(
    (s) => finite(s.update_data[weight]) && off(s.update_data[weight]!),
  )!.step;
  const layer = recording.model.layers.find((l) => l.weight === weight)?.name ?? weight;
  const others = far.length > 1 ? ` (${far.length} of ${medians.length} weights)` : '';
  const limit = formatNumber(small ? UPDATE_SMALL : UPDATE_LARGE);
  return {
    rule: small ? 'update-small' : 'update-large',
    severity: 'warning',
    layer,
    step,
    headline: `update:data of ${weight} (layer "${layer}") has median ${formatNumber(value)}, ${small ? 'below' : 'above'} ${limit} from step ${step}${others}.`,
    explanation: small
      ? 'The lecture’s rule of thumb is updates about 1e-3 of the weights’ scale; far below, the learning rate is too low and the loss barely moves. Raise the learning rate, searching in factors of 10.'
      : 'The lecture’s rule of thumb is updates about 1e-3 of the weights’ scale; far above, the learning rate is too high and each step overshoots, so the loss bounces or explodes. Lower the learning rate, searching in factors of 10.',
  };
}

function nonFiniteFinding(recording: Recording): RecordingFinding | null {
  const found = firstHit(recording, (step) => {
    const bad = step.layers.filter((l) => l.non_finite > 0);
    return bad.length ? extreme(bad, (l) => l.layer, -1) : null;
  });
  if (!found) return null;
  const layer = found.hit;
  return {
    rule: 'non-finite',
    severity: 'problem',
    layer: layer.name,
    step: found.step,
    headline: `Layer "${layer.name}" has ${formatNumber(layer.non_finite)} NaN or infinite values at step ${found.step}, the first step with any.`,
    explanation:
      'NaN or Infinity almost always means a too-high learning rate (the lecture: a NaN cost means the updates blew up), or initial weights so large that the forward pass overflows; every number after it is meaningless. Lower the learning rate by a factor of 10, or check the initialization.',
  };
}

/** Every rule's finding over all recorded steps: problems first, then by step. */
export function diagnoseRecording(recording: Recording): RecordingFinding[] {
  const findings = [
    nonFiniteFinding(recording),
    gradientFinding(recording, true),
    gradientFinding(recording, false),
    saturatedFinding(recording),
    deadFinding(recording),
    updateFinding(recording, true),
    updateFinding(recording, false),
  ].filter((finding): finding is RecordingFinding => finding !== null);
  const rank = (f: RecordingFinding) => (f.severity === 'problem' ? 0 : 1);
  return findings.sort((a, b) => rank(a) - rank(b) || a.step - b.step);
}
