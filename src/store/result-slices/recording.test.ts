import { describe, expect, it } from 'vitest';
import type { Recording } from '../../engine/recording/format';
import { packRecording } from '../../engine/recording/packed';
import { NO_RECORDINGS, reduceRecordings, type RecordingsView, withStep } from './recording';

function recording(steps: number): Recording {
  return {
    format: 'activation-lab-recording',
    version: 1,
    source: 'numpy',
    producer: { name: 'test' },
    model: { name: null, layers: [], config: null },
    bins: {},
    steps: Array.from({ length: steps }, (_, i) => ({
      step: i * 10,
      loss: null,
      accuracy: null,
      layers: [],
      update_data: {},
    })),
  };
}

const opening = (id: number, view: RecordingsView = NO_RECORDINGS): RecordingsView => ({
  ...view,
  opening: { id, name: `run${id}.alab.json`, url: null, phase: 'reading', fraction: 0 },
});

describe('the recordings slice', () => {
  it('an opened recording is shown at its last step; progress of another open is ignored', () => {
    let view = reduceRecordings(opening(2), {
      type: 'recording-progress',
      id: 1,
      phase: 'checking',
      fraction: 0.5,
    });
    expect(view.opening?.phase).toBe('reading');
    view = reduceRecordings(view, {
      type: 'recording-opened',
      id: 2,
      recording: packRecording(recording(4)),
      findings: [],
      bytes: 10,
    });
    expect(view.opening).toBeNull();
    expect(view.shown?.name).toBe('run2.alab.json');
    expect(view.stepIndex).toBe(3);
  });

  it('a file that fails says why, and the recording already shown stays', () => {
    const shown = reduceRecordings(opening(1), {
      type: 'recording-opened',
      id: 1,
      recording: packRecording(recording(2)),
      findings: [],
      bytes: 10,
    });
    const failed = reduceRecordings(opening(2, shown), {
      type: 'recording-error',
      id: 2,
      message: 'Not JSON',
    });
    expect(failed.error).toBe('Could not open run2.alab.json: Not JSON');
    expect(failed.shown).toBe(shown.shown);
    expect(failed.stepIndex).toBe(shown.stepIndex);
  });

  it('the slider stays within the recorded steps', () => {
    const view = reduceRecordings(opening(1), {
      type: 'recording-opened',
      id: 1,
      recording: packRecording(recording(5)),
      findings: [],
      bytes: 10,
    });
    expect(withStep(view, -3).stepIndex).toBe(0);
    expect(withStep(view, 99).stepIndex).toBe(4);
    expect(withStep(view, 2).stepIndex).toBe(2);
  });
});
