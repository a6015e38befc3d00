/**
 * The Lecture tour: one step per claim of lecture 6 in the lecture's order, each with our
 * explanation, its criterion, a "Show me" that sets the whole state, and a live verdict computed
 * by the engine in the worker (data-testid="claim-<id>", data-reproduced). ←/→ walk the steps.
 */
import { useCallback, useEffect, useRef } from 'react';
import { PaperFigures, VerdictChart } from './PaperFigures';
import { TourTerms } from './TourTerms';
import { useEscapeToClose } from './useEscapeToClose';
import { CHAPTERS, CLAIM_INFOS } from '../engine/claims/info';
import type { ClaimInfo, ClaimScene } from '../engine/claims/types';
import { LECTURE_BATCH, LECTURE_NETWORK } from '../engine/config';
import { engine, trainingActions } from '../store/engine';
import { useResults, verdictKey } from '../store/results';
import { useSettings } from '../store/settings';
import { DEFAULT_DATA, DEFAULT_TRAINING } from '../store/url-state';

/** The whole state a scene names, on top of the lecture's defaults (not of what was shown). */
export function applyScene(scene: ClaimScene): void {
  useSettings.getState().applyPreset({
    network: { ...LECTURE_NETWORK, ...scene.network },
    batch: scene.batch ?? LECTURE_BATCH,
    data: { ...DEFAULT_DATA, ...scene.dataOptions, name: scene.data ?? 'probe' },
    training: { ...DEFAULT_TRAINING, ...scene.training },
    pinned: null,
  });
  if (scene.train) trainingActions.train();
}

function Verdict({ claim }: { claim: ClaimInfo }) {
  const id = claim.id;
  const verdict = useResults((s) => s.claims[id]);
  const result = verdict?.result ?? null;
  const reproduced = result ? String(result.reproduced) : undefined;
  // A demonstration holds in any correct engine: its check is shown, not claimed as a finding.
  const yes = claim.kind === 'demonstration' ? '✓ Holds, as it must' : '✓ Reproduced';
  return (
    <div
      className={`verdict ${result ? (result.reproduced ? 'yes' : 'no') : ''}`}
      data-testid={`claim-${id}`}
      data-reproduced={reproduced}
      aria-live="polite"
      aria-busy={verdict?.running ?? false}
    >
      <strong>
        {verdict?.running
          ? 'Checking with the engine…'
          : result
            ? result.reproduced
              ? yes
              : '✗ Not reproduced'
            : verdict?.error
              ? 'The check failed'
              : 'Not checked yet'}
      </strong>
      {result && <p>{result.summary}</p>}
      {result && claim.verdictChart && (
        <VerdictChart spec={claim.verdictChart} measured={result.measured} />
      )}
      {result && <PaperFigures claim={claim} measured={result.measured} />}
      {verdict?.error && <p>{verdict.error}</p>}
    </div>
  );
}

/**
 * The control's verdict: the same criterion with the claimed cause removed, computed by the
 * engine in the worker like the claim's. It must come out not reproduced.
 */
function ControlVerdict({ claim }: { claim: ClaimInfo }) {
  const verdict = useResults((s) => s.claims[verdictKey(claim.id, 'control')]);
  const result = verdict?.result ?? null;
  // Right when the control does not reproduce: the criterion singles out the cause.
  const outcome = verdict?.running
    ? 'checking with the engine…'
    : result
      ? result.reproduced
        ? 'reproduced too — the criterion does not single out the cause'
        : 'not reproduced'
      : verdict?.error
        ? 'the check failed'
        : 'not checked yet';
  return (
    <div
      className={`verdict control ${result ? (result.reproduced ? 'no' : 'yes') : ''}`}
      data-testid={`control-${claim.id}`}
      data-reproduced={result ? String(result.reproduced) : undefined}
      aria-live="polite"
      aria-busy={verdict?.running ?? false}
    >
      <strong>
        Without the cause ({claim.control.description}): {outcome}
      </strong>
      {result && <p>{result.summary}</p>}
      {verdict?.error && <p>{verdict.error}</p>}
    </div>
  );
}

export function TourPanel() {
  const step = useSettings((s) => s.tour);
  const setTour = useSettings((s) => s.setTour);
  const index = CLAIM_INFOS.findIndex((c) => c.id === step);
  const claim = index >= 0 ? CLAIM_INFOS[index] : null;
  const checked = useResults((s) => (claim ? s.claims[claim.id] !== undefined : true));
  const controlChecked = useResults((s) =>
    claim ? s.claims[verdictKey(claim.id, 'control')] !== undefined : true,
  );

  // Each step's verdict, then its control's, is computed when the step is first opened.
  useEffect(() => {
    if (claim && !checked) engine.checkClaim(claim.id);
  }, [claim, checked]);
  useEffect(() => {
    if (claim && !controlChecked) engine.checkClaim(claim.id, 'control');
  }, [claim, controlChecked]);
  // Escape (and ×) close the tour; focus goes back to the header's "Lecture tour" button.
  const section = useRef<HTMLElement>(null);
  const closeTour = useCallback(() => setTour(null), [setTour]);
  const close = useEscapeToClose(claim !== null, closeTour, section, '.tour-button');

  if (!claim) return null;
  const chapter = CHAPTERS.find((c) => c.id === claim.chapter);
  const go = (delta: number) => {
    const next = CLAIM_INFOS[index + delta];
    if (next) setTour(next.id);
  };
  return (
    <section
      ref={section}
      className="tour card"
      aria-label="Lecture tour step"
      onKeyDown={(event) => {
        if ((event.target as HTMLElement).closest('input, select, textarea')) return;
        if (event.key === 'ArrowRight') go(1);
        else if (event.key === 'ArrowLeft') go(-1);
      }}
    >
      <header className="tour-header">
        <p className="tour-chapter">
          {chapter?.title} · step {index + 1} of {CLAIM_INFOS.length}
        </p>
        <button type="button" className="dismiss" onClick={close} aria-label="Close the tour">
          ×
        </button>
      </header>
      <h2 id="tour-title">{claim.title}</h2>
      <p>{claim.explanation}</p>
      <TourTerms claim={claim.id} />
      {claim.citation && <p className="citation">{claim.citation}</p>}
      {claim.kind === 'demonstration' && (
        <p className="demonstration" data-testid="demonstration">
          <strong>Demonstration</strong>, not a finding: {claim.demonstration}
        </p>
      )}
      <p className="criterion">
        <strong>Criterion:</strong> {claim.expected}
      </p>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => applyScene(claim.show)}>
          Show me
        </button>
        {claim.contrast && (
          <button type="button" onClick={() => applyScene(claim.contrast!.scene)}>
            {claim.contrast.label}
          </button>
        )}
        <button type="button" onClick={() => applyScene(claim.control.show)}>
          Show me the control
        </button>
        <button
          type="button"
          onClick={() => {
            engine.checkClaim(claim.id);
            engine.checkClaim(claim.id, 'control');
          }}
        >
          Check again
        </button>
      </div>
      <Verdict claim={claim} />
      <ControlVerdict claim={claim} />
      <nav className="tour-nav" aria-label="Tour steps">
        <button type="button" onClick={() => go(-1)} disabled={index === 0}>
          ← Previous
        </button>
        <button type="button" onClick={() => go(1)} disabled={index === CLAIM_INFOS.length - 1}>
          Next →
        </button>
      </nav>
    </section>
  );
}
