import { formatPercent } from '../engine/format';
import {
  drawCanvasMessage,
  mixRgb,
  prepareCanvas,
  readCanvasTheme,
  rgbCss,
  toRgb,
  type CanvasTheme,
  type Rgb,
} from './canvas';
import type { Size } from './types';

export interface DecisionGrid {
  width: number;
  height: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Predicted class per cell, row-major, row 0 = yMax (top). */
  classes: Uint8Array;
  /** Probability of the predicted class per cell (1/C … 1). */
  confidence: Float32Array;
}

export interface DecisionRegionsData {
  grid: DecisionGrid;
  points: { x: Float32Array; y: Float32Array; label: Uint8Array };
  classCount: number;
  /**
   * Starts the aria-label: 'Spiral' gives "Spiral: decision regions of …"; '' or 'Decision
   * regions' gives "Decision regions of 2 classes with 400 points; …".
   */
  label: string;
}

/**
 * Okabe–Ito, ordered so the first classes are the most distinct for every kind of colour vision:
 * two classes are blue and orange (as in the rest of the page), three add bluish green. Yellow
 * comes last (weak on a light card), and grey stands in for Okabe–Ito's black, which a dark theme
 * would swallow. More than eight classes repeat the cycle (the aria-label says so).
 */
export const classColors = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#999999',
] as const;

/**
 * Strongest background tint, at full confidence, so the points stay the most saturated marks. On a
 * dark card the tint is weaker and the points are lightened: a 55 % tint of Okabe–Ito blue over a
 * dark background is almost the blue of the dot itself.
 */
const MAX_TINT = { light: 0.55, dark: 0.42 };
const MIN_TINT = 0.06;
const DARK_LIGHTEN = 0.3;
const WHITE: Rgb = { r: 255, g: 255, b: 255 };

interface Buffer {
  canvas: HTMLCanvasElement;
  image: ImageData;
}
const buffers = new WeakMap<HTMLCanvasElement, Buffer>();

/** The grid-resolution offscreen image of a chart, reused while the grid size stays. */
function bufferFor(target: HTMLCanvasElement, width: number, height: number): Buffer | null {
  const cached = buffers.get(target);
  if (cached && cached.image.width === width && cached.image.height === height) return cached;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const buffer = { canvas, image: ctx.createImageData(width, height) };
  buffers.set(target, buffer);
  return buffer;
}

function paletteRgb(): Rgb[] {
  return classColors.map((c) => toRgb(c) ?? { r: 128, g: 128, b: 128 });
}

function paintRegions(
  buffer: Buffer,
  grid: DecisionGrid,
  classCount: number,
  theme: CanvasTheme,
): void {
  const palette = paletteRgb();
  const bg = theme.background;
  const maxTint = theme.dark ? MAX_TINT.dark : MAX_TINT.light;
  const pixels = buffer.image.data;
  const chance = 1 / Math.max(2, classCount);
  const cells = grid.width * grid.height;
  for (let i = 0; i < cells; i++) {
    const conf = grid.confidence[i];
    const t = Number.isFinite(conf) ? Math.min(1, Math.max(0, (conf - chance) / (1 - chance))) : 0;
    const c = mixRgb(
      bg,
      palette[grid.classes[i] % palette.length],
      MIN_TINT + (maxTint - MIN_TINT) * t,
    );
    const o = i * 4;
    pixels[o] = c.r;
    pixels[o + 1] = c.g;
    pixels[o + 2] = c.b;
    pixels[o + 3] = 255;
  }
  buffer.canvas.getContext('2d')?.putImageData(buffer.image, 0, 0);
}

function describe(data: DecisionRegionsData): string {
  const n = data.points.label.length;
  // '', 'Decision regions' and 'Spiral' give "Decision regions of …" / "Spiral: decision regions of …".
  const label = data.label.trim();
  const what =
    /decision regions/i.test(label) || !label
      ? label || 'Decision regions'
      : `${label}: decision regions`;
  const parts = [`${what} of ${data.classCount} classes with ${n} points`];
  const { grid } = data;
  let inside = 0;
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const col = Math.floor(((data.points.x[i] - grid.xMin) / (grid.xMax - grid.xMin)) * grid.width);
    const row = Math.floor(
      ((grid.yMax - data.points.y[i]) / (grid.yMax - grid.yMin)) * grid.height,
    );
    if (!(col >= 0 && col < grid.width && row >= 0 && row < grid.height)) continue;
    inside++;
    if (grid.classes[row * grid.width + col] === data.points.label[i]) agree++;
  }
  if (inside > 0)
    parts.push(
      `the region under a point has its class for ${formatPercent(agree / inside)} of them`,
    );
  if (data.classCount > classColors.length) parts.push('colours repeat after 8 classes');
  return `${parts.join('; ')}.`;
}

function drawPoints(
  ctx: CanvasRenderingContext2D,
  data: DecisionRegionsData,
  toX: (v: number) => number,
  toY: (v: number) => number,
  radius: number,
  theme: CanvasTheme,
): void {
  const { x, y, label } = data.points;
  const n = Math.min(x.length, y.length, label.length);
  const fills = paletteRgb().map((c) => rgbCss(theme.dark ? mixRgb(c, WHITE, DARK_LIGHTEN) : c));
  // The outline contrasts with both the dot and the tint under it: dark on a light card, light
  // on a dark one (softened, or overlapping dots merge into a white blot).
  const outline = rgbCss(mixRgb(theme.background, theme.text, theme.dark ? 0.7 : 0.85));
  // One path per class: a few hundred arcs in ~8 fills and strokes.
  const classes = Math.min(classColors.length, Math.max(1, data.classCount));
  for (let c = 0; c < classes; c++) {
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (label[i] % classColors.length !== c) continue;
      const px = toX(x[i]);
      const py = toY(y[i]);
      if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
      ctx.moveTo(px + radius, py);
      ctx.arc(px, py, radius, 0, 2 * Math.PI);
    }
    ctx.fillStyle = fills[c];
    ctx.fill();
    ctx.strokeStyle = outline;
    ctx.stroke();
  }
}

/**
 * Draws a TensorFlow-Playground-like view of a 2-D classifier: the plane tinted by the predicted
 * class, stronger where the model is more confident, and the data points on top in their true
 * class colour with an outline. Equal units on both axes (circles stay round), centred in the
 * size. The background is painted at grid resolution into an offscreen buffer and scaled up with
 * smoothing, so a 100×100 grid costs one putImageData and one drawImage per frame.
 */
export function drawDecisionRegions(
  canvas: HTMLCanvasElement,
  data: DecisionRegionsData,
  size: Size,
): void {
  const frame = prepareCanvas(canvas, size, describe(data));
  if (!frame) return;
  const theme = readCanvasTheme(canvas);
  const { ctx, dpr } = frame;
  const { grid } = data;
  const spanX = grid.xMax - grid.xMin;
  const spanY = grid.yMax - grid.yMin;
  if (!(grid.width > 0 && grid.height > 0 && spanX > 0 && spanY > 0)) {
    drawCanvasMessage(frame, theme, 'no data yet');
    return;
  }
  const scale = Math.min(frame.pixelWidth / spanX, frame.pixelHeight / spanY);
  const w = Math.round(spanX * scale);
  const h = Math.round(spanY * scale);
  const left = Math.floor((frame.pixelWidth - w) / 2);
  const top = Math.floor((frame.pixelHeight - h) / 2);

  const buffer = bufferFor(canvas, grid.width, grid.height);
  if (buffer) {
    paintRegions(buffer, grid, data.classCount, theme);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(buffer.canvas, left, top, w, h);
  }
  ctx.strokeStyle = rgbCss(theme.axis);
  ctx.lineWidth = Math.max(1, Math.round(dpr));
  ctx.strokeRect(
    left + ctx.lineWidth / 2,
    top + ctx.lineWidth / 2,
    w - ctx.lineWidth,
    h - ctx.lineWidth,
  );

  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, w, h);
  ctx.clip();
  const radius = Math.max(2, Math.min(4, Math.min(w, h) / dpr / 70)) * dpr;
  ctx.lineWidth = Math.max(0.75, radius / 3.5);
  drawPoints(
    ctx,
    data,
    (v) => left + (v - grid.xMin) * scale,
    (v) => top + (grid.yMax - v) * scale,
    radius,
    theme,
  );
  ctx.restore();
}
