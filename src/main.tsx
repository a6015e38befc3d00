import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerServiceWorker } from './offline/register';
import { App } from './panels/App';
import { engine, recordingActions } from './store/engine';
import { startEngineSync } from './store/engine-sync';
import { startUrlSync } from './store/url-sync';
import './styles.css';

registerServiceWorker();
engine.start();
startEngineSync(engine);
// ?recording=URL opens a recording served beside the page (before the URL is rewritten).
const recordingUrl = new URLSearchParams(location.search).get('recording');
if (recordingUrl) recordingActions.openUrl(recordingUrl);
startUrlSync();

// A handle for end-to-end tests that simulate a crashed engine.
(window as Window & { activationLab?: { crashWorker: () => void } }).activationLab = {
  crashWorker: () => engine.crash(),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
