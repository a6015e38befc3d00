// Using interrupt (from d3-transition) also makes bundlers keep d3-transition's side effect, which
// adds selection.transition(): d3 is marked side-effect free, so an unused module would be dropped.
import { interrupt, local, scaleLinear } from 'd3';
import {
  describeHistogram,
  outlierLabels,
  totalCount,
  type OutlierLabel,
} from './histogram-labels';
import { drawHistogramAxis, TICK } from './histogram-axis';
import { child, prepareSvg, withHalo } from './svg';
import { chartColors, fontSizeFor, motionMs } from './theme';
import type { HistogramData, Size } from './types';

export interface HistogramOptions {
  /** Fill colour, normally chartColors.act or chartColors.grad. */
  color: string;
  /** What the histogram is of, e.g. 'Layer 3 activations'; starts the aria-label. */
  label: string;
  /** Axis title, drawn when the chart is tall enough (≥ 100 px), else only in the aria-label. */
  xTitle?: string;
  /**
   * Bar heights ∝ log(1 + count) instead of count. Off by default: a linear count axis shows the
   * true shape (a Gaussian looks Gaussian, as in the lecture). Turn it on where one bin holds most
   * of the mass, e.g. ReLU's dead units all at 0: linearly, a 50 % spike flattens every other bar
   * to a pixel; log(1 + n) keeps a 1000:1 spike to ~3:1 and an empty bin still at 0. (A square
   * root only brings 1000:1 down to ~32:1, which still hides a 1 % tail.)
   */
  logCounts?: boolean;
  /**
   * An outline drawn over the bars on the same axes (A/B compare), rescaled to the same total so
   * two batch sizes compare as shapes. Drawn in the text colour: it must stand out on both the
   * blue and the vermillion fills, which no third hue does for every colour-blind viewer.
   */
  compare?: HistogramData | null;
  /**
   * Tween the bars to their new shape (default). Off while training: frames arrive 20 times a
   * second, and a tween per frame per chart only costs the main thread time.
   */
  animate?: boolean;
}

/** Bar heights last drawn into each path (fractions of the plot height), to tween from. */
const drawnHeights = local<number[]>();

/** Pixel coordinates to 0.01 px: shorter path strings, nothing visible lost. */
function r2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Stepped outline over n equal bins spanning [x0, x1]: a closed area, or an open line. */
function stepPath(x0: number, x1: number, base: number, tops: number[], closed: boolean): string {
  const n = tops.length;
  if (n === 0) return '';
  const w = (x1 - x0) / n;
  const parts = [closed ? `M${r2(x0)},${r2(base)}` : `M${r2(x0)},${r2(tops[0])}`];
  for (let i = 0; i < n; i++) {
    const y = r2(tops[i]);
    parts.push(`L${r2(x0 + i * w)},${y}L${r2(x0 + (i + 1) * w)},${y}`);
  }
  if (closed) parts.push(`L${r2(x1)},${r2(base)}Z`);
  return parts.join('');
}

/**
 * Draws (or redraws in place) the histogram of one layer's activations or gradients: bars, a thin
 * x axis with 2–3 ticks, and the counts that fell outside the range. `data === null` means the
 * worker has not answered yet: an empty frame says "computing…". Works from ~170×48 px up.
 */
export function drawHistogram(
  svg: SVGSVGElement,
  data: HistogramData | null,
  size: Size,
  options: HistogramOptions,
): void {
  const fontSize = fontSizeFor(size.width, size.height);
  const ariaLabel = describeHistogram(data, options.label, options.xTitle, !!options.logCounts);
  const root = prepareSvg(svg, size, ariaLabel, fontSize);
  const showTitle = options.xTitle !== undefined && size.height >= 100;
  const left = 1;
  const right = Math.max(left + 1, size.width - 1);
  const top = 2;
  const axisHeight = TICK + fontSize + 4 + (showTitle ? fontSize + 4 : 0);
  const base = Math.max(top + 1, Math.round(size.height - axisHeight) - 0.5);

  const placeholder = child(root, 'g', 'placeholder').attr('display', data ? 'none' : null);
  child(placeholder, 'rect', 'frame')
    .attr('x', left + 0.5)
    .attr('y', top + 0.5)
    .attr('width', right - left - 1)
    .attr('height', base - top)
    .attr('rx', 3)
    .style('fill', 'none')
    .style('stroke', chartColors.grid);
  child(placeholder, 'text', 'message')
    .attr('x', (left + right) / 2)
    .attr('y', (top + base) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .style('fill', chartColors.muted)
    .style('font-style', 'italic')
    .text('computing…');

  const plot = child(root, 'g', 'plot').attr('display', data ? null : 'none');
  if (data === null) return;

  const x = scaleLinear().domain([data.low, data.high]).range([left, right]);
  const compare = options.compare ?? null;
  const compareScale = compare ? totalCount(data) / Math.max(1, totalCount(compare)) : 0;
  const compareCounts = compare ? compare.counts.map((c) => c * compareScale) : [];
  const maxCount = Math.max(1, ...data.counts, ...compareCounts);
  const fraction = options.logCounts
    ? (c: number) => Math.log1p(c) / Math.log1p(maxCount)
    : (c: number) => c / maxCount;
  const plotHeight = base - top;
  // A bin that holds anything gets at least one pixel: a thin tail is data, not noise.
  const heightOf = (c: number) => (c > 0 ? Math.max(fraction(c), 1 / plotHeight) : 0);
  const heights = data.counts.map(heightOf);
  const tops = (hs: number[]) => hs.map((h) => base - h * plotHeight);

  const bars = child(plot, 'path', 'bars').style('fill', options.color).style('fill-opacity', 0.85);
  const barsNode = bars.node();
  const previous = (barsNode && drawnHeights.get(barsNode)) || [];
  if (barsNode) drawnHeights.set(barsNode, heights);
  const duration = options.animate === false ? 0 : motionMs(150);
  if (barsNode) interrupt(barsNode, 'bars');
  if (duration > 0 && previous.length === heights.length) {
    const between = (t: number) => heights.map((h, i) => previous[i] + (h - previous[i]) * t);
    bars
      .transition('bars')
      .duration(duration)
      .attrTween('d', () => (t) => stepPath(left, right, base, tops(between(t)), true));
  } else {
    bars.attr('d', stepPath(left, right, base, tops(heights), true));
  }

  const overlay = child(plot, 'path', 'compare')
    .attr('display', compare ? null : 'none')
    .style('fill', 'none')
    .style('stroke', chartColors.text)
    .attr('stroke-width', 1.25)
    .attr('stroke-linejoin', 'round');
  if (compare) {
    const clamp = (v: number) => Math.min(right, Math.max(left, x(v)));
    const compareTops = tops(compareCounts.map(heightOf));
    overlay.attr('d', stepPath(clamp(compare.low), clamp(compare.high), base, compareTops, false));
  } else {
    overlay.attr('d', null);
  }

  drawHistogramAxis(plot, data, x, left, right, base, fontSize);

  child(plot, 'text', 'x-title')
    .attr('display', showTitle ? null : 'none')
    .attr('x', (left + right) / 2)
    .attr('y', size.height - 3)
    .attr('text-anchor', 'middle')
    .style('fill', chartColors.muted)
    .text(options.xTitle ?? '');

  // Drawn last, over the bars, with a halo: corners are where the bars are usually lowest.
  const empty = data.counts.every((c) => c === 0);
  // Centred below the outlier labels' line, which it would otherwise touch on a 48 px chart.
  withHalo(child(plot, 'text', 'empty'))
    .attr('display', empty ? null : 'none')
    .attr('x', (left + right) / 2)
    .attr('y', (top + fontSize + base) / 2 + 1)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .style('fill', chartColors.muted)
    .text('none in range');
  withHalo(
    child(plot, 'g', 'outliers')
      .selectAll<SVGTextElement, OutlierLabel>('text')
      .data(outlierLabels(data, left + 2, right - 2, fontSize), (d) => d.key)
      .join((enter) =>
        enter
          .append('text')
          .attr('dy', '0.71em')
          .call((t) => t.append('tspan'))
          .call((t) => t.append('title')),
      ),
  )
    .attr('x', (d) => d.x)
    .attr('y', top + 1)
    .attr('text-anchor', (d) => d.anchor)
    .style('fill', chartColors.text)
    .style('font-weight', 600)
    .call((t) => t.select('tspan').text((d) => d.text))
    .call((t) => t.select('title').text((d) => d.title));
}
