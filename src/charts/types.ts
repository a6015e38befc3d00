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

/** Outer size of the <svg> in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}
