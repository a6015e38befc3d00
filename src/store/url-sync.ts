/**
 * Keeps the URL and the settings in step: each change becomes a history entry (so back and
 * forward walk through earlier states), and back/forward put the settings back. A recording
 * opened from a URL stays in the link as `recording=` while it is open.
 */
import { useResults } from './results';
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
    const search = serializeState(state);
    const { opening, shown } = useResults.getState().recordings;
    const recording = (opening ?? shown)?.url ?? null;
    return recording === null ? search : `${search}&${new URLSearchParams({ recording })}`;
  };

  history.replaceState(null, '', current());
  const push = () => {
    if (applyingHistory) return;
    const search = current();
    if (search !== location.search) history.pushState(null, '', search);
  };
  useSettings.subscribe(push);
  // Opening a recording from a URL adds it to the link; closing it takes it out.
  useResults.subscribe((state, previous) => {
    if (state.recordings !== previous.recordings) history.replaceState(null, '', current());
  });
  window.addEventListener('popstate', () => {
    const { state, notices } = parseState(location.search);
    applyingHistory = true;
    useSettings.getState().replace(state, notices);
    applyingHistory = false;
  });
}
