/**
 * The training slices: a frame of the current run fills the layer panels and the training view;
 * a frame of A's run fills A's view. Pure: state in, state out.
 */
import type { TrainFrame } from '../../worker/protocol';
import type { CurrentView } from './probe';

/** The frame's fields the training view keeps; the layer panels take the per-layer ones. */
export type TrainingView = Omit<
  TrainFrame,
  | 'type'
  | 'slot'
  | 'id'
  | 'layers'
  | 'actRange'
  | 'actHistograms'
  | 'gradHistograms'
  | 'gradLogHistograms'
  | 'diagnosis'
>;

/** A's run before its first frame. */
export const EMPTY_TRAINING: TrainingView = {
  running: false,
  step: 0,
  stepsPerSecond: 0,
  dataTitle: '',
  inputDim: 0,
  classes: 0,
  trainCount: 0,
  loss: NaN,
  accuracy: NaN,
  validation: null,
  firing: [],
  series: null,
  regions: null,
  samples: null,
  diverged: null,
};

/** The depth chart's words for the training view, which it draws without a theory curve. */
export const NO_THEORY_WHILE_TRAINING =
  'No theory curve while training: the mean-field theory describes the network as initialized, before any step.';

/** A frame as the view keeps it; series, regions and samples come with some frames only. */
export function trainingView(frame: TrainFrame, previous: TrainingView | null): TrainingView {
  const {
    type,
    slot,
    id,
    layers,
    actRange,
    actHistograms,
    gradHistograms,
    gradLogHistograms,
    diagnosis,
    ...view
  } = frame;
  return {
    ...view,
    series: frame.series ?? (frame.step === 0 ? null : (previous?.series ?? null)),
    regions: frame.regions ?? previous?.regions ?? null,
    samples: frame.samples ?? previous?.samples ?? null,
  };
}

export interface TrainingSlice extends CurrentView {
  training: TrainingView | null;
}

/** A frame of the current run (stale ones are filtered before). */
export function reduceTrainFrame<View extends TrainingSlice>(view: View, frame: TrainFrame): View {
  // Until the worker starts the run Train asked for, its frames (the setup's) keep "training".
  const waiting = view.playPending && !frame.running && !frame.diverged;
  return {
    ...view,
    layers: frame.layers.map((stats, i) => ({
      stats,
      hasGradients: true,
      actHistogram: frame.actHistograms[i],
      gradHistogram: frame.gradHistograms[i],
      gradLogHistogram: frame.gradLogHistograms[i],
    })),
    playPending: waiting,
    status: frame.running || waiting ? 'training' : 'ready',
    actRange: frame.actRange,
    theory: [],
    noTheory: NO_THEORY_WHILE_TRAINING,
    gradTheory: [],
    loss: frame.loss,
    diagnosis: frame.diagnosis,
    nonFinite: null,
    training: trainingView(frame, view.training),
  };
}

/** The pinned configuration's run (A) as the training view overlays it. */
export type PinnedTrainingView = TrainingView & { requestId: number };

/** A frame of A's run; an older run's frames leave it as it is. */
export function reducePinnedFrame(
  trainingA: PinnedTrainingView | null,
  frame: TrainFrame,
): PinnedTrainingView | null {
  if (!trainingA || frame.id !== trainingA.requestId) return trainingA;
  return { ...trainingView(frame, trainingA), requestId: frame.id };
}
