import { describeFlow, flowSummary, type GradientFlowData } from './gradient-flow-summary';
import { child, drawLegend, type Group, prepareSvg } from './svg';
import { drawLayerLogPlot } from './layer-log-plot';
import { chartColors, fontSizeFor, guideDash } from './theme';
import type { Size } from './types';
import { drawLayerColumns, drawSeries, type Frame } from './xy-plot';

export type { GradientFlowData } from './gradient-flow-summary';

/** The guide: the top layer's ∂L/∂W level across the plot, and a drop from it to layer 1's. */
function drawGuide(
  plot: Group,
  frame: Frame,
  x1: number,
  level: number | null,
  firstY: number | null,
): void {
  child(plot, 'line', 'top-level')
    .attr('display', level === null ? 'none' : null)
    .attr('x1', frame.left)
    .attr('x2', frame.right)
    .attr('y1', level ?? 0)
    .attr('y2', level ?? 0)
    .style('stroke', chartColors.theory)
    .attr('stroke-dasharray', guideDash);
  child(plot, 'line', 'drop')
    .attr('display', level === null || firstY === null ? 'none' : null)
    .attr('x1', x1)
    .attr('x2', x1)
    .attr('y1', level ?? 0)
    .attr('y2', firstY ?? 0)
    .style('stroke', chartColors.theory)
    .attr('stroke-width', 1.5);
}

/**
 * Draws (or redraws in place) the per-element std of ∂L/∂W and ∂L/∂h by layer on a log axis,
 * with a guide at the top layer's ∂L/∂W and a drop from it to layer 1, and the ratio in words
 * above the plot. Transparent columns carry data-layer for the panel's click handler; `active`
 * marks one (keyboard focus). Typical size 420×230; works from 300×180 up.
 */
export function drawGradientFlow(
  svg: SVGSVGElement,
  data: GradientFlowData,
  size: Size,
  active: number | null = null,
): void {
  const layers = Math.max(1, Math.floor(data.layers));
  const fontSize = fontSizeFor(size.width, size.height);
  const root = prepareSvg(svg, size, describeFlow(data), fontSize);
  const summary = flowSummary(data);

  const legend = child(root, 'g', 'legend').attr('transform', 'translate(2,0)');
  const legendHeight = drawLegend(
    legend,
    [
      { label: 'std ∂L/∂W', color: chartColors.act, marker: 'dot' },
      { label: 'std ∂L/∂h', color: chartColors.grad, marker: 'dot' },
      { label: 'top layer ∂L/∂W', color: chartColors.theory, dash: guideDash },
    ],
    size.width - 4,
    fontSize,
  );
  // The words get their own row between legend and plot, so they never cover a line.
  child(root, 'text', 'ratio')
    .attr('x', 2)
    .attr('y', legendHeight + fontSize)
    .style('fill', chartColors.text)
    .style('font-weight', '600')
    .text(summary.words);

  const all = [...data.wGradStd, ...data.actGradStd];
  const known = all.some((v) => v !== null);
  const { plot, frame, x, toY, radius, hasDomain } = drawLayerLogPlot(root, {
    layers,
    values: all,
    fallback: [-6, 0],
    top: legendHeight + fontSize + 12,
    size,
    fontSize,
    yTitle: 'gradient std (log)',
  });

  drawGuide(plot, frame, x(1), toY(summary.wLast), layers > 1 ? toY(summary.wFirst) : null);

  const series = (values: (number | null)[]) =>
    Array.from({ length: layers }, (_, i) => ({ x: i + 1, y: values[i] ?? null }));
  drawSeries(
    plot,
    [
      { key: 'w', color: chartColors.act, points: series(data.wGradStd), marker: 'dot' },
      { key: 'h', color: chartColors.grad, points: series(data.actGradStd), marker: 'dot' },
    ],
    x,
    toY,
    radius,
  );
  drawLayerColumns(plot, layers, x, frame, active);

  child(plot, 'text', 'empty')
    .attr('display', hasDomain ? 'none' : null)
    .attr('x', (frame.left + frame.right) / 2)
    .attr('y', (frame.top + frame.bottom) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .style('fill', chartColors.muted)
    .style('font-style', 'italic')
    .text(known ? 'every gradient is 0 or not finite' : 'computing…');
}
