/**
 * Turns accepted settings into engine runs (src/store/requests.ts): the probe when the data is
 * the lecture's random input, a training run otherwise (rebuilt when the network, data or batch
 * change; learning rate, optimizer and L2 apply from the next step). A pinned configuration A
 * runs beside it: its probe, or its own training run on the same data and batches.
 */
import type { EngineBridge } from './engine-bridge';
import { requestsOf } from './requests';
import { useSettings } from './settings';

export function startEngineSync(bridge: EngineBridge): void {
  useSettings.subscribe((state, previous) => {
    const { current, pinned } = requestsOf(state);
    const rebuild =
      state.network !== previous.network ||
      state.batch !== previous.batch ||
      state.data !== previous.data;
    if (rebuild) bridge.run(current);
    else if (state.training !== previous.training) bridge.configure(current);
    // A follows the data: a new data set (or back to the probe) rebuilds A's run too.
    if (state.pinned !== previous.pinned || state.data !== previous.data) bridge.runPinned(pinned);
  });
  const initial = requestsOf(useSettings.getState());
  bridge.run(initial.current);
  if (initial.pinned) bridge.runPinned(initial.pinned);
}
