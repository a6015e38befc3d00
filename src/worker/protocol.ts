/**
 * The typed messages between the page and the engine's worker. Every request carries an id;
 * a newer request makes the worker drop older work between layers. Results stream layer by
 * layer and hold only statistics and histogram counts, never whole tensors.
 */
import type { SearchSpace, TrialOutcome } from '../engine/claims/hyperparameters';
import type { BabysitStep } from '../engine/babysitting';
import type { ClaimResult, ClaimVariant } from '../engine/claims/types';
import type { NetworkConfig, TrainingConfig } from '../engine/config';
import type { DatasetSpec } from '../engine/data/spec';
import type { Preprocessing } from '../engine/data/preprocess';
import type { Divergence } from '../engine/trainer';
import type { Diagnosis } from '../engine/diagnosis';
import type { NonFinite } from '../engine/network';
import type { Histogram, LayerStats } from '../engine/stats';
import type { LayerTheory } from '../engine/theory';
import type { OpenRecordingRequest, RecordingMessage } from './recording-protocol';

export type BackendChoice = 'ts' | 'wasm';

/** Which probe: the current settings, or 'a', the configuration pinned for comparison. */
export type ProbeSlot = 'current' | 'a';

export interface ProbeRequest {
  type: 'probe';
  id: number;
  config: NetworkConfig;
  batch: number;
  slot: ProbeSlot;
}

/** Testing aid: makes the worker die as a real crash would (an uncaught error). */
export interface CrashRequest {
  type: 'crash';
}

/** The first message: which backend to run ('auto' takes wasm where SIMD works). */
export interface InitRequest {
  type: 'init';
  backend: BackendChoice | 'auto';
  /** Absolute URL of the digits file (the worker's own URL is not the page's). */
  digitsUrl: string;
  /** Threads for the wasm kernels; null: the machine's cores. */
  threads: number | null;
}

/** Builds (or rebuilds) the training run and shows its state at step 0. */
export interface TrainSetupRequest {
  type: 'train-setup';
  id: number;
  /** 'a': the pinned configuration, trained beside the current one on the same batches. */
  slot: ProbeSlot;
  network: NetworkConfig;
  training: TrainingConfig;
  data: DatasetSpec;
  /** Most steps per second (0: as fast as possible), so a demonstration can be watched. */
  speed: number;
}

/** Changes that take effect from the next step on, without a rebuild. */
export interface TrainConfigRequest {
  type: 'train-config';
  id: number;
  training: TrainingConfig;
  speed: number;
}

export interface TrainControlRequest {
  type: 'train-control';
  id: number;
  action: 'play' | 'pause' | 'step' | 'reset';
}

/** Runs one lecture claim's check (its verdict with the supporting numbers). */
export interface ClaimCheckRequest {
  type: 'claim-check';
  id: number;
  claim: string;
  /** The claim's own setting (default) or its control's. */
  variant?: ClaimVariant;
}

/** Random against grid search over learning rate × L2, the same budget each. */
export interface SearchRequest {
  type: 'search';
  id: number;
  network: NetworkConfig;
  training: TrainingConfig;
  data: DatasetSpec;
  /** Trials per method (the grid takes the largest square at most this). */
  budget: number;
  /** Training steps per trial. */
  steps: number;
  space: SearchSpace;
  /** This worker's share of the trials: those whose place in the queue is `index` mod `count`. */
  shard: { index: number; count: number };
}

/** The worker's jobs, each cancelled the same way (src/worker/generation.ts). */
export type JobName = 'probe' | 'training' | 'search' | 'babysit' | 'recording';

/**
 * Stops a job between layers or steps. Leaving training cancels 'training': with slot 'a' only the
 * pinned run, otherwise every run (A trains on the current run's batches). A probe's slot picks
 * the pass; search, babysitting and opening a recording have one run each.
 */
export interface CancelRequest {
  type: 'cancel';
  job: JobName;
  slot?: ProbeSlot;
}

/** The babysitting checklist on the current network and data set. */
export interface BabysitRequest {
  type: 'babysit';
  id: number;
  network: NetworkConfig;
  training: TrainingConfig;
  data: DatasetSpec;
}

/** The preprocessing pictures of the current data (raw data, transformed in the worker). */
export interface PreprocessViewsRequest {
  type: 'preprocess-views';
  id: number;
  data: DatasetSpec;
  seed: number;
}

export type WorkerRequest =
  | PreprocessViewsRequest
  | BabysitRequest
  | SearchRequest
  | CancelRequest
  | ClaimCheckRequest
  | InitRequest
  | ProbeRequest
  | CrashRequest
  | TrainSetupRequest
  | TrainConfigRequest
  | TrainControlRequest
  | OpenRecordingRequest;

/** Sent once the engine exists. */
export interface HelloMessage {
  type: 'hello';
  backend: BackendChoice;
  variant: string;
  /** Threads the kernels run on, and why only one where more were asked for and cannot be. */
  threads: number;
  singleThreadReason: string | null;
}

/** The pass has begun: the theory curve and the histograms' x-ranges. */
export interface StartMessage {
  slot?: ProbeSlot;
  type: 'start';
  id: number;
  /** The mean-field prediction per layer, or null where it does not apply (see noTheory). */
  theory: LayerTheory[] | null;
  /** Why no theory is drawn, in words for the page, or null when it is. */
  noTheory: string | null;
  actRange: [number, number];
}

export interface ForwardMessage {
  slot?: ProbeSlot;
  type: 'forward';
  id: number;
  /** 1-based. */
  layer: number;
  stats: LayerStats;
  actHistogram: Histogram;
}

export interface BackwardMessage {
  slot?: ProbeSlot;
  type: 'backward';
  id: number;
  layer: number;
  stats: LayerStats;
  gradHistogram: Histogram;
  gradLogHistogram: Histogram;
}

export interface DoneMessage {
  slot?: ProbeSlot;
  type: 'done';
  id: number;
  loss: number;
  elapsedMs: number;
  nonFinite: NonFinite | null;
  /**
   * Mean-field prediction of std(∂L/∂h) per layer, anchored at the measured top layer (null
   * where float32 cannot hold it), or null without a theory.
   */
  gradTheory: (number | null)[] | null;
  diagnosis: Diagnosis;
}

export interface ErrorMessage {
  slot?: ProbeSlot;
  type: 'error';
  id: number;
  field: string | null;
  message: string;
}

export interface Series {
  steps: Float64Array;
  values: Float32Array;
}

/** What the 2-D views draw: predicted class and confidence on a grid, and the points. */
export interface RegionsFrame {
  grid: {
    width: number;
    height: number;
    xMin: number;
    xMax: number;
    yMin: number;
    yMax: number;
    classes: Uint8Array;
    confidence: Float32Array;
  };
  points: { x: Float32Array; y: Float32Array; label: Uint8Array };
}

/** A few validation digits with the network's predictions. */
export interface SamplesFrame {
  images: Uint8Array;
  width: number;
  height: number;
  count: number;
  truth: Uint8Array;
  predicted: Uint8Array;
}

export interface TrainSeries {
  loss: Series;
  accuracy: Series;
  validationLoss: Series;
  validationAccuracy: Series;
  dead: Series[];
  saturated: Series[];
  updateRatio: Series[];
  actSnapshots: { step: number; histogram: Histogram }[][];
  gradSnapshots: { step: number; histogram: Histogram }[][];
}

/** The state of a training run: sent after setup, after each control, and while running. */
export interface TrainFrame {
  type: 'train-frame';
  slot?: ProbeSlot;
  id: number;
  running: boolean;
  step: number;
  stepsPerSecond: number;
  dataTitle: string;
  inputDim: number;
  classes: number;
  trainCount: number;
  loss: number;
  accuracy: number;
  validation: { loss: number; accuracy: number } | null;
  /** Statistics on the fixed monitoring batch. */
  layers: LayerStats[];
  actRange: [number, number];
  actHistograms: Histogram[];
  gradHistograms: Histogram[];
  gradLogHistograms: Histogram[];
  /** Per layer, per unit: fraction of the monitoring batch on which it fires. */
  firing: Float32Array[];
  /** Time series, sent with every few frames (null in between). */
  series: TrainSeries | null;
  regions: RegionsFrame | null;
  samples: SamplesFrame | null;
  diverged: Divergence | null;
  diagnosis: Diagnosis;
}

export interface ClaimResultMessage {
  type: 'claim-result';
  id: number;
  claim: string;
  variant?: ClaimVariant;
  result: ClaimResult | null;
  error: string | null;
}

export interface SearchProgressMessage {
  type: 'search-progress';
  id: number;
  method: 'grid' | 'random';
  outcome: TrialOutcome;
  done: number;
  total: number;
}

export interface SearchDoneMessage {
  type: 'search-done';
  id: number;
  cancelled: boolean;
  error: string | null;
}

export interface BabysitStepMessage {
  type: 'babysit-step';
  id: number;
  step: BabysitStep;
}

export interface BabysitDoneMessage {
  type: 'babysit-done';
  id: number;
  cancelled: boolean;
  error: string | null;
}

export interface PreprocessViewsMessage {
  type: 'preprocess-views';
  id: number;
  /** 2-D sets: the training cloud under each preprocessing. */
  clouds: {
    mode: Preprocessing;
    x: Float32Array;
    y: Float32Array;
    label: Uint8Array;
    /** Share of examples whose features share one sign (see engine/data/preprocess.ts). */
    singleSigned: number;
  }[];
  /** Digits: the mean image, a few images, and the same with the mean subtracted (128 = 0). */
  digits: {
    width: number;
    height: number;
    mean: Uint8Array;
    originals: Uint8Array;
    subtracted: Uint8Array;
    count: number;
    singleSignedRaw: number;
    singleSignedCentred: number;
  } | null;
}

export type WorkerMessage =
  | PreprocessViewsMessage
  | BabysitStepMessage
  | BabysitDoneMessage
  | SearchProgressMessage
  | SearchDoneMessage
  | ClaimResultMessage
  | HelloMessage
  | StartMessage
  | ForwardMessage
  | BackwardMessage
  | DoneMessage
  | ErrorMessage
  | TrainFrame
  | RecordingMessage;
