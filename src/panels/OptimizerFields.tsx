/**
 * The optimizer and its rates: learning rate (typed, or on a log slider), L2, and for Adam the
 * decoupled weight decay of AdamW. The settings store refuses what the engine refuses.
 */
import { useId } from 'react';
import { OPTIMIZERS, type OptimizerName } from '../engine/config';
import { useSettings } from '../store/settings';
import { Explain, ExplainedLabel, useExplanationsReady } from './Explain';
import { NumberField } from './NumberField';

const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'SGD + momentum (0.9)',
  adam: 'Adam',
};

export function OptimizerFields() {
  const training = useSettings((s) => s.training);
  const setTraining = useSettings((s) => s.setTraining);
  const reportInputError = useSettings((s) => s.reportInputError);
  const ids = { opt: useId(), slider: useId(), help: useId() };
  const explained = useExplanationsReady();
  const onInvalid = (field: string) => (message: string) => reportInputError({ field, message });
  return (
    <>
      <div className="field">
        <ExplainedLabel
          htmlFor={ids.opt}
          id={ids.help}
          term="Optimizer"
          option={`optimizer:${training.optimizer}`}
        >
          Optimizer
        </ExplainedLabel>
        <select
          id={ids.opt}
          aria-describedby={explained ? ids.help : undefined}
          value={training.optimizer}
          onChange={(event) => setTraining({ optimizer: event.target.value as OptimizerName })}
        >
          {OPTIMIZERS.map((name) => (
            <option key={name} value={name}>
              {OPTIMIZER_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      <NumberField
        label="Learning rate"
        value={training.learningRate}
        min={1e-8}
        max={100}
        step="any"
        integer={false}
        hint="Type 1e-3 or 0.001."
        onCommit={(learningRate) => setTraining({ learningRate })}
        onInvalid={onInvalid('learningRate')}
      />
      <p className="hint">
        {/* Explained here, in the first view's bundle: an import from the training panels'
            chunk regroups the page's chunks (docs/decisions.md). */}
        Aim for <Explain term="update_data">update:data ≈ 1e-3</Explain>
      </p>
      <input
        id={ids.slider}
        className="rate-slider"
        type="range"
        min={-6}
        max={1}
        step={0.1}
        aria-label="log₁₀ of the rate"
        value={Math.log10(training.learningRate)}
        onChange={(event) =>
          setTraining({
            learningRate: Number((10 ** Number(event.target.value)).toPrecision(2)),
          })
        }
      />
      <NumberField
        label="L2 strength"
        value={training.l2}
        min={0}
        max={100}
        step="any"
        integer={false}
        onCommit={(l2) => setTraining({ l2 })}
        onInvalid={onInvalid('l2')}
      />
      {training.optimizer === 'adam' && (
        <NumberField
          label="Weight decay (AdamW)"
          value={training.weightDecay ?? 0}
          min={0}
          max={1}
          step="any"
          integer={false}
          onCommit={(weightDecay) => setTraining({ weightDecay: weightDecay || undefined })}
          onInvalid={onInvalid('weightDecay')}
        />
      )}
    </>
  );
}
