/** The network's controls, each a labelled form control; changes go through the settings store. */
import { useId } from 'react';
import {
  ACTIVATIONS,
  type ActivationName,
  estimateNetworkBytes,
  formatBytes,
  INITS,
  type InitName,
  LIMITS,
  MAX_NETWORK_BYTES,
} from '../engine/config';
import { useSettings } from '../store/settings';
import { NumberField } from './NumberField';

export const ACTIVATION_LABELS: Record<ActivationName, string> = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  'leaky-relu': 'leaky ReLU (0.01)',
  elu: 'ELU',
  maxout: 'maxout (2 pieces)',
  linear: 'linear (none)',
  gelu: 'GELU (tanh form)',
  silu: 'SiLU / swish',
};

export const INIT_LABELS: Record<InitName, string> = {
  zeros: 'zeros',
  small: 'small: 0.01·N(0,1)',
  large: 'large: 1.0·N(0,1)',
  custom: 'custom scale·N(0,1)',
  xavier: 'Xavier: N(0,1)/√fan_in',
  glorot: 'Glorot: √(2/(in+out))',
  he: 'He / Kaiming: √(2/fan_in)',
  'torch-default': 'PyTorch default: U(±1/√fan_in)',
  orthogonal: 'orthogonal (with gain)',
  lsuv: 'LSUV (data-driven)',
};

export function Controls() {
  const network = useSettings((s) => s.network);
  const batch = useSettings((s) => s.batch);
  const update = useSettings((s) => s.update);
  const reportInputError = useSettings((s) => s.reportInputError);
  const ids = { act: useId(), init: useId(), bn: useId() };
  const onInvalid = (field: string) => (message: string) => reportInputError({ field, message });
  const bytes = estimateNetworkBytes(network, batch);
  // A data set fixes the input dimension and the classes.
  const fromData = useSettings((s) => s.data.name !== 'probe');

  return (
    <form className="controls" aria-label="Network" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={ids.act}>Activation</label>
        <select
          id={ids.act}
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
        <label htmlFor={ids.init}>Initialization</label>
        <select
          id={ids.init}
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
          onInvalid={onInvalid('initScale')}
        />
      )}
      <div className="field checkbox">
        <input
          id={ids.bn}
          type="checkbox"
          checked={network.batchnorm}
          onChange={(event) => update({ batchnorm: event.target.checked })}
        />
        <label htmlFor={ids.bn}>Batch normalization</label>
      </div>
      <NumberField
        label="Layers"
        value={network.depth}
        {...LIMITS.depth}
        hint={`Hidden layers, ${LIMITS.depth.min}–${LIMITS.depth.max}.`}
        onCommit={(depth) => update({ depth })}
        onInvalid={onInvalid('depth')}
      />
      <NumberField
        label="Units per layer"
        value={network.width}
        {...LIMITS.width}
        onCommit={(width) => update({ width })}
        onInvalid={onInvalid('width')}
      />
      <NumberField
        label="Batch size"
        value={batch}
        {...LIMITS.batch}
        hint={fromData ? 'Examples per training step.' : 'Rows of random N(0,1) input.'}
        onCommit={(value) => update({}, value)}
        onInvalid={onInvalid('batch')}
      />
      {!fromData && (
        <>
          <NumberField
            label="Input dimension"
            value={network.inputDim}
            {...LIMITS.inputDim}
            onCommit={(inputDim) => update({ inputDim })}
            onInvalid={onInvalid('inputDim')}
          />
          <NumberField
            label="Classes"
            value={network.classes}
            {...LIMITS.classes}
            onCommit={(classes) => update({ classes })}
            onInvalid={onInvalid('classes')}
          />
        </>
      )}
      <NumberField
        label="Seed"
        value={network.seed}
        {...LIMITS.seed}
        hint="Same seed, same weights and data."
        onCommit={(seed) => update({ seed })}
        onInvalid={onInvalid('seed')}
      />
      <p className="memory" data-testid="memory-estimate">
        Engine memory ≈ {formatBytes(bytes)} (limit {formatBytes(MAX_NETWORK_BYTES)})
      </p>
    </form>
  );
}
