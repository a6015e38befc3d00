/**
 * The shape of a lecture claim: what the page's tour shows (its scene), what the command line
 * checks (its criterion, stated before measuring) and the verdict with its supporting numbers.
 */
import type { NetworkConfig, OptimizerName } from '../config';
import type { DatasetName } from '../data/dataset';
import type { Kernels } from '../kernels/kernels';

/** Every claim id, in the order the tour and `--check` present them (the lecture's, then the papers'). */
export const CLAIM_IDS = [
  'sigmoid-saturates',
  'sigmoid-not-zero-centred',
  'tanh-zero-centred',
  'relu-dead-at-init',
  'relu-dies-with-high-lr',
  'leaky-elu-no-dead',
  'maxout-no-saturation',
  'zero-centre-data',
  'zeros-init-symmetry',
  'small-init-collapses',
  'large-init-saturates',
  'xavier-keeps-tanh',
  'xavier-breaks-relu-he-fixes',
  'batchnorm-unit-gaussian',
  'babysit-initial-loss',
  'babysit-reg-raises-loss',
  'babysit-overfit-small',
  'babysit-lr-range',
  'random-beats-grid',
  'glorot2010-sigmoid-top-saturates',
  'glorot2010-normalized-init',
  'ioffe2015-bn-stable-inputs',
  'he2015-deep-relu-xavier-stalls',
  'saxe2014-orthogonal',
  'mishkin2016-lsuv',
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

export type ChapterId =
  | 'activations'
  | 'preprocessing'
  | 'initialization'
  | 'batchnorm'
  | 'babysitting'
  | 'hyperparameters'
  | 'papers';

export interface Chapter {
  id: ChapterId;
  /** Heading of the tour's chapter. */
  title: string;
}

/** 'probe': the lecture's random N(0,1) input with random labels; otherwise a data set. */
export type SceneData = 'probe' | DatasetName;

/** The page's data set controls (2-D sets: points, noise, arms/blobs; every set: normalize). */
export interface SceneDataOptions {
  points?: number;
  noise?: number;
  planarClasses?: number;
  /** Zero-centre and scale each feature with training statistics (the page's default: on). */
  normalize?: boolean;
}

export interface SceneTraining {
  optimizer?: OptimizerName;
  learningRate?: number;
  l2?: number;
  /** Steps per second (0: as fast as the engine goes; the page offers 1000, 300, 100, 30, 10). */
  speed?: number;
}

/**
 * What the tour's "Show me" applies: settings the page's controls can take, nothing else. Every
 * scene names all network fields it depends on, so applying it gives the same state whatever
 * the page showed before.
 */
export interface ClaimScene {
  network: Partial<NetworkConfig>;
  /** The probe's batch, or the training minibatch. */
  batch?: number;
  data?: SceneData;
  dataOptions?: SceneDataOptions;
  training?: SceneTraining;
  /** Start training once applied. */
  train?: boolean;
  /** The page section the claim lives in, when it has one beyond the layer panels. */
  panel?: 'babysitting' | 'preprocessing' | 'search';
}

/** A second scene the tour can offer after the first, e.g. "Now with He". */
export interface ClaimContrast {
  /** Button text. */
  label: string;
  scene: ClaimScene;
}

export type MeasuredValue = number | number[] | string;

/**
 * 'experiment': the criterion could come out false on a working engine (its control shows it
 * does). 'demonstration': true of any working engine, shown for what it teaches, never presented
 * as a finding; `demonstration` on the claim says why.
 */
export type ClaimKind = 'experiment' | 'demonstration';

/** Which setting a check runs: the claim's, or its control's (the claimed cause removed). */
export type ClaimVariant = 'claim' | 'control';

export interface ClaimResult {
  claim: ClaimId;
  kind: ClaimKind;
  /** True for the control's line: the same criterion on the setting without the cause. */
  control: boolean;
  reproduced: boolean;
  /** The numbers the verdict rests on (seeds included), plotted or listed by the page. */
  measured: Record<string, MeasuredValue>;
  /** The criterion, as stated before measuring (the claim's `expected`). */
  expected: string;
  /** The supporting numbers in words, e.g. "layer 10 std 3e-7 (< 1e-5)". */
  summary: string;
}

export interface ClaimCheckOptions {
  /** Seeds to check on (default: the claim's `seeds`). */
  seeds?: readonly number[];
  /** The bytes of digits.bin, for claims that list 'digits' in `needs`. */
  digits?: Uint8Array;
  /** Run the control instead of the claim (default 'claim'). */
  variant?: ClaimVariant;
}

/**
 * The same experiment and criterion with the claimed cause removed (small-init-collapses under
 * Xavier; relu-dies-with-high-lr at a low rate). Its verdict must come out not reproduced: a
 * criterion that also holds without the cause shows nothing about the cause.
 */
export interface ClaimControl {
  /** What differs from the claim's setting, in words: "the same probe with Xavier weights". */
  description: string;
  /** The control's setting for the tour's own Show me. */
  show: ClaimScene;
}

/** Inputs a check needs besides the kernels. */
export type ClaimNeed = 'digits';

export interface Claim {
  id: ClaimId;
  chapter: ChapterId;
  title: string;
  /** The paper a claim of the papers chapter reproduces: authors, title, venue, figure. */
  citation?: string;
  /** Two to four sentences in our own words, tied to the lecture. */
  explanation: string;
  /** The criterion, stated before measuring. */
  expected: string;
  show: ClaimScene;
  contrast?: ClaimContrast;
  control: ClaimControl;
  kind: ClaimKind;
  /** Why a demonstration is one (what makes its criterion true of any working engine). */
  demonstration?: string;
  needs: readonly ClaimNeed[];
  /** Seeds checked by default (several where the outcome depends on random draws). */
  seeds: readonly number[];
  /**
   * Runs the experiment headless (the control's with `variant: 'control'`). Synchronous and self-contained; the kernels must not be in use
   * by a live network (each network this creates reserves the heap from its start).
   */
  check(kernels: Kernels, options?: ClaimCheckOptions): ClaimResult;
}
