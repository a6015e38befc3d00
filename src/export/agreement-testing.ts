/**
 * What the agreement tests (probe-agreement.test.ts, pytorch-agreement.test.ts) hold the exported
 * scripts' statistics against ours on: every per-layer statistic of docs/statistics.md, with the
 * kind of tolerance it takes, and the spread of a statistic over our engine's other seeds.
 */
import type { LayerStats } from '../engine/stats';

/** Which floor a statistic's tolerance gets (each test sets the floors). */
export type StatisticKind = 'std' | 'mean' | 'fraction';

export const AGREEMENT_STATISTICS: [string, StatisticKind, (s: LayerStats) => number][] = [
  ['preact.mean', 'mean', (s) => s.preact.mean],
  ['preact.std', 'std', (s) => s.preact.std],
  ['act.mean', 'mean', (s) => s.act.mean],
  ['act.std', 'std', (s) => s.act.std],
  ['saturated', 'fraction', (s) => s.saturated],
  ['dead', 'fraction', (s) => s.dead],
  ['grad_act_std', 'std', (s) => s.grad_act_std],
  ['grad_w_std', 'std', (s) => s.grad_w_std],
  ['w_std', 'std', (s) => s.w_std],
];

/** The sample std (n − 1) of a statistic over seeds. */
export function sampleStd(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}
