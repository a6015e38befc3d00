/**
 * The gradient-flow chart's figures and words, apart from the drawing (gradient-flow.ts) so they
 * are tested without a DOM.
 */
import { formatNumber } from '../engine/format';

/** Per hidden layer (index 0 = layer 1); null = its gradient has not arrived yet. */
export interface GradientFlowData {
  layers: number;
  /** std of ∂L/∂W per element. */
  wGradStd: (number | null)[];
  /** std of ∂L/∂h per element. */
  actGradStd: (number | null)[];
}

/** Layer 1 against the last (top) hidden layer, for both gradients. */
export interface FlowSummary {
  wFirst: number | null;
  wLast: number | null;
  hFirst: number | null;
  hLast: number | null;
  /** wFirst / wLast, or null until both are known (or when the top's is 0 or not finite). */
  ratio: number | null;
  /** The ratio in words: "layer 1 gets 2e−6 of the top layer's ∂L/∂W". */
  words: string;
}

function finite(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** "layer 1 gets 2e−6 of the top layer's ∂L/∂W" (or "30×", "none", "not yet"). */
export function ratioWords(first: number | null, last: number | null, layers: number): string {
  if (layers <= 1) return 'one layer: layer 1 is the top layer';
  if (first === null || last === null) return "waiting for layer 1's gradient";
  if (!finite(first) || !finite(last)) return 'the gradient is not finite';
  if (first === 0 && last === 0) return '∂L/∂W is 0 at layer 1 and at the top layer';
  if (last === 0) return "the top layer's ∂L/∂W is 0: no ratio";
  if (first === 0) return 'layer 1 gets no gradient at all';
  const ratio = first / last;
  // One significant digit is the glance this is for; the attributes keep full precision.
  if (ratio < 1) return `layer 1 gets ${formatNumber(ratio, 1)} of the top layer's ∂L/∂W`;
  return `layer 1 gets ${formatNumber(ratio, 2)}× the top layer's ∂L/∂W`;
}

export function flowSummary(data: GradientFlowData): FlowSummary {
  const n = Math.max(0, Math.floor(data.layers));
  const at = (values: (number | null)[], i: number) => (n > 0 ? (values[i] ?? null) : null);
  const wFirst = at(data.wGradStd, 0);
  const wLast = at(data.wGradStd, n - 1);
  const usable = finite(wFirst) && finite(wLast) && wLast > 0;
  return {
    wFirst,
    wLast,
    hFirst: at(data.actGradStd, 0),
    hLast: at(data.actGradStd, n - 1),
    ratio: usable ? wFirst / wLast : null,
    words: ratioWords(wFirst, wLast, n),
  };
}

function range(name: string, values: (number | null)[], layers: number): string {
  const first = values[0];
  const last = values[layers - 1];
  const known = values.filter((v) => v !== null).length;
  if (known === 0) return `${name} not computed yet`;
  return `${name} ${formatNumber(first)} (layer 1) to ${formatNumber(last)} (layer ${layers})`;
}

/** The svg's accessible name: both ranges and the ratio in words. */
export function describeFlow(data: GradientFlowData): string {
  const n = Math.max(1, Math.floor(data.layers));
  return (
    `Gradient std by layer, log scale, ${n} layers. ` +
    `${range('∂L/∂W', data.wGradStd, n)}; ${range('∂L/∂h', data.actGradStd, n)}; ` +
    `${flowSummary(data).words}.`
  );
}
