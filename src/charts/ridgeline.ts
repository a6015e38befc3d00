import { local, scaleLinear, type ScaleLinear } from 'd3';
import { formatCount } from './format';
import { formatX, outlierLabels, totalCount } from './histogram-labels';
import { drawHistogramAxis, TICK } from './histogram-axis';
import { child, prepareSvg } from './svg';
import { chartColors, fontSizeFor, textWidth } from './theme';
import type { HistogramData, Size } from './types';

export interface RidgelineSnapshot {
  step: number;
  histogram: HistogramData;
}

export interface RidgelineData {
  /** Oldest first. More than MAX_RIDGES are thinned evenly (first and last always kept). */
  snapshots: RidgelineSnapshot[];
  /** Fill colour, normally chartColors.act or chartColors.grad. */
  color: string;
  /** What the histograms are of, e.g. 'Layer 3 outputs h'; starts the aria-label. */
  label: string;
}

export interface RidgelineOptions {
  /** Ridge heights ∝ log(1 + count), as in drawHistogram: for ReLU's spike of zeros. */
  logCounts?: boolean;
}

export const MAX_RIDGES = 64;
/** Height of one ridge as a fraction of the plot; the rest is the offset between snapshots. */
const RIDGE_FRACTION = 0.5;

interface Ridge {
  step: number;
  /** Outline relative to the ridge's baseline, which is at y. */
  path: string;
  y: number;
  /** 0 oldest … 1 newest: how much of the series colour the fill gets. */
  age: number;
}

interface StepLabel {
  step: number;
  y: number;
  text: string;
  newest: boolean;
}

function r2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Outline of one histogram's ridge relative to its baseline (y = 0, peak at −ridgeHeight), through
 * the bin centres. Cached per histogram object: while training, 63 of 64 ridges are the same
 * snapshots as at the last draw, so only their positions change. The key includes a checksum of
 * the counts, so a histogram updated in place is redrawn too.
 */
const ridgePaths = new WeakMap<HistogramData, { key: string; path: string }>();
const drawnRidge = local<{ path: string; transform: string; fill: string }>();

function ridgePath(
  h: HistogramData,
  x: ScaleLinear<number, number>,
  ridgeHeight: number,
  logCounts: boolean,
): string {
  let checksum = 0;
  for (let b = 0; b < h.counts.length; b++) checksum = (checksum * 31 + h.counts[b]) % 1e9;
  const key = [...x.domain(), ...x.range(), h.low, h.high, ridgeHeight, logCounts, checksum].join();
  const cached = ridgePaths.get(h);
  if (cached && cached.key === key) return cached.path;
  const bins = h.counts.length;
  const peak = Math.max(0, ...h.counts);
  const scale = peak > 0 ? (logCounts ? Math.log1p(peak) : peak) : 1;
  const width = (h.high - h.low) / Math.max(1, bins);
  const parts = [`M${r2(x(h.low))},0`];
  for (let b = 0; b < bins; b++) {
    const c = h.counts[b];
    const f = c > 0 ? (logCounts ? Math.log1p(c) : c) / scale : 0;
    parts.push(`L${r2(x(h.low + (b + 0.5) * width))},${r2(-f * ridgeHeight)}`);
  }
  parts.push(`L${r2(x(h.high))},0Z`);
  const path = parts.join('');
  ridgePaths.set(h, { key, path });
  return path;
}

function thin(snapshots: RidgelineSnapshot[]): RidgelineSnapshot[] {
  const n = snapshots.length;
  if (n <= MAX_RIDGES) return snapshots;
  const picked = new Set<number>();
  for (let i = 0; i < MAX_RIDGES; i++) picked.add(Math.round((i * (n - 1)) / (MAX_RIDGES - 1)));
  return [...picked].map((i) => snapshots[i]);
}

function formatStep(step: number): string {
  return Math.abs(step) < 10000 ? String(Math.round(step)) : formatCount(step);
}

/**
 * Which ridges get a step label (at their baselines): the newest (front) and the oldest (back),
 * and evenly spaced ones between, as many as fit a line apart, at most five in all.
 */
function stepLabels(n: number, offset: number, lineHeight: number): number[] {
  if (n === 0) return [];
  const span = (n - 1) * offset;
  const k = Math.min(5, n, Math.floor(span / lineHeight) + 1);
  if (k <= 1) return [n - 1];
  const chosen = new Set<number>();
  for (let j = 0; j < k; j++) chosen.add(n - 1 - Math.round((j * (n - 1)) / (k - 1)));
  return [...chosen];
}

function describe(snapshots: RidgelineSnapshot[], label: string, logCounts: boolean): string {
  // Callers may already say "over training" in the label.
  const overTraining = /over training/i.test(label) ? '' : ' over training';
  if (snapshots.length === 0) return `${label}: histograms${overTraining}, no steps yet.`;
  const first = snapshots[0];
  const count = snapshots.length === 1 ? '1 histogram' : `${snapshots.length} histograms`;
  const newest = snapshots[snapshots.length - 1];
  const h = newest.histogram;
  const of = h.mode === 'log10abs' ? 'magnitudes on a log scale, ' : '';
  const parts = [
    `${label}: ${count}${overTraining}, from step ${first.step} (back) ` +
      `to step ${newest.step} (front), ${of}from ${formatX(h, h.low)} to ${formatX(h, h.high)}`,
  ];
  let peak = 0;
  h.counts.forEach((c, i) => {
    if (c > h.counts[peak]) peak = i;
  });
  const binWidth = (h.high - h.low) / Math.max(1, h.counts.length);
  parts.push(
    h.counts[peak] > 0
      ? `at step ${newest.step} most near ${formatX(h, h.low + (peak + 0.5) * binWidth)}` +
          ` of ${formatCount(totalCount(h))} values`
      : `at step ${newest.step} none in range`,
  );
  for (const outlier of outlierLabels(h, 0, 0, 0)) parts.push(outlier.title);
  parts.push(`each ridge scaled to its own peak${logCounts ? ', heights on a log scale' : ''}`);
  return `${parts.join('; ')}.`;
}

/**
 * Draws (or redraws in place) histograms over training time as TensorBoard does: one filled ridge
 * per snapshot, the oldest at the back (top, faded towards the background), the newest in front
 * (bottom, full colour), each a little lower than the one before, over the shared value axis.
 *
 * Each ridge is normalised to its own peak rather than to one count axis for all: every snapshot
 * counts the same monitoring batch, so only the shape (where the values sit, how wide they spread)
 * changes over time, and that is what the chart compares; a shared axis would let one spiky step
 * (ReLU's zeros, saturation at ±1) flatten every other ridge to a line. The counts that left the
 * range are in the aria-label.
 *
 * No transitions: snapshots stream in during training, so there is no motion to reduce. Ridges
 * are keyed by step, so a ring buffer that drops its oldest entry only moves paths. Works from
 * ~180×60 px up.
 */
export function drawRidgeline(
  svg: SVGSVGElement,
  data: RidgelineData,
  size: Size,
  options: RidgelineOptions = {},
): void {
  const snapshots = thin(data.snapshots);
  const logCounts = !!options.logCounts;
  const fontSize = fontSizeFor(size.width, size.height);
  const root = prepareSvg(svg, size, describe(snapshots, data.label, logCounts), fontSize);
  const n = snapshots.length;
  const newest = n > 0 ? snapshots[n - 1].histogram : null;

  const lineHeight = fontSize + 1;
  const steps = snapshots.map((s) => s.step);
  const full = steps.map((s) => `step ${formatStep(s)}`);
  const widest = (labels: string[]) => Math.max(0, ...labels.map((t) => textWidth(t, fontSize)));
  // "step" on every label when there is room, else only on the top one (it names the column).
  const prefixed = size.width - widest(full) - 6 >= size.width * 0.7;

  const left = 1;
  const top = Math.ceil(lineHeight / 2);
  const axisHeight = TICK + fontSize + 4;
  const base = Math.max(top + 4, Math.round(size.height - axisHeight) - 0.5);
  const plotHeight = base - top;
  const ridgeHeight = n <= 1 ? plotHeight : plotHeight * RIDGE_FRACTION;
  const offset = n <= 1 ? 0 : (plotHeight - ridgeHeight) / (n - 1);
  const baseline = (i: number) => base - (n - 1 - i) * offset;

  const chosen = stepLabels(n, offset, lineHeight);
  const labels: StepLabel[] = chosen.map((i) => ({
    step: steps[i],
    y: baseline(i),
    text: prefixed || (i === 0 && chosen.length > 1) ? full[i] : formatStep(steps[i]),
    newest: i === n - 1,
  }));
  const labelWidth = widest(labels.map((l) => l.text));
  const right = Math.max(left + 20, size.width - (labelWidth > 0 ? labelWidth + 6 : 1));

  const placeholder = child(root, 'g', 'placeholder').attr('display', newest ? 'none' : null);
  child(placeholder, 'rect', 'frame')
    .attr('x', left + 0.5)
    .attr('y', top + 0.5)
    .attr('width', Math.max(1, size.width - left - 2))
    .attr('height', plotHeight)
    .attr('rx', 3)
    .style('fill', 'none')
    .style('stroke', chartColors.grid);
  child(placeholder, 'text', 'message')
    .attr('x', size.width / 2)
    .attr('y', (top + base) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .style('fill', chartColors.muted)
    .style('font-style', 'italic')
    .text('no steps yet');

  const plot = child(root, 'g', 'plot').attr('display', newest ? null : 'none');
  if (!newest) return;

  const x = scaleLinear().domain([newest.low, newest.high]).range([left, right]).clamp(true);
  const ridges: Ridge[] = snapshots.map((snapshot, i) => ({
    step: snapshot.step,
    path: ridgePath(snapshot.histogram, x, ridgeHeight, logCounts),
    y: r2(baseline(i)),
    age: n <= 1 ? 1 : i / (n - 1),
  }));

  // A ridge's outline in the background colour separates it from the one behind; when ridges
  // are packed closer than ~2 px the outline thins so the fills still show.
  const outline = Math.max(0.35, Math.min(1, offset * 0.45));
  const fill = (age: number) => {
    const share = Math.round(30 + 70 * age ** 1.5);
    return share >= 100
      ? data.color
      : `color-mix(in srgb, ${data.color} ${share}%, ${chartColors.background})`;
  };
  // Stroke settings on the group (inherited): 3 writes per draw instead of 3 per ridge.
  child(plot, 'g', 'ridges')
    .style('stroke', chartColors.background)
    .attr('stroke-width', outline)
    .attr('stroke-linejoin', 'round')
    .selectAll<SVGPathElement, Ridge>('path')
    .data(ridges, (d) => d.step)
    .join('path')
    .order()
    .each(function (d) {
      // Writing an unchanged path, transform or fill still makes the browser parse it again, and
      // most redraws during training bring no new snapshot: only write what changed.
      const before = drawnRidge.get(this);
      const transform = `translate(0,${d.y})`;
      const color = fill(d.age);
      if (before?.path !== d.path) this.setAttribute('d', d.path);
      if (before?.transform !== transform) this.setAttribute('transform', transform);
      if (before?.fill !== color) this.style.setProperty('fill', color);
      drawnRidge.set(this, { path: d.path, transform, fill: color });
    });

  drawHistogramAxis(plot, newest, x, left, right, base, fontSize);

  child(plot, 'g', 'steps')
    .selectAll<SVGTextElement, StepLabel>('text')
    .data(labels, (d) => d.step)
    .join((enter) => enter.append('text').attr('dy', '0.35em'))
    .attr('x', right + 4)
    .attr('y', (d) => r2(d.y))
    .style('fill', (d) => (d.newest ? chartColors.text : chartColors.muted))
    .text((d) => d.text);
}
