/**
 * Brings a layer's panel into view (inside the scrolling grid and the page), gives it the focus
 * and highlights it briefly: what clicking a layer on the depth chart (or the gradient-flow
 * chart), or choosing it from the keyboard, does.
 */

/** How long the highlight stays (the CSS animation in layer-overview.css lasts as long). */
export const HIGHLIGHT_MS = 2000;

const timers = new WeakMap<HTMLElement, number>();

/** The layer under a click on a chart whose columns carry data-layer (drawLayerColumns). */
export function layerAt(target: EventTarget | null): number | null {
  if (!(target instanceof Element)) return null;
  const layer = Number(target.closest('[data-layer]')?.getAttribute('data-layer'));
  return Number.isInteger(layer) && layer > 0 ? layer : null;
}

export function showLayer(layer: number): boolean {
  const panel = document.querySelector<HTMLElement>(`[data-testid="layer-${layer}"]`);
  if (!panel) return false;
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  panel.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  // Focus without a second jump, so a keyboard user goes on from the panel shown.
  panel.focus({ preventScroll: true });
  // Set again when it is already set: remove, force a style pass, add (restarts the animation).
  panel.removeAttribute('data-highlight');
  void panel.offsetWidth;
  panel.setAttribute('data-highlight', '');
  window.clearTimeout(timers.get(panel));
  timers.set(
    panel,
    window.setTimeout(() => panel.removeAttribute('data-highlight'), HIGHLIGHT_MS),
  );
  return true;
}
