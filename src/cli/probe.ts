/**
 * The probe: one forward and backward pass of the lecture's experiment, printed as JSON.
 *   npm run --silent probe -- --act tanh --init xavier --layers 10 --width 500 --seed 7 [--bn]
 */
import {
  ACTIVATIONS,
  ConfigError,
  INITS,
  LECTURE_BATCH,
  LECTURE_NETWORK,
  type NetworkConfig,
} from '../engine/config';
import { createKernels } from '../engine/kernels';
import { probeJson, runProbe } from '../engine/probe';
import {
  backendFlag,
  type FlagSpec,
  helpText,
  numberFlag,
  oneOf,
  parseArgs,
  runCommand,
  stringFlag,
  THREADS_FLAG,
  threadsFlag,
} from './args';

const L = LECTURE_NETWORK;
const FLAGS: Record<string, FlagSpec> = {
  act: { default: L.activation, help: `activation: ${ACTIVATIONS.join(', ')}` },
  init: { default: L.init, help: `initialization: ${INITS.join(', ')}` },
  'init-scale': { help: 'custom init: weights are N(0,1)·S (implies --init custom)' },
  layers: { default: String(L.depth), help: 'hidden layers' },
  width: { default: String(L.width), help: 'units per hidden layer' },
  batch: { default: String(LECTURE_BATCH), help: 'rows of the random input batch' },
  input: { default: String(L.inputDim), help: 'input dimension' },
  classes: { default: String(L.classes), help: 'output classes (labels drawn uniformly)' },
  seed: { default: String(L.seed), help: 'seed of every random draw' },
  bn: { boolean: true, help: 'batch normalization before each nonlinearity' },
  'bias-init': { default: '0', help: 'value every hidden bias starts at (negative: dead ReLUs)' },
  backend: { help: 'engine backend: ts or wasm (default: wasm where SIMD works)' },
  threads: THREADS_FLAG,
  help: { boolean: true, help: 'print this help' },
};

/** Engine field names as the flags that set them. */
const FIELD_FLAGS: Record<string, string> = {
  depth: 'layers',
  width: 'width',
  batch: 'batch',
  inputDim: 'input',
  classes: 'classes',
  seed: 'seed',
  initScale: 'init-scale',
  activation: 'act',
  init: 'init',
  biasInit: 'bias-init',
};

runCommand(() => {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.has('help')) {
    process.stdout.write(helpText('Usage: npm run --silent probe -- [flags]', FLAGS) + '\n');
    return;
  }
  const scaleGiven = args.has('init-scale');
  const init = oneOf(
    stringFlag(args, 'init', {
      ...FLAGS,
      init: { ...FLAGS.init, default: scaleGiven ? 'custom' : L.init },
    }),
    INITS,
    'init',
  );
  if (scaleGiven && init !== 'custom')
    throw new ConfigError(
      'init-scale',
      `--init-scale needs --init custom (or no --init), got --init ${init}`,
    );
  const config: NetworkConfig = {
    activation: oneOf(stringFlag(args, 'act', FLAGS), ACTIVATIONS, 'act'),
    init,
    initScale: scaleGiven ? numberFlag(args, 'init-scale', FLAGS, false) : L.initScale,
    depth: numberFlag(args, 'layers', FLAGS, true),
    width: numberFlag(args, 'width', FLAGS, true),
    inputDim: numberFlag(args, 'input', FLAGS, true),
    classes: numberFlag(args, 'classes', FLAGS, true),
    seed: numberFlag(args, 'seed', FLAGS, true),
    batchnorm: args.has('bn'),
    biasInit: numberFlag(args, 'bias-init', FLAGS, false),
  };
  const batch = numberFlag(args, 'batch', FLAGS, true);
  const backend = backendFlag(args, FLAGS);
  threadsFlag(args, FLAGS);
  try {
    const result = runProbe(config, batch, createKernels(backend));
    if (result.non_finite) {
      process.stderr.write(
        `warning: NaN or Inf first appeared in the ${result.non_finite.phase} pass at layer ${result.non_finite.layer}\n`,
      );
    }
    process.stdout.write(JSON.stringify(probeJson(result)) + '\n');
  } catch (error) {
    // Name the flag, not the engine's field.
    if (error instanceof ConfigError && FIELD_FLAGS[error.field]) {
      throw new ConfigError(
        `--${FIELD_FLAGS[error.field]}`,
        error.message.slice(error.field.length + 2),
      );
    }
    throw error;
  }
});
