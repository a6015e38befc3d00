/**
 * Data shapes the chart functions draw. They mirror the engine's types structurally (the engine's
 * `Histogram` in src/engine/stats.ts is assignable to `HistogramData`) so the charts never import
 * engine code and can be fed from the worker protocol, a saved state or a test fixture alike.
 */

/** Counts of equal-width bins over [low, high), plus what fell outside (counted, never dropped). */
export interface HistogramData {
  counts: number[];
  low: number;
  high: number;
  /** Values below low (in log10abs mode: also exact zeros, whose log is −∞). */
  under: number;
  over: number;
  /** NaN and ±Infinity. */
  nonFinite: number;
  /** 'log10abs': the x values are log10|v|, so low/high are exponents of ten. */
  mode: 'linear' | 'log10abs';
}

/**
 * The size a chart lays itself out in, in CSS pixels. `scale` (projector mode, theme.ts's
 * PROJECTOR_SCALE) shows the whole chart that many times larger, type and strokes alike: its
 * element covers width·scale × height·scale, so each chart draws as usual and none repeats it.
 */
export interface Size {
  width: number;
  height: number;
  scale?: number;
}
