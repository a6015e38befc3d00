/**
 * What differs between two probes (A pinned, B current): the settings that changed, then the
 * layers whose statistics moved the most, in words such as "layer 10 std: 0.02 → 0.64".
 */
import type { NetworkConfig } from './config';
import { formatNumber, formatPercent } from './format';
import type { LayerStats } from './stats';

const FIELDS: [keyof NetworkConfig, string][] = [
  ['activation', 'activation'],
  ['init', 'init'],
  ['initScale', 'init scale'],
  ['batchnorm', 'batchnorm'],
  ['depth', 'layers'],
  ['width', 'units'],
  ['biasInit', 'bias init'],
  ['seed', 'seed'],
];

/** log-ratio distance, so 0.02 → 0.2 counts as much as 2 → 20. */
const logDistance = (a: number, b: number) =>
  Math.abs(Math.log10(Math.max(a, 1e-30)) - Math.log10(Math.max(b, 1e-30)));

export function describeDifferences(
  configA: NetworkConfig,
  configB: NetworkConfig,
  a: LayerStats[],
  b: LayerStats[],
  limit = 5,
): string[] {
  const lines: string[] = [];
  for (const [key, label] of FIELDS) {
    if ((configA[key] ?? 0) !== (configB[key] ?? 0))
      lines.push(`${label}: ${String(configA[key] ?? 0)} → ${String(configB[key] ?? 0)}`);
  }
  const changes: { score: number; text: string }[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const layer = i + 1;
    changes.push({
      score: logDistance(a[i].act.std, b[i].act.std),
      text: `layer ${layer} std: ${formatNumber(a[i].act.std)} → ${formatNumber(b[i].act.std)}`,
    });
    if (Number.isFinite(a[i].grad_act_std) && Number.isFinite(b[i].grad_act_std)) {
      changes.push({
        score: logDistance(a[i].grad_act_std, b[i].grad_act_std),
        text: `layer ${layer} ∂L/∂h std: ${formatNumber(a[i].grad_act_std)} → ${formatNumber(b[i].grad_act_std)}`,
      });
    }
    // A fraction that moved by 10 points weighs like a tenfold change of a std.
    const saturated = Math.abs(a[i].saturated - b[i].saturated);
    if (saturated > 0.1)
      changes.push({
        score: saturated * 10,
        text: `layer ${layer} saturated: ${formatPercent(a[i].saturated)} → ${formatPercent(b[i].saturated)}`,
      });
    const dead = Math.abs(a[i].dead - b[i].dead);
    if (dead > 0.1)
      changes.push({
        score: dead * 10,
        text: `layer ${layer} dead: ${formatPercent(a[i].dead)} → ${formatPercent(b[i].dead)}`,
      });
  }
  changes.sort((x, y) => y.score - x.score);
  for (const change of changes.slice(0, limit)) if (change.score > 0.05) lines.push(change.text);
  if (a.length !== b.length)
    lines.push(
      `A has ${a.length} layers, B ${b.length}: compared up to layer ${Math.min(a.length, b.length)}`,
    );
  return lines;
}
