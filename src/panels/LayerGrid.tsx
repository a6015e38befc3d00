/** The layer panels, with the gradient axis switch and a legend of the x-ranges. */
import { useId } from 'react';
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';
import type { GradAxis } from '../store/url-state';
import { Explain } from './Explain';
import { formatNumber } from './format';
import { LayerPanel } from './LayerPanel';

/** Deeper than this, the grid scrolls in a box of its own and the depth chart is the overview. */
export const SCROLL_FROM = 20;

export function LayerGrid() {
  const depth = useResults((s) => s.layers.length);
  const actRange = useResults((s) => s.actRange);
  const gradAxis = useSettings((s) => s.gradAxis);
  const setGradAxis = useSettings((s) => s.setGradAxis);
  const name = useId();
  const scroll = depth > SCROLL_FROM;
  const axes: [GradAxis, string][] = [
    ['linear', 'linear'],
    ['log', 'log₁₀ |g|'],
  ];
  return (
    <section className="layers" aria-labelledby="layers-title">
      <header className="layers-header">
        <h2 id="layers-title">Every layer</h2>
        <p className="range-note">
          Activations on a shared x-axis {formatNumber(actRange[0])} … {formatNumber(actRange[1])};
          values beyond it are counted at the edges.
        </p>
        <fieldset className="segmented">
          <legend>
            <Explain term="grad_axis">Gradient axis</Explain>
          </legend>
          {axes.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name={name}
                value={value}
                checked={gradAxis === value}
                onChange={() => setGradAxis(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      </header>
      <div
        className={scroll ? 'layer-grid scroll' : 'layer-grid'}
        data-scroll={scroll}
        {...(scroll && {
          // Focusable so the keyboard can scroll it; a region, so its name is announced.
          tabIndex: 0,
          role: 'region',
          'aria-label': `Layer panels, ${depth} layers: scroll, or choose a layer on the depth chart`,
        })}
      >
        {Array.from({ length: depth }, (_, index) => (
          <LayerPanel key={index} index={index} />
        ))}
      </div>
    </section>
  );
}
