/** The panels' number formats are the engine's (src/engine/format.ts), so the tour, the CLI and the panels agree. */
export { formatNumber, formatPercent, MISSING } from '../engine/format';

/** A data-* attribute value: full precision, or absent. */
export function attribute(value: number | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}
