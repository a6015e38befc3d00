/** The network's sizes and seed: layers, units, batch, input and classes (the probe's only). */
import { LIMITS } from '../engine/config';
import { useSettings } from '../store/settings';
import { NumberField } from './NumberField';

export function NetworkSizeFields() {
  const network = useSettings((s) => s.network);
  const batch = useSettings((s) => s.batch);
  const update = useSettings((s) => s.update);
  const reportInputError = useSettings((s) => s.reportInputError);
  const onInvalid = (field: string) => (message: string) => reportInputError({ field, message });
  // A data set fixes the input dimension and the classes.
  const fromData = useSettings((s) => s.data.name !== 'probe');
  return (
    <>
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
    </>
  );
}
