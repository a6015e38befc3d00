/**
 * The plot both depth charts share (std by depth, gradient flow): layers on x, a positive
 * quantity on a log y axis in whole decades, the axes and their titles, below a legend that
 * ends at `top`. Values that are null, zero or not finite leave a gap.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { formatPow10 } from './format';
import { child, type Group, type Svg } from './svg';
import { textWidth } from './theme';
import { decadeDomain, decadeTicks, integerTicks } from './ticks';
import type { Size } from './types';
import { drawAxisTitles, drawXAxis, drawYAxis, type Frame } from './xy-plot';

export function usable(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value) && value > 0;
}

export interface LayerLogPlot {
  plot: Group;
  frame: Frame;
  x: ScaleLinear<number, number>;
  /** log10 of a usable value in pixels, else null (a gap). */
  toY: (value: number | null) => number | null;
  /** Dot radius: smaller as the layers crowd. */
  radius: number;
  /** Whether any value was usable (else the decades are `fallback`). */
  hasDomain: boolean;
}

export function drawLayerLogPlot(
  root: Svg,
  options: {
    layers: number;
    values: (number | null)[];
    /** Decades shown before any usable value arrives. */
    fallback: [number, number];
    top: number;
    size: Size;
    fontSize: number;
    yTitle: string;
  },
): LayerLogPlot {
  const { layers, size, fontSize, top } = options;
  const titleRoom = fontSize + 6;
  const bottom = size.height - (3 + fontSize + 6 + titleRoom);
  const plotHeight = Math.max(10, bottom - top);
  const domain = decadeDomain(options.values);
  const [lo, hi] = domain ?? options.fallback;
  const yTicks = decadeTicks(lo, hi, Math.floor(plotHeight / (fontSize * 2)) + 1).map((e) => ({
    value: e,
    label: formatPow10(e),
  }));
  const labelWidth = Math.max(...yTicks.map((t) => textWidth(t.label, fontSize)));
  const frame: Frame = { left: titleRoom + labelWidth + 6, right: size.width - 8, top, bottom };
  // Inset the data so dots on the first/last layer and on the domain's ends are not cut.
  const inset = 6;
  const x = scaleLinear()
    .domain(layers === 1 ? [0, 2] : [1, layers])
    .range([frame.left + inset, frame.right - inset]);
  const y = scaleLinear()
    .domain([lo, hi])
    .range([frame.bottom - inset, frame.top + inset]);
  const spacing = (frame.right - frame.left - 2 * inset) / Math.max(1, layers - 1);
  const xLabelWidth = textWidth(String(layers), fontSize) + 8;
  const xTicks = integerTicks(layers, (frame.right - frame.left) / xLabelWidth).map((v) => ({
    value: v,
    label: String(v),
  }));
  const plot = child(root, 'g', 'plot');
  drawYAxis(plot, yTicks, y, frame);
  drawXAxis(plot, xTicks, x, frame);
  drawAxisTitles(plot, 'layer', options.yTitle, frame, size.height);
  return {
    plot,
    frame,
    x,
    toY: (v) => (usable(v) ? y(Math.log10(v)) : null),
    radius: Math.max(1.5, Math.min(3.5, spacing / 3)),
    hasDomain: domain !== null,
  };
}
