/**
 * Keeps the URL and the settings in step: each change becomes a history entry (so back and
 * forward walk through earlier states), and back/forward put the settings back.
 */
import { useSettings } from './settings';
import { parseState, serializeState } from './url-state';

export function startUrlSync(): void {
  let applyingHistory = false;
  const current = () => {
    const { network, batch, data, training, gradAxis, backend, pinned, embed } =
      useSettings.getState();
    return serializeState({ network, batch, data, training, gradAxis, backend, pinned, embed });
  };
  history.replaceState(null, '', current());
  useSettings.subscribe(() => {
    if (applyingHistory) return;
    const search = current();
    if (search !== location.search) history.pushState(null, '', search);
  });
  window.addEventListener('popstate', () => {
    const { state, notices } = parseState(location.search);
    applyingHistory = true;
    useSettings.getState().replace(state, notices);
    applyingHistory = false;
  });
}
