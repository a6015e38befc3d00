/**
 * Turns accepted settings into engine requests: the probe when the data is the lecture's random
 * input, a training run otherwise (rebuilt when the network, data or batch change; learning rate,
 * optimizer and L2 apply from the next step). A pinned configuration A runs beside it: its probe,
 * or its own training run on the same data and batches.
 */
import type { DatasetName } from '../engine/data/dataset';
import type { EngineClient } from '../worker/client';
import type { DataSpec } from '../worker/protocol';
import { type SettingsState, useSettings } from './settings';

function dataSpec(state: SettingsState): DataSpec {
  const { name, ...spec } = state.data;
  return { ...spec, name: name as DatasetName };
}

function request(client: EngineClient, state: SettingsState, rebuild: boolean): void {
  const { network, batch, data, training } = state;
  if (data.name === 'probe') {
    client.probe(network, batch);
    return;
  }
  const { speed, ...rest } = training;
  const trainingConfig = { ...rest, batchSize: batch };
  if (rebuild) client.trainSetup(network, trainingConfig, dataSpec(state), speed);
  else client.trainConfig(trainingConfig, speed);
}

function requestPinned(client: EngineClient, state: SettingsState): void {
  const { pinned, data } = state;
  if (!pinned) {
    client.probePinned(null, 0);
    client.trainStopPinned();
    return;
  }
  if (data.name === 'probe') {
    client.trainStopPinned();
    client.probePinned(pinned.network, pinned.batch);
    return;
  }
  const { speed, ...rest } = pinned.training;
  client.trainSetupPinned(
    pinned.network,
    { ...rest, batchSize: pinned.batch },
    dataSpec(state),
    speed,
  );
}

export function startEngineSync(client: EngineClient): void {
  useSettings.subscribe((state, previous) => {
    const rebuild =
      state.network !== previous.network ||
      state.batch !== previous.batch ||
      state.data !== previous.data;
    if (rebuild || state.training !== previous.training) request(client, state, rebuild);
    // A follows the data: a new data set (or back to the probe) rebuilds A's run too.
    if (state.pinned !== previous.pinned || state.data !== previous.data)
      requestPinned(client, state);
  });
  const initial = useSettings.getState();
  request(client, initial, true);
  if (initial.pinned) requestPinned(client, initial);
}
