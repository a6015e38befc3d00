/** How the claims' texts print numbers: their criteria (page side) and summaries (checks). */
import { formatNumber, formatPercent } from '../../format';

/** A number in a summary, as the panels print it (src/engine/format.ts): 3 significant digits. */
export function fmt(value: number): string {
  return formatNumber(value, 3);
}

/** A fraction in a summary, as the panels print it: "25 %", "<1 %". */
export function pct(fraction: number): string {
  return formatPercent(fraction);
}
