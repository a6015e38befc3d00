/**
 * The page's state in the query string, typed and validated. Every field has a default (the
 * lecture's experiment); a missing value takes it silently, an invalid one takes it with a
 * notice naming the field, so a garbled link never breaks the page.
 */
import {
  ACTIVATIONS,
  type ActivationName,
  ConfigError,
  INITS,
  type InitName,
  LECTURE_BATCH,
  LECTURE_NETWORK,
  LIMITS,
  type NetworkConfig,
  validateNetworkConfig,
} from '../engine/config';

export type GradAxis = 'linear' | 'log';
export type BackendParam = 'auto' | 'ts' | 'wasm';

export interface PageState {
  network: NetworkConfig;
  batch: number;
  gradAxis: GradAxis;
  backend: BackendParam;
}

export const DEFAULT_STATE: PageState = {
  network: LECTURE_NETWORK,
  batch: LECTURE_BATCH,
  gradAxis: 'linear',
  backend: 'auto',
};

/** How each number field is written in the URL and what it accepts. */
const INTEGER_FIELDS = [
  { param: 'layers', key: 'depth', label: 'Layers', ...LIMITS.depth },
  { param: 'width', key: 'width', label: 'Units per layer', ...LIMITS.width },
  { param: 'input', key: 'inputDim', label: 'Input dimension', ...LIMITS.inputDim },
  { param: 'classes', key: 'classes', label: 'Classes', ...LIMITS.classes },
  { param: 'seed', key: 'seed', label: 'Seed', ...LIMITS.seed },
] as const;

export interface ParsedState {
  state: PageState;
  /** One sentence per field that fell back to its default. */
  notices: string[];
}

function parseInteger(text: string, min: number, max: number): number | null {
  if (!/^\s*-?\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : null;
}

function pick<T extends string>(text: string, choices: readonly T[]): T | null {
  return (choices as readonly string[]).includes(text) ? (text as T) : null;
}

const shown = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

export function parseState(search: string): ParsedState {
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return {
      state: DEFAULT_STATE,
      notices: ['The link could not be read; showing the default experiment.'],
    };
  }
  const fallback = (label: string, text: string, expected: string, used: string | number) =>
    notices.push(`The link's ${label} "${shown(text)}" is not valid (${expected}); using ${used}.`);

  const network: NetworkConfig = { ...DEFAULT_STATE.network };
  const act = params.get('act');
  if (act !== null) {
    const value = pick<ActivationName>(act, ACTIVATIONS);
    if (value) network.activation = value;
    else fallback('activation', act, `one of ${ACTIVATIONS.join(', ')}`, network.activation);
  }
  const init = params.get('init');
  if (init !== null) {
    const value = pick<InitName>(init, INITS);
    if (value) network.init = value;
    else fallback('initialization', init, `one of ${INITS.join(', ')}`, network.init);
  }
  const scale = params.get('scale');
  if (scale !== null) {
    const value = Number(scale);
    if (scale.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100)
      network.initScale = value;
    else fallback('init scale', scale, 'a number from 0 to 100', network.initScale);
  }
  for (const field of INTEGER_FIELDS) {
    const text = params.get(field.param);
    if (text === null) continue;
    const value = parseInteger(text, field.min, field.max);
    if (value !== null) network[field.key] = value;
    else
      fallback(
        field.label,
        text,
        `a whole number from ${field.min} to ${field.max}`,
        network[field.key],
      );
  }
  const bn = params.get('bn');
  if (bn !== null) {
    if (bn === '1' || bn === '0') network.batchnorm = bn === '1';
    else fallback('batch normalization', bn, '1 or 0', network.batchnorm ? 1 : 0);
  }
  let batch = DEFAULT_STATE.batch;
  const batchText = params.get('batch');
  if (batchText !== null) {
    const value = parseInteger(batchText, LIMITS.batch.min, LIMITS.batch.max);
    if (value !== null) batch = value;
    else
      fallback(
        'batch size',
        batchText,
        `a whole number from ${LIMITS.batch.min} to ${LIMITS.batch.max}`,
        batch,
      );
  }
  let gradAxis = DEFAULT_STATE.gradAxis;
  const grad = params.get('grad');
  if (grad !== null) {
    const value = pick<GradAxis>(grad, ['linear', 'log']);
    if (value) gradAxis = value;
    else fallback('gradient axis', grad, 'linear or log', gradAxis);
  }
  let backend = DEFAULT_STATE.backend;
  const backendText = params.get('backend');
  if (backendText !== null) {
    const value = pick<BackendParam>(backendText, ['auto', 'ts', 'wasm']);
    if (value) backend = value;
    else fallback('backend', backendText, 'ts or wasm', backend);
  }
  // Each field may be fine alone and the whole still too big to run.
  try {
    validateNetworkConfig(network, batch);
  } catch (error) {
    const reason = error instanceof ConfigError ? error.message : String(error);
    notices.push(`The link's network cannot run (${reason}); showing the default experiment.`);
    return { state: { ...DEFAULT_STATE, gradAxis, backend }, notices };
  }
  return { state: { network, batch, gradAxis, backend }, notices };
}

export function serializeState(state: PageState): string {
  const { network } = state;
  const params = new URLSearchParams();
  params.set('act', network.activation);
  params.set('init', network.init);
  if (network.init === 'custom') params.set('scale', String(network.initScale));
  for (const field of INTEGER_FIELDS) params.set(field.param, String(network[field.key]));
  params.set('bn', network.batchnorm ? '1' : '0');
  params.set('batch', String(state.batch));
  params.set('grad', state.gradAxis);
  if (state.backend !== 'auto') params.set('backend', state.backend);
  return `?${params.toString()}`;
}
