/** The embed view's minimal control strip, and where the figure comes from (the full page). */
import { useId } from 'react';
import { ACTIVATIONS, type ActivationName, INITS, type InitName } from '../engine/config';
import { useSettings } from '../store/settings';
import { serializeState } from '../store/url-state';
import { ACTIVATION_LABELS, INIT_LABELS } from './Controls';

export function EmbedStrip() {
  const state = useSettings();
  const ids = { act: useId(), init: useId(), bn: useId() };
  const fullPage = `${location.pathname}${serializeState({ ...state, embed: false })}`;
  return (
    <header className="embed-strip">
      <a className="embed-source" href={fullPage} target="_blank" rel="noopener">
        Activation Lab ↗
      </a>
      <label htmlFor={ids.act}>Activation</label>
      <select
        id={ids.act}
        value={state.network.activation}
        onChange={(e) => state.update({ activation: e.target.value as ActivationName })}
      >
        {ACTIVATIONS.map((name) => (
          <option key={name} value={name}>
            {ACTIVATION_LABELS[name]}
          </option>
        ))}
      </select>
      <label htmlFor={ids.init}>Initialization</label>
      <select
        id={ids.init}
        value={state.network.init}
        onChange={(e) => state.update({ init: e.target.value as InitName })}
      >
        {INITS.map((name) => (
          <option key={name} value={name}>
            {INIT_LABELS[name]}
          </option>
        ))}
      </select>
      <input
        id={ids.bn}
        type="checkbox"
        checked={state.network.batchnorm}
        onChange={(e) => state.update({ batchnorm: e.target.checked })}
      />
      <label htmlFor={ids.bn}>Batch normalization</label>
    </header>
  );
}
