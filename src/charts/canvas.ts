import { color as parseColor } from 'd3';
import type { Size } from './types';

/**
 * Scaffolding for the charts drawn on a <canvas> (thousands of cells, redrawn every frame while
 * training). A canvas cannot paint with `var(--chart-…)`, so each draw resolves the page's chart
 * custom properties to concrete colours with getComputedStyle, with the same fallbacks as theme.ts:
 * neutral colours derive from the element's text colour, so a canvas reads on either theme even
 * when a variable is missing.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface CanvasTheme {
  text: Rgb;
  muted: Rgb;
  axis: Rgb;
  grid: Rgb;
  background: Rgb;
  /** Light text on a dark card. */
  dark: boolean;
  fontFamily: string;
}

export interface CanvasFrame {
  ctx: CanvasRenderingContext2D;
  /** Size the chart lays out in (CSS pixels; shown `size.scale` times larger). */
  width: number;
  height: number;
  /** Device pixels per layout pixel; the context is left in device pixels (identity transform). */
  dpr: number;
  pixelWidth: number;
  pixelHeight: number;
}

/**
 * Sizes the canvas backing store to the device pixels it covers (crisp at 2×), its CSS box to
 * `size`, gives it role="img" and the accessible name, and clears it. The backing store is only
 * reallocated when its size changes. Returns null where there is no 2D context (jsdom).
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  size: Size,
  ariaLabel: string,
): CanvasFrame | null {
  const width = Math.max(1, Math.round(size.width));
  const height = Math.max(1, Math.round(size.height));
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio;
  const scale = size.scale ?? 1;
  // Projector mode's scale is one more factor from layout to device pixels.
  const dpr = (Number.isFinite(ratio) && ratio > 0 ? Math.min(4, ratio) : 1) * scale;
  const pixelWidth = Math.max(1, Math.round(width * dpr));
  const pixelHeight = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
  canvas.style.width = `${Math.round(width * scale)}px`;
  canvas.style.height = `${Math.round(height * scale)}px`;
  canvas.setAttribute('role', 'img');
  if (canvas.getAttribute('aria-label') !== ariaLabel) canvas.setAttribute('aria-label', ariaLabel);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.clearRect(0, 0, pixelWidth, pixelHeight);
  return { ctx, width, height, dpr, pixelWidth, pixelHeight };
}

/** A CSS colour as RGB, or null for what d3 cannot parse (var(), color-mix(), empty). */
export function toRgb(value: string): Rgb | null {
  const parsed = value ? parseColor(value.trim()) : null;
  if (!parsed) return null;
  const { r, g, b } = parsed.rgb();
  return Number.isFinite(r + g + b) ? { r, g, b } : null;
}

export function mixRgb(from: Rgb, to: Rgb, t: number): Rgb {
  return {
    r: from.r + (to.r - from.r) * t,
    g: from.g + (to.g - from.g) * t,
    b: from.b + (to.b - from.b) * t,
  };
}

export function rgbCss(c: Rgb, alpha = 1): string {
  const rgb = `${Math.round(c.r)} ${Math.round(c.g)} ${Math.round(c.b)}`;
  return alpha >= 1 ? `rgb(${rgb})` : `rgb(${rgb} / ${alpha})`;
}

/** Relative luminance (WCAG), 0 black … 1 white. */
export function luminance(c: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** A custom property of the element as RGB, or null when it is missing or unparsable. */
export function cssVarRgb(style: CSSStyleDeclaration, name: string): Rgb | null {
  return toRgb(style.getPropertyValue(name));
}

/** The chart colours in force on this element (see theme.ts for the variables). */
export function readCanvasTheme(element: Element): CanvasTheme {
  const style = getComputedStyle(element);
  const current = toRgb(style.color) ?? { r: 51, g: 51, b: 51 };
  const text = cssVarRgb(style, '--chart-text') ?? current;
  const dark = luminance(text) > 0.4;
  const background =
    cssVarRgb(style, '--chart-bg') ??
    (dark ? { r: 0x1d, g: 0x20, b: 0x26 } : { r: 255, g: 255, b: 255 });
  const family = style.getPropertyValue('--chart-font').trim() || style.fontFamily || 'sans-serif';
  return {
    text,
    muted: cssVarRgb(style, '--chart-muted') ?? mixRgb(background, text, 0.65),
    axis: cssVarRgb(style, '--chart-axis') ?? mixRgb(background, text, 0.5),
    grid: cssVarRgb(style, '--chart-grid') ?? mixRgb(background, text, 0.12),
    background,
    dark,
    fontFamily: family,
  };
}

/** Sets the context's font in device pixels (the context is in device pixels). */
export function setFont(frame: CanvasFrame, theme: CanvasTheme, cssPx: number, weight = 400): void {
  frame.ctx.font = `${weight} ${Math.round(cssPx * frame.dpr)}px ${theme.fontFamily}`;
}

/** A centred italic note ("no units") for an empty chart. */
export function drawCanvasMessage(frame: CanvasFrame, theme: CanvasTheme, text: string): void {
  const { ctx } = frame;
  ctx.font = `italic ${Math.round(11 * frame.dpr)}px ${theme.fontFamily}`;
  ctx.fillStyle = rgbCss(theme.muted);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, frame.pixelWidth / 2, frame.pixelHeight / 2);
}
