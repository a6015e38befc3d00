/**
 * Escape closes a non-modal panel (the Lecture tour, TourPanel.tsx) from anywhere on the page
 * except a text field or list outside it, where Escape belongs to the field. Focus that was inside
 * the panel (or nowhere) goes to the control that opens it again, so keyboard users are not left
 * on the page's body when the panel unmounts.
 */
import { type RefObject, useCallback, useEffect } from 'react';

export function useEscapeToClose(
  open: boolean,
  close: () => void,
  panel: RefObject<HTMLElement | null>,
  /** The control that opened the panel, e.g. '.tour-button'. */
  opener: string,
): () => void {
  const closeAndRefocus = useCallback(() => {
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || !!panel.current?.contains(focused);
    close();
    if (lost) document.querySelector<HTMLElement>(opener)?.focus();
  }, [close, panel, opener]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      const inPanel = !!target && !!panel.current?.contains(target);
      if (!inPanel && target?.closest('input, select, textarea, [contenteditable]')) return;
      event.preventDefault();
      closeAndRefocus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, panel, closeAndRefocus]);

  return closeAndRefocus;
}
