/**
 * Turns accepted settings into engine requests: the probe when the data is the lecture's random
 * input, a training run otherwise (rebuilt when the network, data or batch change; learning rate,
 * optimizer and L2 apply from the next step).
 */
import type { DatasetName } from '../engine/data/dataset';
import type { EngineClient } from '../worker/client';
import { type SettingsState, useSettings } from './settings';

function request(client: EngineClient, state: SettingsState, rebuild: boolean): void {
  const { network, batch, data, training } = state;
  if (data.name === 'probe') {
    client.probe(network, batch);
    return;
  }
  const { speed, ...rest } = training;
  const trainingConfig = { ...rest, batchSize: batch };
  if (rebuild) {
    const { name, ...spec } = data;
    client.trainSetup(network, trainingConfig, { ...spec, name: name as DatasetName }, speed);
  } else client.trainConfig(trainingConfig, speed);
}

export function startEngineSync(client: EngineClient): void {
  useSettings.subscribe((state, previous) => {
    const rebuild =
      state.network !== previous.network ||
      state.batch !== previous.batch ||
      state.data !== previous.data;
    if (rebuild || state.training !== previous.training) request(client, state, rebuild);
    if (state.pinned !== previous.pinned)
      client.probePinned(state.pinned?.network ?? null, state.pinned?.batch ?? 0);
  });
  const initial = useSettings.getState();
  request(client, initial, true);
  if (initial.pinned) client.probePinned(initial.pinned.network, initial.pinned.batch);
}
