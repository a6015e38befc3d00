import { line, select, type ScaleLinear } from 'd3';
import { child, type Group } from './svg';
import { chartColors } from './theme';

/**
 * Axes and series shared by the depth chart and the line chart. Everything is drawn with keyed
 * joins into fixed groups, so a redraw updates in place. No transitions here: these charts are
 * redrawn as results stream in (layer by layer, or every training step), and a tween that is
 * restarted every frame only makes the line lag behind the numbers beside it.
 */

export interface Tick {
  value: number;
  label: string;
}

export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PlotSeries {
  key: string;
  color: string;
  /** y === null (or, on a log axis, ≤ 0 / not finite) leaves a gap. */
  points: { x: number; y: number | null }[];
  dash?: string;
  marker?: 'dot' | 'hollow';
  lineWidth?: number;
}

const TICK = 3;
type Scale = ScaleLinear<number, number>;

/** Horizontal grid lines with labels left of the plot. */
export function drawYAxis(parent: Group, ticks: Tick[], y: Scale, frame: Frame): void {
  const rows = child(parent, 'g', 'y-axis')
    .selectAll<SVGGElement, Tick>('g.tick')
    .data(ticks, (d) => d.value)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'tick');
      g.append('line');
      g.append('text').attr('dy', '0.35em').attr('text-anchor', 'end');
      return g;
    })
    .attr('transform', (d) => `translate(0,${Math.round(y(d.value)) + 0.5})`);
  rows
    .select('line')
    .attr('x1', frame.left - TICK)
    .attr('x2', frame.right)
    .style('stroke', chartColors.grid);
  rows
    .select('text')
    .attr('x', frame.left - TICK - 2)
    .style('fill', chartColors.text)
    .text((d) => d.label);
}

/** Axis line along the bottom of the plot with tick marks and centred labels. */
export function drawXAxis(parent: Group, ticks: Tick[], x: Scale, frame: Frame): void {
  const axis = child(parent, 'g', 'x-axis');
  child(axis, 'line', 'domain')
    .attr('x1', frame.left)
    .attr('x2', frame.right)
    .attr('y1', frame.bottom + 0.5)
    .attr('y2', frame.bottom + 0.5)
    .style('stroke', chartColors.axis);
  const cols = axis
    .selectAll<SVGGElement, Tick>('g.tick')
    .data(ticks, (d) => d.value)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'tick');
      g.append('line').attr('y2', TICK);
      g.append('text')
        .attr('y', TICK + 2)
        .attr('dy', '0.71em')
        .attr('text-anchor', 'middle');
      return g;
    })
    .attr('transform', (d) => `translate(${Math.round(x(d.value)) + 0.5},${frame.bottom})`);
  cols.select('line').style('stroke', chartColors.axis);
  cols
    .select('text')
    .style('fill', chartColors.text)
    .text((d) => d.label);
}

/** Axis titles: x centred under the tick labels, y rotated along the left edge. Empty hides. */
export function drawAxisTitles(
  parent: Group,
  xTitle: string,
  yTitle: string,
  frame: Frame,
  height: number,
): void {
  child(parent, 'text', 'x-title')
    .attr('x', (frame.left + frame.right) / 2)
    .attr('y', height - 3)
    .attr('text-anchor', 'middle')
    .style('fill', chartColors.muted)
    .text(xTitle);
  child(parent, 'text', 'y-title')
    .attr('transform', `translate(2,${(frame.top + frame.bottom) / 2}) rotate(-90)`)
    .attr('dy', '0.71em')
    .attr('text-anchor', 'middle')
    .style('fill', chartColors.muted)
    .text(yTitle);
}

/**
 * Lines (with gaps where a value is missing) and optional markers, one group per series key.
 * `toY` maps a value to pixels or returns null for values the axis cannot show.
 */
export function drawSeries(
  parent: Group,
  series: PlotSeries[],
  x: Scale,
  toY: (value: number | null) => number | null,
  radius: number,
): void {
  const path = line<{ x: number; y: number | null }>()
    .defined((p) => Number.isFinite(p.x) && toY(p.y) !== null)
    .x((p) => x(p.x))
    .y((p) => toY(p.y) ?? 0);
  const groups = child(parent, 'g', 'series')
    .selectAll<SVGGElement, PlotSeries>('g.line')
    .data(series, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'line');
      g.append('path').attr('fill', 'none').attr('stroke-linejoin', 'round');
      return g;
    });
  groups
    .select('path')
    .attr('d', (d) => path(d.points) ?? '')
    .style('stroke', (d) => d.color)
    .attr('stroke-width', (d) => d.lineWidth ?? 2)
    .attr('stroke-dasharray', (d) => d.dash ?? null);
  groups.each(function (d) {
    const markers = d.marker ? d.points.filter((p) => toY(p.y) !== null) : [];
    const hollow = d.marker === 'hollow';
    // Filled dots get a rim in the background colour so crossing lines do not merge with them.
    child(select(this), 'g', 'markers')
      .selectAll<SVGCircleElement, { x: number; y: number | null }>('circle')
      .data(markers, (p) => p.x)
      .join('circle')
      .attr('cx', (p) => x(p.x))
      .attr('cy', (p) => toY(p.y) ?? 0)
      .attr('r', hollow ? radius * 0.9 : radius)
      .style('fill', hollow ? chartColors.background : d.color)
      .style('stroke', hollow ? d.color : chartColors.background)
      .attr('stroke-width', hollow ? 1.5 : 1);
  });
}

/**
 * One transparent column per layer over the plot, carrying data-layer, so a panel can find the
 * layer under a click by delegation (the chart stays a function of its data). `active` (a layer
 * chosen from the keyboard) is tinted, so the focus shows on the chart itself.
 */
export function drawLayerColumns(
  parent: Group,
  layers: number,
  x: Scale,
  frame: Frame,
  active: number | null,
): void {
  const width = layers > 1 ? Math.abs(x(2) - x(1)) : frame.right - frame.left;
  const left = (d: number) => Math.max(frame.left, x(d) - width / 2);
  const right = (d: number) => Math.min(frame.right, x(d) + width / 2);
  const columns = Array.from({ length: layers }, (_, i) => i + 1);
  child(parent, 'g', 'layer-columns')
    .selectAll<SVGRectElement, number>('rect')
    .data(columns, (d) => d)
    .join('rect')
    .attr('class', (d) => (d === active ? 'layer-column active' : 'layer-column'))
    .attr('data-layer', (d) => d)
    .attr('x', left)
    .attr('width', (d) => Math.max(0, right(d) - left(d)))
    .attr('y', frame.top)
    .attr('height', Math.max(0, frame.bottom - frame.top))
    .style('fill', (d) => (d === active ? chartColors.text : 'transparent'))
    .style('fill-opacity', (d) => (d === active ? 0.12 : null))
    .style('cursor', 'pointer');
}
