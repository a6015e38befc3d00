/**
 * The probe's slices: the current configuration's layers as they stream (start, forward,
 * backward, done, error), and the pinned configuration A's probe. Pure: state in, state out.
 */
import type { NetworkConfig } from '../../engine/config';
import type { Diagnosis } from '../../engine/diagnosis';
import type { NonFinite } from '../../engine/network';
import type { LayerTheory } from '../../engine/theory';
import type {
  BackwardMessage,
  DoneMessage,
  ErrorMessage,
  ForwardMessage,
  StartMessage,
} from '../../worker/protocol';

/** One layer as its panel draws it; gradient fields fill when the backward pass reaches it. */
export interface LayerView {
  stats: ForwardMessage['stats'] | null;
  hasGradients: boolean;
  actHistogram: ForwardMessage['actHistogram'] | null;
  gradHistogram: BackwardMessage['gradHistogram'] | null;
  gradLogHistogram: BackwardMessage['gradLogHistogram'] | null;
}

export const emptyLayer = (): LayerView => ({
  stats: null,
  hasGradients: false,
  actHistogram: null,
  gradHistogram: null,
  gradLogHistogram: null,
});

export type Status = 'computing' | 'ready' | 'training' | 'error';

/** What the layer panels, the depth chart and the status line show: the probe or the run. */
export interface CurrentView {
  status: Status;
  /** Train was pressed and the worker has not yet sent a running frame (it may be building). */
  playPending: boolean;
  /** The mean-field prediction per layer ([] while none has arrived or none applies). */
  theory: LayerTheory[];
  /** Why no theory is drawn (shown in words), or null. */
  noTheory: string | null;
  gradTheory: (number | null)[];
  actRange: [number, number];
  layers: LayerView[];
  loss: number | null;
  elapsedMs: number | null;
  nonFinite: NonFinite | null;
  diagnosis: Diagnosis | null;
  error: string | null;
}

export type ProbeMessage = StartMessage | ForwardMessage | BackwardMessage | DoneMessage;

function withLayer(layers: LayerView[], index: number, change: Partial<LayerView>): LayerView[] {
  if (index < 0 || index >= layers.length) return layers;
  const next = [...layers];
  next[index] = { ...next[index], ...change };
  return next;
}

/** A probe message of the current request (stale ones are filtered before). */
export function reduceProbe<View extends CurrentView>(view: View, message: ProbeMessage): View {
  switch (message.type) {
    case 'start': {
      const { theory, noTheory, actRange } = message;
      return { ...view, theory: theory ?? [], noTheory, actRange };
    }
    case 'forward': {
      const { stats, actHistogram } = message;
      const change = { stats, hasGradients: false, actHistogram };
      return { ...view, layers: withLayer(view.layers, message.layer - 1, change) };
    }
    case 'backward': {
      const { stats, gradHistogram, gradLogHistogram } = message;
      const change = { stats, hasGradients: true, gradHistogram, gradLogHistogram };
      return { ...view, layers: withLayer(view.layers, message.layer - 1, change) };
    }
    case 'done': {
      const { loss, elapsedMs, nonFinite, diagnosis } = message;
      const gradTheory = message.gradTheory ?? [];
      return { ...view, status: 'ready', loss, elapsedMs, nonFinite, gradTheory, diagnosis };
    }
  }
}

export function reduceError<View extends CurrentView>(view: View, message: ErrorMessage): View {
  return { ...view, status: 'error', error: message.message, playPending: false };
}

/** The configuration pinned as A for comparison, and its probe's results. */
export interface PinnedView {
  requestId: number;
  config: NetworkConfig;
  batch: number;
  layers: LayerView[];
  done: boolean;
}

/** A's probe messages; others' (an older request's) leave it as it is. */
export function reducePinned(
  pinned: PinnedView | null,
  message: ProbeMessage | ErrorMessage,
): PinnedView | null {
  if (!pinned || message.id !== pinned.requestId) return pinned;
  switch (message.type) {
    case 'forward': {
      const { stats, actHistogram } = message;
      const change = { stats, actHistogram };
      return { ...pinned, layers: withLayer(pinned.layers, message.layer - 1, change) };
    }
    case 'backward': {
      const { stats, gradHistogram, gradLogHistogram } = message;
      const change = { stats, hasGradients: true, gradHistogram, gradLogHistogram };
      return { ...pinned, layers: withLayer(pinned.layers, message.layer - 1, change) };
    }
    case 'done':
      return { ...pinned, done: true };
    default:
      return pinned;
  }
}
