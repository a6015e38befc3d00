/** Projector mode's sections: the walk, the tour's section, and the URL's present/section. */
import { describe, expect, it } from 'vitest';
import { CLAIM_IDS } from '../engine/claims/types';
import { sectionAfterTour, SECTIONS, sectionsOf, stepSection, stepTour } from './sections';
import { useSettings } from './settings';
import { DEFAULT_STATE, parseState, serializeState } from './url-state';

describe('stepSection', () => {
  it('walks controls → depth → layers → training and stops at both ends', () => {
    const walked = [1, 1, 1, 1].reduce<string[]>(
      (seen, delta) => [...seen, stepSection(seen.at(-1) as never, delta, false)],
      ['controls'],
    );
    expect(walked).toEqual(['controls', 'depth', 'layers', 'training', 'training']);
    expect(stepSection('controls', -1, false)).toBe('controls');
    expect(stepSection('training', -3, false)).toBe('controls');
  });

  it('puts the tour first while it is open, and skips it while it is closed', () => {
    expect(sectionsOf(true)).toEqual(SECTIONS);
    expect(sectionsOf(false)).not.toContain('tour');
    expect(stepSection('controls', -1, true)).toBe('tour');
    expect(stepSection('tour', 1, true)).toBe('controls');
    // A stale 'tour' with the tour closed walks from the start.
    expect(stepSection('tour', 1, false)).toBe('depth');
  });
});

describe('sectionAfterTour and stepTour', () => {
  it('opening the tour shows its section; closing it leaves that section only', () => {
    expect(sectionAfterTour('layers', true)).toBe('tour');
    expect(sectionAfterTour('tour', false)).toBe('controls');
    expect(sectionAfterTour('layers', false)).toBe('layers');
  });

  it('steps the tour in the lecture’s order, stopping at the first and last step', () => {
    expect(stepTour(CLAIM_IDS[0], 1)).toBe(CLAIM_IDS[1]);
    expect(stepTour(CLAIM_IDS[0], -1)).toBe(CLAIM_IDS[0]);
    expect(stepTour(CLAIM_IDS.at(-1)!, 1)).toBe(CLAIM_IDS.at(-1));
    expect(stepTour(null, 1)).toBeNull();
  });
});

describe('the settings store in projector mode', () => {
  it('follows the tour to its section and back, and keys move sections and steps', () => {
    useSettings.getState().replace(DEFAULT_STATE, []);
    const s = () => useSettings.getState();
    s().setPresent(true);
    s().moveSection(2);
    expect(s().section).toBe('layers');
    s().setTour(CLAIM_IDS[3]);
    expect(s().section).toBe('tour');
    s().moveSection(1);
    s().moveTourStep(1);
    expect([s().tour, s().section]).toEqual([CLAIM_IDS[4], 'tour']);
    s().setTour(null);
    expect(s().section).toBe('controls');
    s().setPresent(false);
    // Out of projector mode the tour's keys do nothing to the section it would show.
    s().setTour(CLAIM_IDS[0]);
    expect(s().section).toBe('controls');
    useSettings.getState().replace(DEFAULT_STATE, []);
  });
});

describe('present and section in the URL', () => {
  it.each(SECTIONS.filter((section) => section !== 'tour'))(
    '?present=1&section=%s round-trips',
    (section) => {
      const state = { ...DEFAULT_STATE, present: true, section };
      const link = serializeState(state);
      expect(link).toContain(`present=1&section=${section}`);
      expect(parseState(link)).toEqual({ state, notices: [] });
    },
  );

  it('the tour’s section round-trips with its step, and is refused without one', () => {
    const state = { ...DEFAULT_STATE, present: true, section: 'tour' as const, tour: CLAIM_IDS[2] };
    expect(parseState(serializeState(state))).toEqual({ state, notices: [] });
    const { state: read, notices } = parseState('?present=1&section=tour');
    expect(read.section).toBe('controls');
    expect(notices).toEqual([expect.stringMatching(/projector section "tour".*tour step/)]);
  });

  it('leaves both out while off, and a bad section falls back with a notice', () => {
    expect(serializeState({ ...DEFAULT_STATE, section: 'layers' })).not.toMatch(/present|section/);
    const { state, notices } = parseState('?present=1&section=slides');
    expect(state).toMatchObject({ present: true, section: 'controls' });
    expect(notices[0]).toMatch(/projector section "slides".*one of tour, controls/);
  });
});
