import { interpolateViridis, range } from 'd3';
import { drawCanvasMessage, prepareCanvas, readCanvasTheme, type CanvasFrame } from './canvas';
import { describeNeuronMap, isDeadCell, type NeuronMapData } from './neuron-map-text';
import { child, prepareSvg } from './svg';
import { chartColors, fontSizeFor, textWidth } from './theme';
import type { Size } from './types';

export type { NeuronMapData };

/**
 * Colours. Live units are on viridis (perceptually uniform, colour-blind safe, and its lightness
 * climbs monotonically from dark purple to yellow, so "brighter = fires more" reads in grey-scale
 * and on both themes). A dead unit (fires on no example) is neutral black with a grey cross: it is
 * darker than viridis' darkest purple, and the cross says "dead" without relying on colour.
 */
export const DEAD_FILL = '#000000';
export const DEAD_MARK = '#9a9a9a';
const UNKNOWN_FILL = '#7f7f7f';
const LEVELS = 256;
let palette: string[] | null = null;

/** The fill of a unit that fires on `fraction` of the batch (exactly 0, if it can die: dead). */
export function neuronColor(fraction: number, deadUnits = true): string {
  if (!Number.isFinite(fraction)) return UNKNOWN_FILL;
  if (isDeadCell(fraction, deadUnits)) return DEAD_FILL;
  palette ??= range(LEVELS).map((i) => interpolateViridis(i / (LEVELS - 1)));
  return palette[Math.round(Math.min(1, fraction) * (LEVELS - 1))];
}

export interface NeuronGrid {
  cols: number;
  rows: number;
  /** Side of a cell in device pixels (whole pixels, so every cell is the same size). */
  cell: number;
}

/** The grid with the largest whole-pixel cells that fits; ties go to the fewest empty cells. */
export function neuronGrid(units: number, pixelWidth: number, pixelHeight: number): NeuronGrid {
  let best: NeuronGrid = { cols: Math.max(1, units), rows: 1, cell: 0 };
  let bestWaste = Infinity;
  for (let cols = 1; cols <= units; cols++) {
    const rows = Math.ceil(units / cols);
    const cell = Math.max(1, Math.floor(Math.min(pixelWidth / cols, pixelHeight / rows)));
    const waste = cols * rows - units;
    if (cell > best.cell || (cell === best.cell && waste < bestWaste)) {
      best = { cols, rows, cell };
      bestWaste = waste;
    }
  }
  return best;
}

function drawCells(frame: CanvasFrame, data: NeuronMapData, grid: NeuronGrid): void {
  const { ctx } = frame;
  const { firing, deadUnits } = data;
  const { cols, rows, cell } = grid;
  const gap = cell >= 5 ? Math.max(1, Math.round(cell / 12)) : 0;
  const side = cell - gap;
  const x0 = Math.floor((frame.pixelWidth - cols * cell + gap) / 2);
  const y0 = Math.floor((frame.pixelHeight - rows * cell + gap) / 2);
  const n = firing.length;
  // One fillStyle change per colour run keeps a 4096-unit map well under a millisecond.
  let style = '';
  for (let i = 0; i < n; i++) {
    const fill = neuronColor(firing[i], deadUnits);
    if (fill !== style) ctx.fillStyle = style = fill;
    ctx.fillRect(x0 + (i % cols) * cell, y0 + Math.floor(i / cols) * cell, side, side);
  }
  if (side < 4 || !deadUnits) return;
  // Crosses on dead cells, all in one path.
  const inset = Math.max(1, Math.round(side * 0.22));
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    if (!isDeadCell(firing[i], deadUnits)) continue;
    const x = x0 + (i % cols) * cell;
    const y = y0 + Math.floor(i / cols) * cell;
    ctx.moveTo(x + inset, y + inset);
    ctx.lineTo(x + side - inset, y + side - inset);
    ctx.moveTo(x + side - inset, y + inset);
    ctx.lineTo(x + inset, y + side - inset);
  }
  ctx.strokeStyle = DEAD_MARK;
  ctx.lineWidth = Math.max(1, side / 9);
  ctx.lineCap = 'round';
  ctx.stroke();
}

/**
 * Draws one layer's neuron map on a canvas: one square cell per unit in a near-square grid that
 * fills the size (500 units in 180×120 → 28×18), its colour the fraction of the monitoring batch
 * on which the unit fires. Redrawing the whole map is a few thousand fillRects, cheap enough for
 * every frame; the backing store is only reallocated when the size changes. Static: nothing moves.
 */
export function drawNeuronMap(canvas: HTMLCanvasElement, data: NeuronMapData, size: Size): void {
  const frame = prepareCanvas(canvas, size, describeNeuronMap(data));
  if (!frame) return;
  if (data.firing.length === 0) {
    drawCanvasMessage(frame, readCanvasTheme(canvas), 'no units');
    return;
  }
  drawCells(frame, data, neuronGrid(data.firing.length, frame.pixelWidth, frame.pixelHeight));
}

const SWATCH = 11;
const LEGEND_STOPS = 9;
let gradientCount = 0;

/**
 * The neuron maps' key, in an <svg>: the dead swatch ("never fires") beside the viridis ramp up to
 * "fires on every example" (shorter words when narrow). One legend serves every layer's map.
 */
export function drawNeuronMapLegend(svg: SVGSVGElement, size: Size): void {
  const fontSize = fontSizeFor(size.width, Math.max(size.height, 160));
  const root = prepareSvg(
    svg,
    size,
    'Neuron map colours: black with a cross, never fires; dark purple through green to yellow, ' +
      'fires on a few to every example.',
    fontSize,
  );
  const width = Math.max(60, size.width);
  const wordings: [string, string][] = [
    ['never fires', 'fires on every example'],
    ['never fires', 'every example'],
    ['never', 'always'],
  ];
  const [dead, always] =
    wordings.find(([a, b]) => textWidth(a, fontSize) + textWidth(b, fontSize) + 12 <= width) ??
    wordings[wordings.length - 1];
  const barX = SWATCH + 6;
  const barY = 1;

  let id = svg.dataset.neuronGradient;
  if (!id) {
    gradientCount += 1;
    id = `neuron-map-ramp-${gradientCount}`;
    svg.dataset.neuronGradient = id;
  }
  const gradient = child(root, 'g', 'defs-holder')
    .selectAll<SVGLinearGradientElement, string>('linearGradient')
    .data([id])
    .join('linearGradient')
    .attr('id', (d) => d);
  gradient
    .selectAll('stop')
    .data(range(LEGEND_STOPS).map((i) => i / (LEGEND_STOPS - 1)))
    .join('stop')
    .attr('offset', (t) => t)
    .attr('stop-color', (t) => interpolateViridis(t));

  const s = SWATCH;
  child(root, 'rect', 'dead')
    .attr('x', 0.5)
    .attr('y', barY + 0.5)
    .attr('width', s - 1)
    .attr('height', s - 1)
    .style('fill', DEAD_FILL)
    .style('stroke', chartColors.axis);
  child(root, 'path', 'dead-mark')
    .attr('d', `M3,${barY + 3}L${s - 3},${barY + s - 3}M${s - 3},${barY + 3}L3,${barY + s - 3}`)
    .style('stroke', DEAD_MARK)
    .attr('stroke-width', 1.25)
    .attr('stroke-linecap', 'round');
  child(root, 'rect', 'ramp')
    .attr('x', barX)
    .attr('y', barY)
    .attr('width', Math.max(10, width - barX - 1))
    .attr('height', s)
    .style('fill', `url(#${id})`);
  const labelY = barY + s + 3;
  child(root, 'text', 'never')
    .attr('x', 0)
    .attr('y', labelY)
    .attr('dy', '0.71em')
    .style('fill', chartColors.text)
    .text(dead);
  child(root, 'text', 'always')
    .attr('x', width - 1)
    .attr('y', labelY)
    .attr('dy', '0.71em')
    .attr('text-anchor', 'end')
    .style('fill', chartColors.text)
    .text(always);
}

/** Height the legend needs at a given width, for the caller's layout. */
export function neuronMapLegendHeight(width: number): number {
  return SWATCH + 3 + fontSizeFor(width, 160) + 4;
}
