import { formatNumber } from '../engine/format';
import { drawLayerLogPlot, usable } from './layer-log-plot';
import { child, drawLegend, prepareSvg, type LegendItem } from './svg';
import { chartColors, fontSizeFor, theoryDash } from './theme';
import type { Size } from './types';
import { drawLayerColumns, drawSeries, type PlotSeries } from './xy-plot';

/** Per hidden layer (index 0 = layer 1); null = not computed yet. */
export interface DepthChartData {
  layers: number;
  actStd: (number | null)[];
  gradStd: (number | null)[];
  theoryAct: (number | null)[];
  theoryGrad: (number | null)[];
  /** Why no theory is drawn (the legend drops it, the description says why), or null. */
  noTheory?: string | null;
}

export interface DepthChartCompare {
  /** Names the other configuration in the legend, e.g. 'B: He init'. */
  label: string;
  actStd: (number | null)[];
  gradStd: (number | null)[];
}

export interface DepthChartOptions {
  /** A second configuration (A/B compare): same hues, dotted lines and hollow markers. */
  compare?: DepthChartCompare | null;
  /** Columns carrying data-layer, for a panel that shows the layer clicked. */
  interactive?: boolean;
  /** A layer chosen from the keyboard, tinted on the chart. */
  active?: number | null;
}

/** Dotted, so it never reads as the dashed theory; hollow markers say the same without colour. */
const compareDash = '1.5 3';

function points(values: (number | null)[], layers: number): PlotSeries['points'] {
  return Array.from({ length: layers }, (_, i) => ({ x: i + 1, y: values[i] ?? null }));
}

/** "activations 0.63 (layer 1) to 1.2e−4 (layer 10), 3 layers not computed yet". */
function summarise(name: string, values: (number | null)[], layers: number): string {
  const all = points(values, layers);
  const known = all.filter((p) => usable(p.y));
  const pending = all.filter((p) => p.y === null).length;
  const unusable = layers - known.length - pending;
  if (known.length === 0 && unusable === 0) return `${name} not computed yet`;
  const notes: string[] = [];
  if (known.length > 0) {
    const first = known[0];
    const last = known[known.length - 1];
    const at = (p: (typeof known)[number]) => `${formatNumber(p.y!, 3)} (layer ${p.x})`;
    notes.push(known.length === 1 ? at(first) : `${at(first)} to ${at(last)}`);
  }
  if (pending > 0) notes.push(`${pending} layers not computed yet`);
  if (unusable > 0) notes.push(`${unusable} layers zero or not finite`);
  return `${name} ${notes.join(', ')}`;
}

function describe(data: DepthChartData, compare: DepthChartCompare | null): string {
  const parts = [
    summarise('layer outputs', data.actStd, data.layers),
    summarise('gradients ∂L/∂h', data.gradStd, data.layers),
    ...(data.noTheory
      ? [data.noTheory.replace(/\.$/, '')]
      : [
          summarise('theory for layer outputs', data.theoryAct, data.layers),
          summarise('theory for gradients', data.theoryGrad, data.layers),
        ]),
  ];
  if (compare) {
    parts.push(summarise(`${compare.label} layer outputs`, compare.actStd, data.layers));
    parts.push(summarise(`${compare.label} gradients`, compare.gradStd, data.layers));
  }
  return `Standard deviation by layer, log scale, ${data.layers} layers. ${parts.join('; ')}.`;
}

/**
 * Draws (or redraws in place) the std of activations and of gradients ∂L/∂h per layer on a log
 * axis, measured (solid, dots) beside the mean-field theory (dashed, same hue). Missing values
 * leave gaps, so layers streaming in from the worker fill the chart from left to right (and the
 * gradients from right to left). Typical size 420×220; works from 300×180 up.
 */
export function drawDepthChart(
  svg: SVGSVGElement,
  data: DepthChartData,
  size: Size,
  options: DepthChartOptions = {},
): void {
  const compare = options.compare ?? null;
  const layers = Math.max(1, Math.floor(data.layers));
  const fontSize = fontSizeFor(size.width, size.height);
  const root = prepareSvg(svg, size, describe(data, compare), fontSize);

  const legendItems: LegendItem[] = [
    { label: 'activations', color: chartColors.act, marker: 'dot' },
    { label: 'gradients ∂L/∂h', color: chartColors.grad, marker: 'dot' },
  ];
  if (!data.noTheory)
    legendItems.push({ label: 'theory (dashed)', color: chartColors.theory, dash: theoryDash });
  if (compare) {
    legendItems.push({
      label: compare.label,
      color: chartColors.text,
      dash: compareDash,
      marker: 'hollow',
    });
  }
  // The legend sits above the plot area, which starts below it: it cannot cover a line.
  const legend = child(root, 'g', 'legend').attr('transform', 'translate(2,0)');
  const legendHeight = drawLegend(legend, legendItems, size.width - 4, fontSize);

  // Without a theory the dashed series are drawn empty, never from stale values.
  const theoryAct = data.noTheory ? [] : data.theoryAct;
  const theoryGrad = data.noTheory ? [] : data.theoryGrad;
  const all = [...data.actStd, ...data.gradStd, ...theoryAct, ...theoryGrad];
  if (compare) all.push(...compare.actStd, ...compare.gradStd);
  // Before any value arrives, a neutral 1e−3…10 frame rather than an empty one.
  const { plot, frame, x, toY, radius, hasDomain } = drawLayerLogPlot(root, {
    layers,
    values: all,
    fallback: [-3, 1],
    top: legendHeight + 8,
    size,
    fontSize,
    yTitle: 'std (log)',
  });

  const series: PlotSeries[] = [
    {
      key: 'theory-act',
      color: chartColors.act,
      points: points(theoryAct, layers),
      dash: theoryDash,
      lineWidth: 1.5,
    },
    {
      key: 'theory-grad',
      color: chartColors.grad,
      points: points(theoryGrad, layers),
      dash: theoryDash,
      lineWidth: 1.5,
    },
  ];
  if (compare) {
    series.push(
      {
        key: 'compare-act',
        color: chartColors.act,
        points: points(compare.actStd, layers),
        dash: compareDash,
        marker: 'hollow',
        lineWidth: 1.5,
      },
      {
        key: 'compare-grad',
        color: chartColors.grad,
        points: points(compare.gradStd, layers),
        dash: compareDash,
        marker: 'hollow',
        lineWidth: 1.5,
      },
    );
  }
  series.push(
    { key: 'act', color: chartColors.act, points: points(data.actStd, layers), marker: 'dot' },
    { key: 'grad', color: chartColors.grad, points: points(data.gradStd, layers), marker: 'dot' },
  );
  drawSeries(plot, series, x, toY, radius);
  if (options.interactive) drawLayerColumns(plot, layers, x, frame, options.active ?? null);

  child(plot, 'text', 'empty')
    .attr('display', hasDomain ? 'none' : null)
    .attr('x', (frame.left + frame.right) / 2)
    .attr('y', (frame.top + frame.bottom) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .style('fill', chartColors.muted)
    .style('font-style', 'italic')
    .text('computing…');
}
