import { select, type Selection } from 'd3';
import { chartColors, chartFont, textWidth } from './theme';
import type { Size } from './types';

/**
 * Scaffolding shared by the charts. Every element is created through `child`, a one-datum join,
 * so drawing again into the same <svg> finds and updates what is there instead of appending.
 */

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type Group = Selection<SVGGElement, unknown, null, undefined>;
type ChildTag = 'g' | 'path' | 'text' | 'rect' | 'line';

/** The one child `<tag class="name">` of parent, created on the first call. */
export function child<K extends ChildTag, P extends SVGElement, PD>(
  parent: Selection<P, PD, null, undefined>,
  tag: K,
  name: string,
): Selection<SVGElementTagNameMap[K], unknown, null, undefined> {
  const joined = parent
    .selectAll<SVGElementTagNameMap[K], unknown>(`:scope > ${tag}.${name}`)
    .data([null])
    .join(tag)
    .attr('class', name);
  return joined as unknown as Selection<SVGElementTagNameMap[K], unknown, null, undefined>;
}

/** Sizes the svg, gives it its accessible name and the chart font; returns the selection. */
export function prepareSvg(
  element: SVGSVGElement,
  size: Size,
  ariaLabel: string,
  fontSize: number,
): Svg {
  const width = Math.max(1, Math.round(size.width));
  const height = Math.max(1, Math.round(size.height));
  const scale = size.scale ?? 1;
  return select(element)
    .attr('width', Math.round(width * scale))
    .attr('height', Math.round(height * scale))
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', ariaLabel)
    .style('font-family', chartFont)
    .style('font-size', `${fontSize}px`)
    .style('font-variant-numeric', 'tabular-nums');
}

/** Labels drawn over marks get a halo in the background colour so they stay legible. */
export function withHalo<E extends SVGTextElement, D, P extends Element | null, PD>(
  text: Selection<E, D, P, PD>,
): Selection<E, D, P, PD> {
  return text
    .style('paint-order', 'stroke')
    .style('stroke', chartColors.background)
    .attr('stroke-width', 3)
    .attr('stroke-linejoin', 'round');
}

export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
  /** 'dot' for measured series, 'hollow' for a comparison, none for a line only. */
  marker?: 'dot' | 'hollow';
}

const SWATCH = 18;
const ITEM_GAP = 12;

/**
 * A one- or two-row legend laid out left to right from (0, 0) within maxWidth, wrapping items
 * that do not fit. Returns the height it uses, so the caller puts the plot area below it and
 * the legend can never overlap a line.
 */
export function drawLegend(
  parent: Group,
  items: LegendItem[],
  maxWidth: number,
  fontSize: number,
): number {
  const rowHeight = fontSize + 5;
  let x = 0;
  let row = 0;
  const placed = items.map((item) => {
    const width = SWATCH + 4 + textWidth(item.label, fontSize);
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      row += 1;
    }
    const at = { item, x, y: row * rowHeight + rowHeight / 2 };
    x += width + ITEM_GAP;
    return at;
  });
  const entries = parent
    .selectAll<SVGGElement, (typeof placed)[number]>(':scope > g.legend-item')
    .data(placed, (d) => d.item.label)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'legend-item');
      g.append('line').attr('x1', 0).attr('x2', SWATCH).attr('stroke-width', 2);
      g.append('circle')
        .attr('cx', SWATCH / 2)
        .attr('r', 3);
      g.append('text')
        .attr('x', SWATCH + 4)
        .attr('dy', '0.35em');
      return g;
    })
    .attr('transform', (d) => `translate(${d.x},${d.y})`);
  entries
    .select('line')
    .style('stroke', (d) => d.item.color)
    .attr('stroke-dasharray', (d) => d.item.dash ?? null);
  entries
    .select('circle')
    .attr('display', (d) => (d.item.marker ? null : 'none'))
    .style('fill', (d) => (d.item.marker === 'dot' ? d.item.color : chartColors.background))
    .style('stroke', (d) => d.item.color)
    .attr('stroke-width', 1.5);
  entries
    .select('text')
    .text((d) => d.item.label)
    .style('fill', chartColors.text);
  return items.length === 0 ? 0 : (row + 1) * rowHeight;
}
