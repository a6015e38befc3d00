/**
 * Colours, type sizes and motion shared by every chart.
 *
 * Charts never hard-code a colour: they paint with CSS custom properties so the page's light and
 * dark themes apply to the SVG too (and an exported SVG keeps the fallbacks). The page defines:
 *
 *   --chart-act      activations series             light #0072B2  dark #56B4E9  (Okabe–Ito blue)
 *   --chart-grad     gradients series               light #D55E00  dark #F08A4B  (vermillion)
 *   --chart-compare  A/B overlay, a second series   light #E69F00  dark #F0C45A  (orange)
 *   --chart-theory   reference and guide lines      light #444444  dark #BBBBBB
 *   --chart-text     tick labels, titles, legend    light #333333  dark #DDDDDD
 *   --chart-muted    placeholders, outlier counts   light #666666  dark #A3A3A3
 *   --chart-axis     axis lines and frames          light #8C8C8C  dark #7A7A7A
 *   --chart-grid     grid lines                     light #E8E8E8  dark #303030
 *   --chart-bg       halo behind labels             light #FFFFFF  dark #1D2026  (card background)
 *   --chart-font     font family (optional)         inherits the page's
 *
 * The fallbacks are chosen so a chart still reads on either background when a variable is
 * missing: neutral colours derive from currentColor and the background from the CSS system colour
 * Canvas, which both follow the page's color-scheme.
 *
 * Projector mode (?present=1, src/panels/projector/projector.css) sets a high-contrast palette:
 * the same Okabe–Ito hues (colour-blind safe), darkened on white (lightened on black) to ≥ 4.5:1
 * even for the orange, black (white) text, axes and theory lines, and a stronger grid, because a
 * projector washes light colours out.
 */
export const chartColors = {
  act: 'var(--chart-act, #0072B2)',
  grad: 'var(--chart-grad, #D55E00)',
  compare: 'var(--chart-compare, #E69F00)',
  theory: 'var(--chart-theory, color-mix(in srgb, currentColor 75%, transparent))',
  text: 'var(--chart-text, currentColor)',
  muted: 'var(--chart-muted, color-mix(in srgb, currentColor 65%, transparent))',
  axis: 'var(--chart-axis, color-mix(in srgb, currentColor 50%, transparent))',
  grid: 'var(--chart-grid, color-mix(in srgb, currentColor 12%, transparent))',
  background: 'var(--chart-bg, Canvas)',
} as const;

// Without a fallback an undefined --chart-font makes the declaration invalid, so the SVG simply
// inherits the page's font, which is what we want.
export const chartFont = 'var(--chart-font)';

/** Dash pattern of theory curves; guides use a finer one so the two never read as the same. */
export const theoryDash = '5 3';
export const guideDash = '2 3';

/**
 * Projector mode draws every chart this many times larger (Size.scale): tick labels 11–12 px
 * become 15–17 px, strokes 1.25–2 px become 1.75–2.8 px, and each chart lays out as it always does.
 */
export const PROJECTOR_SCALE = 1.4;

/**
 * Type size for a chart: 11 px keeps two or three tick labels apart on a 170 px panel; charts with
 * room get 12 px, which still reads from the back of a lecture hall at 1280×720.
 */
export function fontSizeFor(width: number, height: number): number {
  return width >= 360 && height >= 160 ? 12 : 11;
}

/**
 * Rough width of a label in px, on the generous side. Charts lay out labels from this estimate
 * rather than from getComputedTextLength so layout is cheap (no forced layout while the worker
 * streams), works before the svg is attached, and is identical in an exported figure.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    // Digits are tabular (every chart sets tabular-nums), so a 1 is as wide as an 8.
    if ('.,:;il| '.includes(ch)) em += 0.34;
    else if ('\u2212∂▶◀∞±—MWmw'.includes(ch)) em += 0.9;
    else em += 0.65;
  }
  return em * fontSize;
}

/**
 * Duration of a chart transition: short, and none at all when the user asks for reduced motion.
 * Read on each draw, so changing the OS setting takes effect without a reload.
 */
export function motionMs(ms: number): number {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return 0;
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}
