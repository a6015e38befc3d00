/**
 * Projector mode's sections (?present=1&section=…): the page shown one part at a time, walked
 * with ←/→ or a clicker's Page Up/Down. Pure functions; the settings store's actions call them.
 */
import { CLAIM_IDS } from '../engine/claims/types';

/** In the order they are walked; 'tour' is there only while the tour is open. */
export const SECTIONS = ['tour', 'controls', 'depth', 'layers', 'training'] as const;
export type Section = (typeof SECTIONS)[number];
export const FIRST_SECTION: Section = 'controls';

/** The sections there are to walk: the tour's only while a step is open. */
export function sectionsOf(tourOpen: boolean): readonly Section[] {
  return tourOpen ? SECTIONS : SECTIONS.slice(1);
}

/** The section `delta` steps on, stopping at the ends (a clicker pressed once too often stays). */
export function stepSection(section: Section, delta: number, tourOpen: boolean): Section {
  const sections = sectionsOf(tourOpen);
  const at = Math.max(0, sections.indexOf(section));
  return sections[Math.min(sections.length - 1, Math.max(0, at + delta))];
}

/**
 * The section after the tour opens or closes: opening it shows its step (the lecturer walks the
 * tour full screen); closing it leaves its section for the first of the others.
 */
export function sectionAfterTour(section: Section, tourOpen: boolean): Section {
  if (tourOpen) return 'tour';
  return section === 'tour' ? FIRST_SECTION : section;
}

/** The tour step `delta` steps from `step`, stopping at the first and last; null stays closed. */
export function stepTour(step: string | null, delta: number): string | null {
  if (step === null) return null;
  const at = CLAIM_IDS.indexOf(step as (typeof CLAIM_IDS)[number]);
  if (at < 0) return step;
  return CLAIM_IDS[Math.min(CLAIM_IDS.length - 1, Math.max(0, at + delta))];
}
