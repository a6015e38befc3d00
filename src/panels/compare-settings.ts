/**
 * The compare panel's words for the settings that came after the lecture (residual connections,
 * branch scale, layer normalization and its place, dropout, AdamW's weight decay): a one-line
 * summary of A and of B, and "what differs" lines beside the engine's own (src/engine/compare.ts).
 */
import type { NetworkConfig } from '../engine/config';
import type { PageState } from '../store/page-state';
import { ACTIVATION_LABELS, BRANCH_SCALE_LABELS, INIT_LABELS } from './labels';

const onOff = (on: boolean | undefined) => (on ? 'on' : 'off');

/** Each new setting: its label in the list, and its value in words (its default when absent). */
const AFTER_LECTURE: [string, (c: NetworkConfig) => string][] = [
  ['residual', (c) => onOff(c.residual)],
  ['branch scale', (c) => BRANCH_SCALE_LABELS[c.branchScale ?? 'one']],
  ['layernorm', (c) => onOff(c.layernorm)],
  ['norm place', (c) => c.normPosition ?? 'inside'],
  ['dropout', (c) => String(c.dropout ?? 0)],
  ['dropout in probe', (c) => onOff(c.dropoutInProbe)],
];

/** "residual: off → on" for each new setting A and B set differently. */
export function settingDifferences(a: NetworkConfig, b: NetworkConfig): string[] {
  return AFTER_LECTURE.filter(([, value]) => value(a) !== value(b)).map(
    ([label, value]) => `${label}: ${value(a)} → ${value(b)}`,
  );
}

/**
 * The engine's lines with ours after its settings and before its layer statistics; a label the
 * engine already names is not repeated.
 */
export function withSettingDifferences(
  engineLines: string[],
  a: NetworkConfig,
  b: NetworkConfig,
): string[] {
  const named = new Set(engineLines.map((line) => line.split(':')[0]));
  const ours = settingDifferences(a, b).filter((line) => !named.has(line.split(':')[0]));
  const firstStatistic = engineLines.findIndex((line) => /^(layer \d|A has)/.test(line));
  const at = firstStatistic < 0 ? engineLines.length : firstStatistic;
  return [...engineLines.slice(0, at), ...ours, ...engineLines.slice(at)];
}

/** "ReLU, He, layernorm (pre), residual α = 1/√L, dropout 0.1, 10×500". */
export function networkSummary(c: NetworkConfig): string {
  const parts = [ACTIVATION_LABELS[c.activation], INIT_LABELS[c.init]];
  const place = c.normPosition && c.normPosition !== 'inside' ? ` (${c.normPosition})` : '';
  if (c.batchnorm) parts.push(`batchnorm${place}`);
  if (c.layernorm) parts.push(`layernorm${place}`);
  if (c.residual) parts.push(`residual α = ${BRANCH_SCALE_LABELS[c.branchScale ?? 'one']}`);
  if (c.dropout) parts.push(`dropout ${c.dropout}${c.dropoutInProbe ? ' (in the probe too)' : ''}`);
  parts.push(`${c.depth}×${c.width}`);
  return parts.join(', ');
}

/** ", rate 0.1 (adam, weight decay 0.01)" for a training comparison. */
export function trainingSummary(training: PageState['training']): string {
  const decay = training.weightDecay ? `, weight decay ${training.weightDecay}` : '';
  return `, rate ${training.learningRate} (${training.optimizer}${decay})`;
}
