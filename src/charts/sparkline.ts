import { extent, scaleLinear, type ScaleLinear } from 'd3';
import { formatNumber } from '../engine/format';
import { formatPow10 } from './format';
import { child, drawLegend, prepareSvg, withHalo, type LegendItem } from './svg';
import { chartColors, fontSizeFor, guideDash, textWidth, theoryDash } from './theme';
import { linearYRange } from './line-axis';
import { decadeDomain, decadeTicks } from './ticks';
import type { Size } from './types';
import { drawAxisTitles, drawSeries, drawXAxis, drawYAxis, type Frame, type Tick } from './xy-plot';

export interface LineSeries {
  name: string;
  color: string;
  /** In increasing x. Non-finite y (and, with logY, y ≤ 0) leave a gap. */
  values: { x: number; y: number }[];
  dashed?: boolean;
}

export interface LineChartData {
  series: LineSeries[];
  xTitle: string;
  yTitle: string;
  logY?: boolean;
  /** A horizontal reference, e.g. { y: 1e-3, label: 'update:data ≈ 1e−3' }. */
  guide?: { y: number; label: string };
  /** A fixed linear y range, whatever the values (FRACTION_DOMAIN for fractions). */
  yDomain?: readonly [number, number];
}

export { FRACTION_DOMAIN } from './line-axis';

/** Below these sizes the chart drops its axis titles (they stay in the aria-label). */
const COMPACT_WIDTH = 240;
const COMPACT_HEIGHT = 120;

function describe(data: LineChartData): string {
  const parts = data.series.map((s) => {
    const finite = s.values.filter((p) => Number.isFinite(p.y));
    if (finite.length === 0) return `${s.name}: no values yet`;
    const last = finite[finite.length - 1];
    const [min, max] = extent(finite, (p) => p.y) as [number, number];
    return (
      `${s.name}: ${formatNumber(last.y, 3)} at ${data.xTitle} ${formatNumber(last.x, 3)}` +
      ` (range ${formatNumber(min, 3)} to ${formatNumber(max, 3)})`
    );
  });
  if (parts.length === 0) parts.push('no data yet');
  if (data.guide) parts.push(`guide line ${data.guide.label} at ${formatNumber(data.guide.y, 3)}`);
  return `${data.yTitle} by ${data.xTitle}${data.logY ? ', log scale' : ''}. ${parts.join('; ')}.`;
}

/** y axis: whole decades on a log axis, else linearYRange made nice; both in few ticks. */
function yAxis(data: LineChartData, values: number[], maxTicks: number) {
  if (data.logY) {
    const [lo, hi] = decadeDomain(values) ?? [-4, 0];
    const ticks: Tick[] = decadeTicks(lo, hi, maxTicks).map((e) => ({
      value: e,
      label: formatPow10(e),
    }));
    const toValue = (v: number | null) =>
      v !== null && Number.isFinite(v) && v > 0 ? Math.log10(v) : null;
    return { domain: [lo, hi], ticks, toValue };
  }
  const scale = scaleLinear().domain(linearYRange(values, data.yDomain)).nice(maxTicks);
  let tickValues = scale.ticks(maxTicks);
  // d3 treats the count as a hint; thin to every other tick when it gives too many.
  if (tickValues.length > maxTicks) tickValues = tickValues.filter((_, i) => i % 2 === 0);
  const ticks: Tick[] = tickValues.map((v) => ({ value: v, label: formatNumber(v) }));
  const toValue = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);
  return { domain: scale.domain(), ticks, toValue };
}

/** d3's nice ticks, as many as fit with a clear gap, and never more than 6 (a time axis needs few). */
function fittingTicks(x: ScaleLinear<number, number>, width: number, fontSize: number): Tick[] {
  for (let count = 6; count >= 2; count--) {
    const ticks = x.ticks(count).map((v) => ({ value: v, label: formatNumber(v) }));
    const widest = Math.max(...ticks.map((t) => textWidth(t.label, fontSize)));
    if (ticks.length <= 6 && ticks.length * (widest + 2 * fontSize) <= width) return ticks;
  }
  return x
    .ticks(2)
    .slice(0, 2)
    .map((v) => ({ value: v, label: formatNumber(v) }));
}

/**
 * Draws (or redraws in place) a small time-series chart: one or more lines over a shared x,
 * optionally on a log y axis, with an optional labelled horizontal guide (the 1e−3 rule).
 * Works from ~170×70 px (compact: no axis titles) up.
 */
export function drawLineChart(svg: SVGSVGElement, data: LineChartData, size: Size): void {
  const fontSize = fontSizeFor(size.width, size.height);
  const root = prepareSvg(svg, size, describe(data), fontSize);
  const compact = size.width < COMPACT_WIDTH || size.height < COMPACT_HEIGHT;

  const legendItems: LegendItem[] =
    data.series.length > 1
      ? data.series.map((s) => ({
          label: s.name,
          color: s.color,
          dash: s.dashed ? theoryDash : undefined,
        }))
      : [];
  const legend = child(root, 'g', 'legend').attr('transform', 'translate(2,0)');
  const legendHeight = drawLegend(legend, legendItems, size.width - 4, fontSize);

  const titleRoom = compact ? 0 : fontSize + 6;
  const top = legendHeight + Math.ceil(fontSize / 2) + 2;
  const bottom = size.height - (3 + fontSize + 5 + titleRoom);
  const plotHeight = Math.max(10, bottom - top);

  const ys = data.series.flatMap((s) => s.values.map((p) => p.y));
  if (data.guide) ys.push(data.guide.y);
  const maxYTicks = Math.max(2, Math.min(5, Math.floor(plotHeight / (fontSize * 1.8)) + 1));
  const axis = yAxis(data, ys, maxYTicks);
  const labelWidth = Math.max(...axis.ticks.map((t) => textWidth(t.label, fontSize)), fontSize);

  const xs = data.series.flatMap((s) => s.values.map((p) => p.x)).filter(Number.isFinite);
  let [x0, x1] = xs.length ? (extent(xs) as [number, number]) : [0, 1];
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  // A tick at the last x is centred on the frame's edge: keep room for half its label.
  const lastLabelHalf = textWidth(formatNumber(x1), fontSize) / 2;
  const right = size.width - Math.max(6, Math.ceil(lastLabelHalf) + 2);
  const frame: Frame = { left: titleRoom + labelWidth + 6, right, top, bottom };
  const x = scaleLinear().domain([x0, x1]).range([frame.left, frame.right]);
  const y = scaleLinear().domain(axis.domain).range([frame.bottom, frame.top]);
  const toY = (v: number | null) => {
    const value = axis.toValue(v);
    return value === null ? null : y(value);
  };

  const xTicks = fittingTicks(x, frame.right - frame.left, fontSize);

  const plot = child(root, 'g', 'plot');
  drawYAxis(plot, axis.ticks, y, frame);
  drawXAxis(plot, xTicks, x, frame);
  drawAxisTitles(plot, compact ? '' : data.xTitle, compact ? '' : data.yTitle, frame, size.height);

  const guideY = data.guide ? toY(data.guide.y) : null;
  const guide = child(plot, 'g', 'guide').attr('display', guideY === null ? 'none' : null);
  child(guide, 'line', 'rule')
    .attr('x1', frame.left)
    .attr('x2', frame.right)
    .attr('y1', guideY ?? 0)
    .attr('y2', guideY ?? 0)
    .style('stroke', chartColors.theory)
    .attr('stroke-dasharray', guideDash)
    .attr('stroke-width', 1.25);
  // Above the rule unless that would leave the plot, then below it.
  const above = guideY !== null && guideY - fontSize - 3 >= frame.top - 2;
  withHalo(child(guide, 'text', 'label'))
    .attr('x', frame.right - 2)
    .attr('y', (guideY ?? 0) + (above ? -3 : 3))
    .attr('dy', above ? '0' : '0.71em')
    .attr('text-anchor', 'end')
    .style('fill', chartColors.theory)
    .text(data.guide?.label ?? '');

  const hasPoints = data.series.some((s) => s.values.some((p) => toY(p.y) !== null));
  child(plot, 'text', 'empty')
    .attr('display', hasPoints ? 'none' : null)
    .attr('x', (frame.left + frame.right) / 2)
    .attr('y', (frame.top + frame.bottom) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .style('fill', chartColors.muted)
    .style('font-style', 'italic')
    .text('no data yet');

  const series = data.series.map((s) => ({
    key: s.name,
    color: s.color,
    points: s.values,
    dash: s.dashed ? theoryDash : undefined,
    lineWidth: 1.75,
  }));
  drawSeries(plot, series, x, toY, 0);
}
