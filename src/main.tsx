import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './panels/App';
import { useSettings } from './store/settings';
import { startUrlSync } from './store/url-sync';
import { EngineClient } from './worker/client';
import './styles.css';

const client = new EngineClient(useSettings.getState().backend);
client.start();

// Every accepted change of the network runs a new probe.
const runProbe = () => {
  const { network, batch } = useSettings.getState();
  client.probe(network, batch);
};
useSettings.subscribe((state, previous) => {
  if (state.network !== previous.network || state.batch !== previous.batch) runProbe();
});
runProbe();
startUrlSync();

// A handle for end-to-end tests that simulate a crashed engine.
(window as Window & { activationLab?: { crashWorker: () => void } }).activationLab = {
  crashWorker: () => client.crash(),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
