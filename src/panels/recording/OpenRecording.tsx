/**
 * "Open recording": a file picker, and a drop anywhere on the page, hand the file to the worker
 * (src/store/engine.ts); while it reads and checks the file a progress bar says how far it is.
 * What went wrong shows in the page's alert region (Alerts.tsx); nothing else changes.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { recordingActions } from '../../store/engine';
import { useResults } from '../../store/results';
import { formatPercent } from '../format';
import './open-recording.css';

const RecordHelp = lazy(() =>
  import('./RecordHelp').then((module) => ({ default: module.RecordHelp })),
);

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** Drop a file anywhere: an overlay says so while a file is dragged over the page. */
function useDropAnywhere(onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onFile]);
  return dragging;
}

/** The example and the download, loaded when first opened. */
function RecordHelpToggle() {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="record-help"
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Record your network</summary>
      {open && (
        <Suspense fallback={<p>Loading…</p>}>
          <RecordHelp />
        </Suspense>
      )}
    </details>
  );
}

export function OpenRecording() {
  const input = useRef<HTMLInputElement>(null);
  const opening = useResults((s) => s.recordings.opening);
  const dragging = useDropAnywhere(recordingActions.open);
  return (
    <div className="open-recording">
      <button type="button" onClick={() => input.current?.click()}>
        Open recording…
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        aria-label="Recording file"
        accept=".json,.jsonl,application/json"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) recordingActions.open(file);
          event.currentTarget.value = '';
        }}
      />
      <RecordHelpToggle />
      {opening && (
        <p className="recording-progress" role="status" data-phase={opening.phase}>
          {opening.phase === 'reading' ? 'Reading' : 'Checking'} {opening.name}
          {opening.fraction !== null && ` ${formatPercent(opening.fraction)}`}
          <progress max={1} value={opening.fraction ?? undefined} aria-hidden="true" />
        </p>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a recording (*.alab.json) to open it
        </div>
      )}
    </div>
  );
}
