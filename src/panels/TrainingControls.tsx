/**
 * The training controls: data set, preprocessing, the optimizer and its rates
 * (OptimizerFields.tsx), speed, and Train / Pause / Step / Reset (Space trains or pauses, "."
 * steps), plus the one-click Dead ReLUs demonstration.
 */
import { useEffect, useId } from 'react';
import { DEAD_RELU_DEMO } from '../engine/data/presets';
import { PLANAR_LIMITS } from '../engine/data/planar';
import { PREPROCESSINGS, type Preprocessing } from '../engine/data/preprocess';
import { trainingActions } from '../store/engine';
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';
import { DATA_CHOICES, type DataChoice, DEFAULT_DATA, SPEEDS } from '../store/url-state';
import { NumberField } from './NumberField';
import { OptimizerFields } from './OptimizerFields';

const DATA_LABELS: Record<DataChoice, string> = {
  probe: 'Random N(0,1) probe (lecture)',
  spiral: 'Spiral (2-D)',
  circles: 'Circles (2-D)',
  xor: 'XOR (2-D)',
  blobs: 'Gaussian blobs (2-D)',
  digits: 'Handwritten digits (MNIST)',
};

const PREPROCESSING_LABELS: Record<Preprocessing, string> = {
  none: 'none (raw inputs)',
  centre: 'zero-centred',
  normalize: 'normalized (zero mean, unit variance)',
  pca: 'PCA-decorrelated',
  whiten: 'whitened',
};

/** Keys that act on training unless the user is typing in a field. */
function useTrainingKeys(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, button, summary, [contenteditable]')) return;
      if (event.key === ' ') {
        event.preventDefault();
        const { training, playPending } = useResults.getState();
        if (training?.running || playPending) trainingActions.pause();
        else trainingActions.train();
      } else if (event.key === '.') trainingActions.step();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

/** Train / Pause / Step / Reset and the run's step count and speed. */
function RunButtons() {
  // Pressed Train counts as running at once, while the worker may still be building the run.
  const running = useResults((s) => (s.training?.running ?? false) || s.playPending);
  const diverged = useResults((s) => s.training?.diverged ?? null);
  const stepsPerSecond = useResults((s) => s.training?.stepsPerSecond ?? 0);
  const step = useResults((s) => s.training?.step ?? 0);
  return (
    <>
      <div className="buttons">
        <button
          type="button"
          className="primary"
          onClick={trainingActions.train}
          disabled={running || diverged !== null}
        >
          Train
        </button>
        <button type="button" onClick={trainingActions.pause} disabled={!running}>
          Pause
        </button>
        <button
          type="button"
          onClick={trainingActions.step}
          disabled={running || diverged !== null}
        >
          Step
        </button>
        <button type="button" onClick={trainingActions.reset}>
          Reset
        </button>
      </div>
      <p className="hint" aria-live="off">
        Step <span data-testid="train-step">{step}</span> ·{' '}
        <span data-testid="steps-per-second">{stepsPerSecond}</span> steps/s · Space: train/pause,
        “.”: step
      </p>
    </>
  );
}

export function TrainingControls() {
  const data = useSettings((s) => s.data);
  const training = useSettings((s) => s.training);
  const setData = useSettings((s) => s.setData);
  const setTraining = useSettings((s) => s.setTraining);
  const applyPreset = useSettings((s) => s.applyPreset);
  const reportInputError = useSettings((s) => s.reportInputError);
  const ids = { data: useId(), norm: useId(), speed: useId() };
  const training_ = data.name !== 'probe';
  const planar = training_ && data.name !== 'digits';
  useTrainingKeys(training_);
  const onInvalid = (field: string) => (message: string) => reportInputError({ field, message });

  const showDeadRelus = () => {
    const { network, training: t, dataset } = DEAD_RELU_DEMO;
    applyPreset({
      network,
      batch: t.batchSize,
      data: { ...DEFAULT_DATA, ...dataset },
      // 100 steps/s: the units die over seconds, slowly enough to watch.
      training: { optimizer: t.optimizer, learningRate: t.learningRate, l2: t.l2, speed: 100 },
    });
  };

  return (
    <section className="training-controls" aria-labelledby="training-title">
      <h2 id="training-title">Training</h2>
      <div className="field">
        <label htmlFor={ids.data}>Dataset</label>
        <select
          id={ids.data}
          value={data.name}
          onChange={(event) => setData({ name: event.target.value as DataChoice })}
        >
          {DATA_CHOICES.map((name) => (
            <option key={name} value={name}>
              {DATA_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      {planar && (
        <div className="field-row">
          <NumberField
            label="Points"
            value={data.points}
            {...PLANAR_LIMITS.size}
            onCommit={(points) => (setData({ points }), true)}
            onInvalid={onInvalid('points')}
          />
          <NumberField
            label="Noise"
            value={data.noise}
            {...PLANAR_LIMITS.noise}
            step="any"
            integer={false}
            onCommit={(noise) => (setData({ noise }), true)}
            onInvalid={onInvalid('noise')}
          />
        </div>
      )}
      {training_ && (
        <>
          <div className="field">
            <label htmlFor={ids.norm}>Preprocessing</label>
            <select
              id={ids.norm}
              value={data.preprocess}
              onChange={(event) => {
                const preprocess = event.target.value as Preprocessing;
                setData({ preprocess });
              }}
            >
              {PREPROCESSINGS.filter((mode) => planar || (mode !== 'pca' && mode !== 'whiten')).map(
                (mode) => (
                  <option key={mode} value={mode}>
                    {PREPROCESSING_LABELS[mode]}
                  </option>
                ),
              )}
            </select>
          </div>
          <OptimizerFields />
          <div className="field">
            <label htmlFor={ids.speed}>Speed</label>
            <select
              id={ids.speed}
              value={training.speed}
              onChange={(event) => setTraining({ speed: Number(event.target.value) })}
            >
              {SPEEDS.map((speed) => (
                <option key={speed} value={speed}>
                  {speed === 0 ? 'as fast as possible' : `at most ${speed} steps/s`}
                </option>
              ))}
            </select>
          </div>
          <RunButtons />
        </>
      )}
      <button type="button" className="demo" onClick={showDeadRelus}>
        Dead ReLUs demonstration
      </button>
    </section>
  );
}
