/**
 * Projector mode (?present=1): the page one section at a time, in large type and a high-contrast
 * palette (projector.css), walked by keyboard or clicker (useProjectorKeys.ts). App.tsx loads this
 * module only when projector mode is on, so the first view does not carry it.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { CLAIM_IDS } from '../../engine/claims/types';
import { useResults } from '../../store/results';
import { type Section, sectionsOf } from '../../store/sections';
import { useSettings } from '../../store/settings';
import { Alerts } from '../Alerts';
import { Controls } from '../Controls';
import { DepthChartPanel } from '../DepthChartPanel';
import { DiagnosisPanel } from '../DiagnosisPanel';
import { Explain } from '../Explain';
import { focusWhenShown } from '../focus-when-shown';
import { GradientFlowPanel } from '../GradientFlowPanel';
import { LayerGrid } from '../LayerGrid';
import { TrainingControls } from '../TrainingControls';
import { useProjectorKeys } from './useProjectorKeys';
import './projector.css';

/** The section names people read (the header's buttons, the slide's name for screen readers). */
const SECTION_LABELS: Record<Section, string> = {
  tour: 'Tour',
  controls: 'Controls',
  depth: 'Depth chart',
  layers: 'Layers',
  training: 'Training',
};

const TrainingPanels = lazy(() =>
  import('../TrainingPanels').then((module) => ({ default: module.TrainingPanels })),
);
const TourPanel = lazy(() =>
  import('../TourPanel').then((module) => ({ default: module.TourPanel })),
);

export function ProjectorApp() {
  const status = useResults((s) => s.status);
  const section = useSettings((s) => s.section);
  useProjectorKeys();
  const slide = useRef<HTMLElement>(null);
  // A section change unmounts what had the focus: the keyboard goes on from the new slide.
  useEffect(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) slide.current?.focus({ preventScroll: true });
    slide.current?.scrollTo?.({ top: 0 });
  }, [section]);
  return (
    <div className="app present" data-status={status} data-section={section}>
      <ProjectorHeader section={section} />
      <main
        ref={slide}
        className="slide"
        tabIndex={-1}
        aria-label={`${SECTION_LABELS[section]} (projector mode)`}
        data-testid="slide"
      >
        <Alerts />
        <Slide section={section} />
      </main>
    </div>
  );
}

function ProjectorHeader({ section }: { section: Section }) {
  const tour = useSettings((s) => s.tour);
  const setTour = useSettings((s) => s.setTour);
  const setSection = useSettings((s) => s.setSection);
  const setPresent = useSettings((s) => s.setPresent);
  const sections = sectionsOf(tour !== null);
  const at = sections.indexOf(section);
  return (
    <header className="app-header present-header">
      <h1>Activation Lab</h1>
      <nav aria-label="Sections" className="present-sections">
        {sections.map((name) => (
          <button
            key={name}
            type="button"
            aria-current={name === section ? 'step' : undefined}
            onClick={() => setSection(name)}
          >
            {SECTION_LABELS[name]}
          </button>
        ))}
      </nav>
      {/* Open, the tour is a section of its own, closed by its × (or Escape). */}
      {tour === null && (
        <button type="button" className="tour-button" onClick={() => setTour(CLAIM_IDS[0])}>
          Lecture tour
        </button>
      )}
      <button
        type="button"
        className="present-leave"
        onClick={() => {
          setPresent(false);
          focusWhenShown('.present-enter');
        }}
      >
        Leave projector mode
      </button>
      <p className="present-where" aria-live="polite">
        {SECTION_LABELS[section]} · {at + 1} of {sections.length} · ←/→ or Page Up/Down
        {tour !== null && ' · Shift+←/→: tour step'}
      </p>
    </header>
  );
}

function Slide({ section }: { section: Section }) {
  const training = useResults((s) => s.mode === 'train');
  switch (section) {
    case 'tour':
      return (
        <Suspense fallback={null}>
          <TourPanel />
        </Suspense>
      );
    case 'controls':
      return (
        <div className="present-controls">
          <Controls />
        </div>
      );
    case 'depth':
      return (
        <div className="overview with-flow">
          <DiagnosisPanel />
          <DepthChartPanel />
          <GradientFlowPanel />
        </div>
      );
    case 'layers':
      return <LayerGrid />;
    case 'training':
      return (
        <div className="present-training">
          <TrainingControls />
          {training && (
            <Suspense fallback={null}>
              <TrainingPanels explain={Explain} />
            </Suspense>
          )}
        </div>
      );
  }
}
