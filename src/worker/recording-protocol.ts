/**
 * The worker's messages about recordings (docs/recording-format.md): the page hands over a file
 * or a URL, the worker reads, checks and diagnoses it off the main thread, saying how far it is.
 * Part of the protocol (protocol.ts joins these into its request and message unions).
 */
import type { RecordingFinding } from '../engine/recording/diagnose';
import type { PackedRecording } from '../engine/recording/packed';

/**
 * Opens a recording: a file the user chose or dropped, a URL beside the page, or the text of a
 * recording the page made of its own run (src/panels/exports.ts), checked the same way.
 */
export interface OpenRecordingRequest {
  type: 'recording-open';
  id: number;
  source: { file: File } | { url: string } | { text: string };
}

export interface RecordingProgressMessage {
  type: 'recording-progress';
  id: number;
  /** Reading the bytes, then checking them against the format. */
  phase: 'reading' | 'checking';
  /** 0…1 within the phase, or null when the size is unknown (a URL without a length). */
  fraction: number | null;
}

export interface RecordingOpenedMessage {
  type: 'recording-opened';
  id: number;
  /** Columns of typed arrays, transferred rather than copied (src/engine/recording/packed.ts). */
  recording: PackedRecording;
  findings: RecordingFinding[];
  bytes: number;
}

/** What is wrong with the file, in words; nothing else on the page changes. */
export interface RecordingErrorMessage {
  type: 'recording-error';
  id: number;
  message: string;
}

export type RecordingMessage =
  RecordingProgressMessage | RecordingOpenedMessage | RecordingErrorMessage;
