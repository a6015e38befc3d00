/**
 * How a page-side claim description is written: `claimInfo` fills the defaults and captures the
 * measured keys its charts read, so the check (../measure.ts's defineClaim) must measure them.
 */
import type { ClaimInfo, ClaimKind } from '../types';

export type ClaimInfoSpec<K extends string> = Omit<ClaimInfo<K>, 'kind'> & { kind?: ClaimKind };

/** A claim's description; its kind is 'experiment' unless it says otherwise. */
export function claimInfo<K extends string = never>(spec: ClaimInfoSpec<K>): ClaimInfo<K> {
  return { kind: 'experiment', ...spec };
}

/** The charts' colours, the page's CSS variables (src/styles.css). */
export const ACT = 'var(--chart-act)';
export const GRAD = 'var(--chart-grad)';
export const OTHER = 'var(--chart-compare)';
export const THEORY = 'var(--chart-theory)';
