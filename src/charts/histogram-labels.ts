import { formatNumber } from '../engine/format';
import { formatCount, formatPow10 } from './format';
import { textWidth } from './theme';
import type { HistogramData } from './types';

/** Text of the histogram chart: tick choice, outlier labels and the aria-label summary. */

export function totalCount(data: HistogramData): number {
  return data.counts.reduce((sum, c) => sum + c, 0) + data.under + data.over + data.nonFinite;
}

/** An x value as labelled: the value itself, or 10^x in log10abs mode. */
export function formatX(data: HistogramData, x: number): string {
  return data.mode === 'log10abs' ? formatPow10(x) : formatNumber(x);
}

export type Anchor = 'start' | 'middle' | 'end';

export interface XTick {
  value: number;
  anchor: Anchor;
}

/** 2–3 ticks: both ends of the range, plus 0 (or a middle decade) when its label fits. */
export function histogramTicks(
  data: HistogramData,
  px: (x: number) => number,
  fontSize: number,
): XTick[] {
  const ends: XTick[] = [
    { value: data.low, anchor: 'start' },
    { value: data.high, anchor: 'end' },
  ];
  const inside = (v: number) => v > data.low && v < data.high;
  const middle = data.mode === 'log10abs' ? Math.round((data.low + data.high) / 2) : 0;
  if (!inside(middle)) return ends;
  const half = textWidth(formatX(data, middle), fontSize) / 2 + 6;
  const fits =
    px(middle) - half > px(data.low) + textWidth(formatX(data, data.low), fontSize) &&
    px(middle) + half < px(data.high) - textWidth(formatX(data, data.high), fontSize);
  return fits ? [ends[0], { value: middle, anchor: 'middle' }, ends[1]] : ends;
}

export interface OutlierLabel {
  key: 'under' | 'nonfinite' | 'over';
  text: string;
  /** Long form, shown as a tooltip. */
  title: string;
  x: number;
  anchor: Anchor;
}

/**
 * Counts outside the range, as labels in the plot's top corners: "◀ 1.2k" left, "3.4k ▶" right,
 * and "NaN 5" just left of the right one (NaN usually means nothing is left in range to hide).
 */
export function outlierLabels(
  data: HistogramData,
  left: number,
  right: number,
  fontSize: number,
): OutlierLabel[] {
  const labels: OutlierLabel[] = [];
  const zeros = data.mode === 'log10abs' ? ' or exactly 0' : '';
  if (data.under > 0) {
    const n = formatCount(data.under);
    labels.push({
      key: 'under',
      text: `◀ ${n}`,
      title: `${n} below the range${zeros}`,
      x: left,
      anchor: 'start',
    });
  }
  let x = right;
  if (data.over > 0) {
    const n = formatCount(data.over);
    labels.push({ key: 'over', text: `${n} ▶`, title: `${n} above the range`, x, anchor: 'end' });
    x -= textWidth(`${n} ▶`, fontSize) + 8;
  }
  if (data.nonFinite > 0) {
    const n = formatCount(data.nonFinite);
    labels.push({
      key: 'nonfinite',
      text: `NaN ${n}`,
      title: `${n} not finite (NaN or ±∞)`,
      x,
      anchor: 'end',
    });
  }
  return labels;
}

/** One or two sentences a screen reader says for the chart (the page also has a table). */
export function describeHistogram(
  data: HistogramData | null,
  label: string,
  xTitle: string | undefined,
  logCounts: boolean,
): string {
  if (data === null) return `${label}: computing…`;
  const of = data.mode === 'log10abs' ? 'of the magnitudes (log scale) of' : 'of';
  const what = xTitle ? ` (${xTitle})` : '';
  const parts = [
    `${label}: histogram ${of} ${formatCount(totalCount(data))} values${what}, ` +
      `from ${formatX(data, data.low)} to ${formatX(data, data.high)}`,
  ];
  let peak = 0;
  data.counts.forEach((c, i) => {
    if (c > data.counts[peak]) peak = i;
  });
  const binWidth = (data.high - data.low) / Math.max(1, data.counts.length);
  if (data.counts[peak] > 0) {
    parts.push(`most near ${formatX(data, data.low + (peak + 0.5) * binWidth)}`);
  } else {
    parts.push('none in range');
  }
  for (const outlier of outlierLabels(data, 0, 0, 0)) parts.push(outlier.title);
  if (logCounts) parts.push('bar heights on a log scale');
  return `${parts.join('; ')}.`;
}
