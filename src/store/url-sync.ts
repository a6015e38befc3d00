/**
 * Keeps the URL and the settings in step: each change becomes a history entry (so back and
 * forward walk through earlier states), and back/forward put the settings back.
 */
import { useSettings } from './settings';
import { DEFAULT_STATE, type PageState, parseState, serializeState } from './url-state';

export function startUrlSync(): void {
  let applyingHistory = false;
  // Every field of PageState, read from the settings (so a new field cannot be forgotten here).
  const current = () => {
    const settings = useSettings.getState();
    const state = Object.fromEntries(
      Object.keys(DEFAULT_STATE).map((key) => [key, settings[key as keyof PageState]]),
    ) as unknown as PageState;
    return serializeState(state);
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
