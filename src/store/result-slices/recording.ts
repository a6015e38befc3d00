/**
 * The recordings' slice: the one being opened (with its progress), the one shown (B) and the
 * one pinned as A, the step the slider is on, and why the last file could not be opened. A file
 * that fails leaves everything else as it was. Pure: state in, state out.
 */
import type { RecordingFinding } from '../../engine/recording/diagnose';
import type { PackedRecording } from '../../engine/recording/packed';
import type { RecordingMessage, RecordingProgressMessage } from '../../worker/recording-protocol';

export interface OpenedRecording {
  id: number;
  /** The file's name, or the last part of the URL it came from. */
  name: string;
  /** The URL it was loaded from (kept in the page's link), or null for a local file. */
  url: string | null;
  recording: PackedRecording;
  findings: RecordingFinding[];
  bytes: number;
}

export interface OpeningRecording {
  id: number;
  name: string;
  url: string | null;
  phase: RecordingProgressMessage['phase'];
  fraction: number | null;
}

export interface RecordingsView {
  opening: OpeningRecording | null;
  shown: OpenedRecording | null;
  /** Pinned as A: drawn beside the shown one (B). */
  pinned: OpenedRecording | null;
  /** Index into the shown recording's steps. */
  stepIndex: number;
  error: string | null;
}

export const NO_RECORDINGS: RecordingsView = {
  opening: null,
  shown: null,
  pinned: null,
  stepIndex: 0,
  error: null,
};

export function reduceRecordings(view: RecordingsView, message: RecordingMessage): RecordingsView {
  const { opening } = view;
  if (!opening || message.id !== opening.id) return view;
  switch (message.type) {
    case 'recording-progress':
      return { ...view, opening: { ...opening, phase: message.phase, fraction: message.fraction } };
    case 'recording-error':
      return {
        ...view,
        opening: null,
        error: `Could not open ${opening.name}: ${message.message}`,
      };
    case 'recording-opened': {
      const { recording, findings, bytes } = message;
      const shown = {
        id: opening.id,
        name: opening.name,
        url: opening.url,
        recording,
        findings,
        bytes,
      };
      // The last recorded step first: where training got to, and what went wrong by then.
      return { ...view, opening: null, error: null, shown, stepIndex: recording.stepCount - 1 };
    }
  }
}

/** The slider's step, kept within the shown recording. */
export function withStep(view: RecordingsView, index: number): RecordingsView {
  const steps = view.shown?.recording.stepCount ?? 0;
  return { ...view, stepIndex: Math.max(0, Math.min(steps - 1, Math.round(index))) };
}
