/**
 * Opens recordings in the worker: reads the bytes (a file or a URL) as a stream, saying how far
 * it got, checks them against the format (src/engine/recording/parse.ts) and diagnoses them, so
 * a 100-layer × 1,000-step file never blocks the page. A newer open supersedes an older one.
 */
import { errorMessage } from '../engine/format';
import { diagnoseRecording } from '../engine/recording/diagnose';
import { packRecording, transferables } from '../engine/recording/packed';
import { checkRecordingSize, parseRecording } from '../engine/recording/parse';
import { Generation } from './generation';
import type { WorkerMessage } from './protocol';
import type { OpenRecordingRequest, RecordingProgressMessage } from './recording-protocol';

/** Progress messages at most this often: enough for a smooth bar, few enough to cost nothing. */
const PROGRESS_STEP = 0.02;

export class RecordingSession {
  private readonly opens = new Generation();

  constructor(private readonly post: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void) {}

  cancel(): void {
    this.opens.cancel();
  }

  async open(request: OpenRecordingRequest): Promise<void> {
    const stale = this.opens.begin();
    const { id } = request;
    let last = -1;
    const progress = (phase: RecordingProgressMessage['phase'], fraction: number | null) => {
      if (fraction !== null && fraction - last < PROGRESS_STEP && fraction < 1) return;
      last = fraction ?? last;
      if (!stale()) this.post({ type: 'recording-progress', id, phase, fraction });
    };
    try {
      const { text, bytes } = await readText(request.source, (f) => progress('reading', f));
      if (stale()) return;
      last = -1;
      const parsed = parseRecording(text, (f) => progress('checking', f));
      const findings = diagnoseRecording(parsed);
      const recording = packRecording(parsed);
      if (stale()) return;
      this.post(
        { type: 'recording-opened', id, recording, findings, bytes },
        transferables(recording),
      );
    } catch (error) {
      if (!stale()) this.post({ type: 'recording-error', id, message: errorMessage(error) });
    }
  }
}

/** The source's bytes as text; refuses a file over the format's limit before reading it. */
async function readText(
  source: OpenRecordingRequest['source'],
  onProgress: (fraction: number | null) => void,
): Promise<{ text: string; bytes: number }> {
  if ('text' in source) {
    onProgress(1);
    return { text: source.text, bytes: source.text.length };
  }
  let body: ReadableStream<Uint8Array>;
  let size: number | null;
  if ('file' in source) {
    checkRecordingSize(source.file.size);
    body = source.file.stream();
    size = source.file.size;
  } else {
    const response = await fetch(source.url);
    if (!response.ok || !response.body)
      throw new Error(`Could not load ${source.url}: ${response.status} ${response.statusText}`);
    const length = Number(response.headers.get('content-length'));
    size = length > 0 ? length : null;
    if (size !== null) checkRecordingSize(size);
    body = response.body;
  }
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (value?: Uint8Array) => {
    try {
      return decoder.decode(value, { stream: value !== undefined });
    } catch {
      throw new Error('Not a recording: the file is not text (UTF-8); expected *.alab.json');
    }
  };
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    // A server that sent no length is checked as the bytes arrive.
    checkRecordingSize(bytes);
    parts.push(decode(value));
    onProgress(size ? Math.min(1, bytes / size) : null);
  }
  parts.push(decode());
  return { text: parts.join(''), bytes };
}
