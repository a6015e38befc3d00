/**
 * A recording of someone's own network (docs/recording-format.md) read the way the lab reads its
 * own: what it is, a slider over the recorded steps, the diagnosis, std by depth, the series over
 * time, every layer's panel and the ridgelines. Pin it as A and open another (or the lab's own
 * pass) as B to see both.
 */
import { recordingActions } from '../../store/engine';
import { type OpenedRecording, useResults } from '../../store/results';
import { formatNumber } from '../format';
import { RecordingDepthChart, RecordingSeries } from './RecordingCharts';
import { RecordingFindings } from './RecordingFindings';
import { RecordingLayers } from './RecordingLayers';
import { RecordingRidges } from './RecordingRidges';
import './recording.css';

function describe({ recording, name }: OpenedRecording): string {
  const { model, source, producer } = recording.header;
  const made = source === 'activation-lab' ? 'the lab' : `${source} (${producer.name})`;
  const modelName = model.name ? `${model.name}, ` : '';
  const steps = recording.stepCount;
  return `${name}: ${modelName}${model.layers.length} layers, ${steps} recorded steps, from ${made}`;
}

function StepSlider({ shown, index }: { shown: OpenedRecording; index: number }) {
  const setStep = useResults((s) => s.setRecordingStep);
  const { stepCount, stepNumbers, loss } = shown.recording;
  return (
    <p className="step-slider">
      <label htmlFor="recording-step">Recorded step</label>
      <input
        id="recording-step"
        type="range"
        min={0}
        max={stepCount - 1}
        value={index}
        disabled={stepCount < 2}
        aria-valuetext={`step ${stepNumbers[index]}`}
        onChange={(event) => setStep(Number(event.currentTarget.value))}
      />
      <output htmlFor="recording-step" data-testid="recording-step">
        step {stepNumbers[index]}
      </output>
      {Number.isFinite(loss[index]) && <span> · loss {formatNumber(loss[index], 3)}</span>}
    </p>
  );
}

/**
 * The lab's own run (its probe pass or training, as the sidebar sets it) opened as B beside this
 * recording as A: "our engine against PyTorch" on one configuration is one overlay.
 */
async function compareWithLab(shown: OpenedRecording, pinned: OpenedRecording | null) {
  const { exportRecording } = await import('../exports');
  const file = exportRecording();
  if (!file) return;
  if (!pinned) useResults.getState().pinRecording(shown);
  recordingActions.openText(`the lab's run (${file.name})`, file.content);
}

export function RecordingView() {
  const { shown, pinned, stepIndex } = useResults((s) => s.recordings);
  const pin = useResults((s) => s.pinRecording);
  const close = useResults((s) => s.closeRecordings);
  if (!shown) return null;

  return (
    <section className="recording-view" aria-labelledby="recording-title" data-name={shown.name}>
      <header className="card recording-header">
        <h2 id="recording-title">Recording</h2>
        <p data-testid="recording-summary">{describe(shown)}</p>
        {pinned && <p className="pinned-recording">A: {describe(pinned)} (dashed, outlined)</p>}
        <div className="recording-actions">
          {pinned === shown ? (
            <button type="button" onClick={() => pin(null)}>
              Unpin A
            </button>
          ) : (
            <button type="button" onClick={() => pin(shown)}>
              Pin as A
            </button>
          )}
          <button type="button" onClick={() => void compareWithLab(shown, pinned)}>
            Compare with the lab’s run
          </button>
          <button type="button" onClick={close}>
            Close recording
          </button>
        </div>
        <StepSlider shown={shown} index={stepIndex} />
      </header>
      <div className="overview">
        <RecordingFindings findings={shown.findings} />
        <RecordingDepthChart shown={shown} pinned={pinned} step={stepIndex} />
      </div>
      <RecordingSeries shown={shown} pinned={pinned} />
      <RecordingLayers shown={shown} pinned={pinned === shown ? null : pinned} step={stepIndex} />
      <RecordingRidges recording={shown.recording} />
    </section>
  );
}
