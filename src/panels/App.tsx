/** The page: controls on the left; diagnosis, depth chart and every layer's panels on the right. */
import { lazy, Suspense } from 'react';
import { useResults } from '../store/results';
import { Alerts } from './Alerts';
import { useSettings } from '../store/settings';
import { CLAIM_IDS } from '../engine/claims/types';
import { ComparePanel } from './ComparePanel';
import { SharePanel } from './SharePanel';
import { EmbedStrip } from './EmbedStrip';
import { Controls } from './Controls';
import { DepthChartPanel } from './DepthChartPanel';
import { DiagnosisPanel } from './DiagnosisPanel';
import { GradientFlowPanel } from './GradientFlowPanel';
import { LayerGrid } from './LayerGrid';
import { StatsTable } from './StatsTable';
import { TrainingControls } from './TrainingControls';
import { OpenRecording } from './recording/OpenRecording';
import { Explain } from './Explain';
import { focusWhenShown } from './focus-when-shown';
import './layer-overview.css';

// What the first view does not show loads when it is first needed: the training panels (the
// training view, preprocessing, babysitting, search) when training starts, the tour (its texts,
// scenes and the papers' figures) when it opens, from the header's button or a ?tour= link.
const TrainingPanels = lazy(() =>
  import('./TrainingPanels').then((module) => ({ default: module.TrainingPanels })),
);
const RecordingView = lazy(() =>
  import('./recording/RecordingView').then((module) => ({ default: module.RecordingView })),
);
const TourPanel = lazy(() =>
  import('./TourPanel').then((module) => ({ default: module.TourPanel })),
);
// Projector mode (?present=1, or the header's button) loads its layout, keys and styles then.
const ProjectorApp = lazy(() =>
  import('./projector/ProjectorApp').then((module) => ({ default: module.ProjectorApp })),
);

export function App() {
  const embed = useSettings((s) => s.embed);
  const present = useSettings((s) => s.present);
  if (embed) return <EmbedApp />;
  return present ? (
    <Suspense fallback={null}>
      <ProjectorApp />
    </Suspense>
  ) : (
    <FullApp />
  );
}

/** ?embed=1: the panels and a minimal control strip, for an iframe in course pages. */
function EmbedApp() {
  const status = useResults((s) => s.status);
  return (
    <div className="app embed" data-status={status}>
      <EmbedStrip />
      <main className="content">
        <Alerts />
        <DepthChartPanel />
        <LayerGrid />
      </main>
    </div>
  );
}

function FullApp() {
  const status = useResults((s) => s.status);
  const backend = useResults((s) => s.backend);
  const engineNote = useResults((s) => s.engineNote);
  const mode = useResults((s) => s.mode);
  const tour = useSettings((s) => s.tour);
  const setTour = useSettings((s) => s.setTour);
  const setPresent = useSettings((s) => s.setPresent);
  // A recording, once open, takes the place of the lab's own panels until it is closed.
  const recording = useResults((s) => s.recordings.shown !== null);
  return (
    <div className="app" data-status={status}>
      <header className="app-header">
        <h1>Activation Lab</h1>
        <p className="tagline">
          What initialization, activation and batch normalization do to every layer of a deep
          network.
        </p>
        <button
          type="button"
          className="tour-button"
          aria-expanded={tour !== null}
          onClick={() => setTour(tour ? null : CLAIM_IDS[0])}
        >
          Lecture tour
        </button>
        <button
          type="button"
          className="present-enter"
          onClick={() => {
            setPresent(true);
            focusWhenShown('.present-leave');
          }}
        >
          Projector mode
        </button>
        <OpenRecording />
        <p
          className="engine"
          aria-live="polite"
          title={engineNote ? `One thread: ${engineNote}` : undefined}
        >
          <span className={`status-dot ${status}`} aria-hidden="true" />
          {status === 'computing' ? 'computing…' : status} {backend ? `· engine ${backend}` : ''}
        </p>
      </header>
      <aside className="sidebar">
        <Controls />
        <TrainingControls />
      </aside>
      <main className="content">
        <Alerts />
        {tour !== null && (
          <Suspense fallback={null}>
            <TourPanel />
          </Suspense>
        )}
        {recording ? (
          <Suspense fallback={null}>
            <RecordingView />
          </Suspense>
        ) : (
          <LabPanels training={mode === 'train'} />
        )}
      </main>
    </div>
  );
}

/**
 * The lab's own network: diagnosis, depth chart and gradient flow (the overview), training,
 * compare, layers, table, share.
 */
function LabPanels({ training }: { training: boolean }) {
  return (
    <>
      <div className="overview with-flow">
        <DiagnosisPanel />
        <DepthChartPanel />
        <GradientFlowPanel />
      </div>
      {training && (
        <Suspense fallback={null}>
          <TrainingPanels explain={Explain} />
        </Suspense>
      )}
      <ComparePanel />
      <LayerGrid />
      <StatsTable />
      <SharePanel />
    </>
  );
}
