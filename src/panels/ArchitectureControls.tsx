/**
 * The network controls for what came after the lecture: the normalization's kind and place,
 * residual connections with their branch scale, dropout. Each change goes through the settings
 * store, which refuses what the engine refuses (src/engine/config.ts) and says why.
 */
import { useId } from 'react';
import { BRANCH_SCALES, MAX_DROPOUT, NORM_POSITIONS, type NetworkConfig } from '../engine/config';
import type { ControlLabel, TermKey } from '../engine/glossary';
import { useSettings } from '../store/settings';
import {
  BRANCH_SCALE_LABELS,
  NORM_KIND_LABELS,
  type NormKind,
  NORM_POSITION_LABELS,
} from './labels';
import { describedBy, ExplainedLabel, useExplanationsReady } from './Explain';
import { NumberField } from './NumberField';

export function normKindOf(network: NetworkConfig): NormKind {
  return network.batchnorm ? 'batch' : network.layernorm ? 'layer' : 'none';
}

/** The one choice of normalization: batch and layer exclude each other (config.ts). */
export function NormalizationField() {
  const network = useSettings((s) => s.network);
  const update = useSettings((s) => s.update);
  const id = useId();
  const help = useId();
  const explained = useExplanationsReady();
  return (
    <div className="field">
      <ExplainedLabel
        htmlFor={id}
        id={help}
        term="normalization"
        option={`norm:${normKindOf(network)}`}
      >
        Normalization
      </ExplainedLabel>
      <select
        id={id}
        aria-describedby={explained ? help : undefined}
        value={normKindOf(network)}
        onChange={(event) => {
          const kind = event.target.value as NormKind;
          update({ batchnorm: kind === 'batch', layernorm: kind === 'layer' || undefined });
        }}
      >
        {(Object.keys(NORM_KIND_LABELS) as NormKind[]).map((kind) => (
          <option key={kind} value={kind}>
            {NORM_KIND_LABELS[kind]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled select over `choices`; a refused choice leaves the select on the kept value. */
function ChoiceField<T extends string>(props: {
  label: ControlLabel;
  value: T;
  choices: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T) => void;
  disabled?: boolean;
  hint?: string;
  option?: TermKey;
}) {
  const id = useId();
  const help = useId();
  const explained = useExplanationsReady();
  return (
    <div className="field">
      <ExplainedLabel htmlFor={id} id={help} term={props.label} option={props.option}>
        {props.label}
      </ExplainedLabel>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={describedBy(props.hint && `${id}-hint`, explained && help)}
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {props.choices.map((choice) => (
          <option key={choice} value={choice}>
            {props.labels[choice]}
          </option>
        ))}
      </select>
      {props.hint && (
        <small id={`${id}-hint`} className="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

function Checkbox(props: {
  label: ControlLabel;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const id = useId();
  const help = useId();
  const explained = useExplanationsReady();
  return (
    <div className="field checkbox">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={explained ? help : undefined}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <ExplainedLabel htmlFor={id} id={help} term={props.label}>
        {props.label}
      </ExplainedLabel>
    </div>
  );
}

/** Residual connections, branch scale, where the norm sits, dropout: a group of its own. */
export function ArchitectureControls() {
  const network = useSettings((s) => s.network);
  const update = useSettings((s) => s.update);
  const reportInputError = useSettings((s) => s.reportInputError);
  const residual = Boolean(network.residual);
  return (
    <fieldset className="architecture">
      <legend>Residual connections and dropout</legend>
      <Checkbox
        label="Residual connections"
        checked={residual}
        onChange={(on) => update({ residual: on || undefined })}
      />
      <ChoiceField
        label="Branch scale"
        value={network.branchScale ?? 'one'}
        choices={BRANCH_SCALES}
        labels={BRANCH_SCALE_LABELS}
        option={`branch:${network.branchScale ?? 'one'}`}
        disabled={!residual}
        // What α is, is its explanation's (the "?"); the hint says only why it is disabled.
        hint={residual ? undefined : 'Needs residual connections.'}
        onChange={(scale) => update({ branchScale: scale === 'one' ? undefined : scale })}
      />
      <ChoiceField
        label="Normalization place"
        value={network.normPosition ?? 'inside'}
        choices={NORM_POSITIONS}
        labels={NORM_POSITION_LABELS}
        hint="Pre and post need residual connections."
        onChange={(place) => update({ normPosition: place === 'inside' ? undefined : place })}
      />
      <NumberField
        label="Dropout"
        value={network.dropout ?? 0}
        min={0}
        max={MAX_DROPOUT}
        step="any"
        integer={false}
        hint={`Share of units dropped in training, 0–${MAX_DROPOUT}.`}
        onCommit={(dropout) => update({ dropout: dropout || undefined })}
        onInvalid={(message) => reportInputError({ field: 'dropout', message })}
      />
      <Checkbox
        label="Dropout in the probe"
        checked={Boolean(network.dropoutInProbe)}
        onChange={(on) => update({ dropoutInProbe: on || undefined })}
      />
    </fieldset>
  );
}
