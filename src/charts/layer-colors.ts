/**
 * One colour per layer for the charts over time (training, recordings). Its own module: the
 * viridis ramp is a few kilobytes the first view never draws.
 */
import { interpolateViridis } from 'd3';

/** Dark to light through viridis' readable middle. */
export function layerColor(index: number, depth: number): string {
  return interpolateViridis(0.05 + (0.8 * index) / Math.max(1, depth - 1));
}
