/**
 * The keyboard's way into the depth chart: one tab stop (a toolbar of "Show layer N" buttons,
 * visually hidden, with a roving tabindex). ←/→ move between layers (PageUp/PageDown by 10,
 * Home/End), the chart tints the layer in focus, Enter or Space shows its panel.
 */
import { type KeyboardEvent, useRef, useState } from 'react';
import { showLayer } from './show-layer';

interface Props {
  layers: number;
  /** The layer in focus (tinted on the chart), or null when the toolbar has no focus. */
  onActive: (layer: number | null) => void;
}

const STEPS: Record<string, (current: number, last: number) => number> = {
  ArrowRight: (c) => c + 1,
  ArrowUp: (c) => c + 1,
  ArrowLeft: (c) => c - 1,
  ArrowDown: (c) => c - 1,
  PageUp: (c) => c + 10,
  PageDown: (c) => c - 10,
  Home: () => 1,
  End: (_, last) => last,
};

export function LayerNav({ layers, onActive }: Props) {
  const [current, setCurrent] = useState(1);
  const [focused, setFocused] = useState(false);
  const toolbar = useRef<HTMLDivElement>(null);
  const shown = Math.min(Math.max(1, current), Math.max(1, layers));

  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEPS[event.key];
    if (!step) return;
    event.preventDefault();
    const next = Math.min(layers, Math.max(1, step(shown, layers)));
    setCurrent(next);
    onActive(next);
    toolbar.current?.querySelector<HTMLButtonElement>(`[data-nav-layer="${next}"]`)?.focus();
  };

  if (layers < 1) return null;
  return (
    <>
      <div
        ref={toolbar}
        role="toolbar"
        aria-label="Layers on the chart"
        className="layer-nav"
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // The button that got the focus says which layer (arrow keys move it between them).
          const layer = Number(event.target.getAttribute('data-nav-layer'));
          setFocused(true);
          onActive(layer > 0 ? layer : shown);
        }}
        onBlur={(event) => {
          if (toolbar.current?.contains(event.relatedTarget as Node | null)) return;
          setFocused(false);
          onActive(null);
        }}
      >
        {Array.from({ length: layers }, (_, i) => (
          <button
            key={i}
            type="button"
            data-nav-layer={i + 1}
            tabIndex={i + 1 === shown ? 0 : -1}
            onClick={() => showLayer(i + 1)}
          >
            Show layer {i + 1}
          </button>
        ))}
      </div>
      {focused && (
        <p className="layer-nav-hint" aria-hidden="true">
          Layer {shown} · ←/→ move · Enter shows its panel
        </p>
      )}
    </>
  );
}
