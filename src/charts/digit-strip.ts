import {
  cssVarRgb,
  drawCanvasMessage,
  mixRgb,
  prepareCanvas,
  readCanvasTheme,
  rgbCss,
  setFont,
  type CanvasFrame,
  type CanvasTheme,
  type Rgb,
} from './canvas';
import { fontSizeFor } from './theme';
import type { Size } from './types';

export interface DigitStripData {
  /** count images of width × height bytes each, row-major: 0 background … 255 ink. */
  images: Uint8Array;
  width: number;
  height: number;
  count: number;
  truth: Uint8Array;
  /** The network's answer per image; null before it has one. */
  predicted: Uint8Array | null;
}

interface Layout {
  cols: number;
  rows: number;
  /** Shown images (fewer than count when even the shortest caption does not fit). */
  shown: number;
  cellWidth: number;
  cellHeight: number;
  /** Image side in device pixels. */
  side: number;
}

/**
 * Colours of the verdicts, as text on the card: Okabe–Ito bluish green and vermillion, darkened
 * on a light card and lightened on a dark one so both pass 4.5:1. The pages can override them
 * with --chart-good / --chart-bad.
 */
function verdictColors(style: CSSStyleDeclaration, theme: CanvasTheme): { good: Rgb; bad: Rgb } {
  const good = theme.dark ? { r: 0x5c, g: 0xcb, b: 0xa6 } : { r: 0x00, g: 0x7a, b: 0x5a };
  const bad = theme.dark ? { r: 0xff, g: 0x9b, b: 0x5c } : { r: 0xb3, g: 0x47, b: 0x00 };
  return {
    good: cssVarRgb(style, '--chart-good') ?? good,
    bad: cssVarRgb(style, '--chart-bad') ?? bad,
  };
}

function caption(data: DigitStripData, i: number, form: number): string {
  if (!data.predicted) return form === 0 ? '→ ?' : '?';
  const p = data.predicted[i];
  const mark = p === data.truth[i] ? '✓' : '✗';
  return [`→ ${p} ${mark}`, `${p} ${mark}`, `${p}${mark}`][form];
}

interface Tile {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  image: ImageData;
}
const tiles = new WeakMap<HTMLCanvasElement, Tile>();

/** One image's offscreen canvas, kept per chart while the image size stays. */
function tileFor(target: HTMLCanvasElement, w: number, h: number): Tile | null {
  const cached = tiles.get(target);
  if (cached && cached.image.width === w && cached.image.height === h) return cached;
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const tile = { canvas, ctx, image: ctx.createImageData(w, h) };
  tiles.set(target, tile);
  return tile;
}

/** Rows × columns that give the largest images for `shown` images (captions under each). */
function bestLayout(frame: CanvasFrame, shown: number, captionHeight: number, minCell: number) {
  const { pixelWidth: pw, pixelHeight: ph } = frame;
  const gap = Math.round(4 * frame.dpr);
  let best: Layout = {
    cols: shown,
    rows: 1,
    shown,
    cellWidth: pw / shown,
    cellHeight: ph,
    side: 0,
  };
  for (let rows = 1; rows <= shown; rows++) {
    const cols = Math.ceil(shown / rows);
    const cellWidth = pw / cols;
    const cellHeight = ph / rows;
    if (cellWidth < minCell) continue;
    const side = Math.floor(Math.min(cellWidth - gap, cellHeight - captionHeight - gap));
    if (side > best.side) best = { cols, rows, shown, cellWidth, cellHeight, side };
  }
  return best;
}

/**
 * Every image when each can be at least 16 px (or its native size, if smaller); otherwise the
 * most images that reach it: five legible digits say more than ten smudges.
 */
function layout(
  frame: CanvasFrame,
  count: number,
  native: number,
  caption: number,
  minCell: number,
) {
  const target = Math.min(16, native) * frame.dpr;
  const all = bestLayout(frame, count, caption, minCell);
  if (all.side >= target) return all;
  for (let shown = count - 1; shown >= 1; shown--) {
    const fewer = bestLayout(frame, shown, caption, minCell);
    if (fewer.side >= target) return fewer;
  }
  return all.side > 0 ? all : bestLayout(frame, 1, caption, minCell);
}

/**
 * Draws a row (or, in a tall box, rows) of digit images with the network's answer under each:
 * "→ 7 ✓" in green when right, "→ 3 ✗" in vermillion with a vermillion frame when wrong, "→ ?"
 * before there is an answer. Verdicts never rely on colour alone (✓/✗). Pixels are scaled without
 * smoothing, by a whole factor where that keeps at least 85 % of the room; ink follows the theme
 * (--chart-text on --chart-bg): dark digits on a light card, light on a dark one.
 */
export function drawDigitStrip(canvas: HTMLCanvasElement, data: DigitStripData, size: Size): void {
  const count = Math.max(
    0,
    Math.min(data.count, Math.floor(data.images.length / Math.max(1, data.width * data.height))),
  );
  const frame = prepareCanvas(canvas, size, describe(data, count, count));
  if (!frame) return;
  const theme = readCanvasTheme(canvas);
  if (count === 0 || data.width <= 0 || data.height <= 0) {
    drawCanvasMessage(frame, theme, 'no images');
    return;
  }
  const { ctx, dpr } = frame;
  const fontSize = fontSizeFor(size.width, size.height);
  const captionHeight = Math.round((fontSize + 4) * dpr);
  setFont(frame, theme, fontSize, 600);
  // The shortest caption must fit a cell: that bounds how many images can be shown.
  const minCell = ctx.measureText(caption(data, 0, 2)).width + 6 * dpr;
  const plan = layout(frame, count, Math.max(data.width, data.height), captionHeight, minCell);
  if (plan.shown < count) canvas.setAttribute('aria-label', describe(data, plan.shown, count));
  const colors = verdictColors(getComputedStyle(canvas), theme);
  const paper = mixRgb(theme.background, theme.text, theme.dark ? 0.06 : 0.04);
  const ink = theme.text;

  const w = data.width;
  const h = data.height;
  const fit = plan.side / Math.max(w, h);
  const whole = Math.floor(fit);
  const factor = whole >= 1 && whole >= fit * 0.85 ? whole : fit;
  const drawW = Math.max(1, Math.round(w * factor));
  const drawH = Math.max(1, Math.round(h * factor));

  const tile = tileFor(canvas, w, h);
  if (!tile) return;
  const { image } = tile;
  const lut = Array.from({ length: 256 }, (_, v) => mixRgb(paper, ink, v / 255));
  ctx.imageSmoothingEnabled = false;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';

  const blockHeight = plan.rows * plan.cellHeight;
  const yStart = Math.floor((frame.pixelHeight - blockHeight) / 2);
  for (let i = 0; i < plan.shown; i++) {
    const col = i % plan.cols;
    const row = Math.floor(i / plan.cols);
    const cx = (col + 0.5) * plan.cellWidth;
    const x = Math.round(cx - drawW / 2);
    const contentHeight = drawH + captionHeight;
    const y = Math.round(yStart + row * plan.cellHeight + (plan.cellHeight - contentHeight) / 2);
    const offset = i * w * h;
    for (let p = 0; p < w * h; p++) {
      const c = lut[data.images[offset + p]];
      image.data[p * 4] = c.r;
      image.data[p * 4 + 1] = c.g;
      image.data[p * 4 + 2] = c.b;
      image.data[p * 4 + 3] = 255;
    }
    tile.ctx.putImageData(image, 0, 0);
    ctx.drawImage(tile.canvas, x, y, drawW, drawH);

    const right = data.predicted !== null && data.predicted[i] === data.truth[i];
    const wrong = data.predicted !== null && !right;
    const line = Math.max(1, Math.round(dpr * (wrong ? 1.5 : 1)));
    ctx.lineWidth = line;
    ctx.strokeStyle = rgbCss(wrong ? colors.bad : theme.grid);
    ctx.strokeRect(x - line / 2, y - line / 2, drawW + line, drawH + line);

    let form = 0;
    while (form < 2 && ctx.measureText(caption(data, i, form)).width > plan.cellWidth - 4 * dpr)
      form++;
    ctx.fillStyle = rgbCss(
      data.predicted === null ? theme.muted : right ? colors.good : colors.bad,
    );
    ctx.fillText(
      caption(data, i, form),
      Math.round(cx),
      y + drawH + captionHeight - Math.round(3 * dpr),
    );
  }
}

function describe(data: DigitStripData, count: number, total: number): string {
  if (count === 0) return 'Sample digits: none yet.';
  const head =
    count < total
      ? `${count} of ${total} sample digits (no room for more)`
      : `${count} sample digits`;
  if (!data.predicted)
    return `${head}, not predicted yet: ${Array.from(data.truth.subarray(0, count)).join(', ')}.`;
  const wrong: string[] = [];
  for (let i = 0; i < count; i++) {
    if (data.predicted[i] !== data.truth[i])
      wrong.push(`a ${data.truth[i]} read as ${data.predicted[i]}`);
  }
  const right = count - wrong.length;
  return wrong.length === 0
    ? `${head}, all ${count} predicted correctly.`
    : `${head}: ${right} predicted correctly, ${wrong.length} wrong (${wrong.join(', ')}).`;
}
