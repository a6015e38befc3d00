/** The x axis of a histogram-shaped chart (histogram, ridgeline): baseline, ticks, labels. */
import type { Selection } from 'd3';
import { formatX, histogramTicks, type XTick } from './histogram-labels';
import { child } from './svg';
import { chartColors } from './theme';
import type { HistogramData } from './types';

/** Tick length in pixels. */
export const TICK = 3;

export function drawHistogramAxis(
  plot: Selection<SVGGElement, unknown, null, undefined>,
  data: HistogramData,
  x: (value: number) => number,
  left: number,
  right: number,
  base: number,
  fontSize: number,
): void {
  child(plot, 'line', 'baseline')
    .attr('x1', left)
    .attr('x2', right)
    .attr('y1', base)
    .attr('y2', base)
    .style('stroke', chartColors.axis);

  const ticks = child(plot, 'g', 'ticks')
    .selectAll<SVGGElement, XTick>('g.tick')
    .data(histogramTicks(data, x, fontSize), (d) => d.anchor)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'tick');
      g.append('line').attr('y2', TICK);
      g.append('text')
        .attr('y', TICK + 1)
        .attr('dy', '0.71em');
      return g;
    })
    .attr('transform', (d) => `translate(${Math.round(x(d.value)) + 0.5},${base})`);
  ticks.select('line').style('stroke', chartColors.axis);
  ticks
    .select('text')
    .attr('text-anchor', (d) => d.anchor)
    .style('fill', chartColors.text)
    .text((d) => formatX(data, d.value));
}
