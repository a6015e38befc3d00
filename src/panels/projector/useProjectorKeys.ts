/**
 * Projector mode's keys: ←/→ and a clicker's Page Up/Page Down walk the sections; with Shift they
 * walk the tour's steps (and show the tour). Listened for on the window's capture phase, so the
 * tour panel's own ←/→ (a step each, outside projector mode) never sees a key that moved the
 * section: one key press does one thing. Form fields and the depth chart's layer toolbar keep
 * their arrows.
 */
import { useEffect } from 'react';
import { useSettings } from '../../store/settings';

const STEPS: Record<string, number> = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };

export function useProjectorKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const delta = STEPS[event.key];
      if (!delta || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey)
        return;
      const target = event.target as HTMLElement | null;
      if (target?.closest?.('input, select, textarea, [contenteditable], [role="toolbar"]')) return;
      event.preventDefault();
      event.stopPropagation();
      const settings = useSettings.getState();
      if (event.shiftKey) settings.moveTourStep(delta);
      else settings.moveSection(delta);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
