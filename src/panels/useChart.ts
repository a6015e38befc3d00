/**
 * Gives a chart an <svg> (or <canvas>) that d3 owns: React renders the element, the draw function fills it
 * whenever the data, the available width or projector mode change. React never renders children into it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { PROJECTOR_SCALE } from '../charts/theme';
import type { Size } from '../charts/types';
import { useSettings } from '../store/settings';

export function useChart<T, E extends Element = SVGSVGElement>(
  draw: (element: E, data: T, size: Size) => void,
  data: T,
  height: number,
) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(0);
  // Projector mode shows each chart larger: it lays out in the width it will cover at that scale.
  const scale = useSettings((s) => (s.present ? PROJECTOR_SCALE : 1));

  useLayoutEffect(() => {
    const container = ref.current?.parentElement;
    if (!container) return;
    setWidth(Math.floor(container.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (ref.current && width > 0)
      draw(ref.current, data, { width: Math.floor(width / scale), height, scale });
  }, [draw, data, width, height, scale]);

  return ref;
}
