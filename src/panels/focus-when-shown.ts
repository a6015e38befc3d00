/**
 * Focuses the element `selector` names once it is on the page (within a few frames): entering or
 * leaving projector mode replaces the button that was pressed, and the keyboard must not be left
 * on the page's body.
 */
export function focusWhenShown(selector: string, frames = 120): void {
  const element = document.querySelector<HTMLElement>(selector);
  if (element) element.focus();
  else if (frames > 0) requestAnimationFrame(() => focusWhenShown(selector, frames - 1));
}
