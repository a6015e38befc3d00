/**
 * The network's controls, each a labelled form control; changes go through the settings store.
 * The sizes (NetworkSizeFields.tsx) and what came after the lecture (ArchitectureControls.tsx)
 * are components of their own.
 */
import { useId } from 'react';
import {
  ACTIVATIONS,
  type ActivationName,
  estimateNetworkBytes,
  formatBytes,
  INITS,
  type InitName,
  MAX_NETWORK_BYTES,
} from '../engine/config';
import { ACTIVATION_LABELS, INIT_LABELS } from './labels';
import { useSettings } from '../store/settings';
import { ArchitectureControls, NormalizationField } from './ArchitectureControls';
import { ExplainedLabel, useExplanationsReady } from './Explain';
import { NetworkSizeFields } from './NetworkSizeFields';
import { NumberField } from './NumberField';

export { ACTIVATION_LABELS, INIT_LABELS } from './labels';

export function Controls() {
  const network = useSettings((s) => s.network);
  const batch = useSettings((s) => s.batch);
  const bytes = estimateNetworkBytes(network, batch);
  return (
    <form className="controls" aria-label="Network" onSubmit={(event) => event.preventDefault()}>
      <ActivationAndInit />
      <NormalizationField />
      <NetworkSizeFields />
      <ArchitectureControls />
      <p className="memory" data-testid="memory-estimate">
        Engine memory ≈ {formatBytes(bytes)} (limit {formatBytes(MAX_NETWORK_BYTES)})
      </p>
    </form>
  );
}

function ActivationAndInit() {
  const network = useSettings((s) => s.network);
  const update = useSettings((s) => s.update);
  const reportInputError = useSettings((s) => s.reportInputError);
  const ids = { act: useId(), init: useId(), actHelp: useId(), initHelp: useId() };
  const explained = useExplanationsReady();
  return (
    <>
      <div className="field">
        <ExplainedLabel
          htmlFor={ids.act}
          id={ids.actHelp}
          term="activation"
          option={`activation:${network.activation}`}
        >
          Activation
        </ExplainedLabel>
        <select
          id={ids.act}
          aria-describedby={explained ? ids.actHelp : undefined}
          value={network.activation}
          onChange={(event) => update({ activation: event.target.value as ActivationName })}
        >
          {ACTIVATIONS.map((name) => (
            <option key={name} value={name}>
              {ACTIVATION_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <ExplainedLabel
          htmlFor={ids.init}
          id={ids.initHelp}
          term="initialization"
          option={`init:${network.init}`}
        >
          Initialization
        </ExplainedLabel>
        <select
          id={ids.init}
          aria-describedby={explained ? ids.initHelp : undefined}
          value={network.init}
          onChange={(event) => update({ init: event.target.value as InitName })}
        >
          {INITS.map((name) => (
            <option key={name} value={name}>
              {INIT_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      {network.init === 'custom' && (
        <NumberField
          label="Init scale"
          value={network.initScale}
          min={0}
          max={100}
          step="any"
          integer={false}
          hint="Weights are N(0,1) × this scale."
          onCommit={(initScale) => update({ initScale })}
          onInvalid={(message) => reportInputError({ field: 'initScale', message })}
        />
      )}
    </>
  );
}
