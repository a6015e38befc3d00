/**
 * The shape of a lecture claim: what the page's tour shows (ClaimInfo: its texts, scenes and
 * charts), what the worker and the command line check (Claim: the info with its experiment) and
 * the verdict with its supporting numbers.
 */
import type { NetworkConfig, OptimizerName } from '../config';
import type { DatasetName } from '../data/dataset';
import type { DatasetSpec } from '../data/spec';
import type { Kernels } from '../kernels/kernels';

/**
 * Every claim id, in the order the tour and `--check` present them: the lecture's, the papers',
 * then what came after the lecture (residual connections, layer norm, dropout).
 */
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
  'he2016-degradation',
  'residual-gradients-reach-the-bottom',
  'residual-variance-grows',
  'layernorm-batch-of-one',
  'dropout-reduces-overfitting',
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

export type ChapterId =
  | 'activations'
  | 'preprocessing'
  | 'initialization'
  | 'batchnorm'
  | 'babysitting'
  | 'hyperparameters'
  | 'papers'
  | 'after-lecture';

export interface Chapter {
  id: ChapterId;
  /** Heading of the tour's chapter. */
  title: string;
}

/** 'probe': the lecture's random N(0,1) input with random labels; otherwise a data set. */
export type SceneData = 'probe' | DatasetName;

/** The page's data set controls: the data set spec without its name (that is `data`). */
export type SceneDataOptions = Omit<DatasetSpec, 'name'>;

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

/** One line of a chart: the measured array `key` against `x` (or the chart's own x). */
export interface ChartSeries<K extends string> {
  key: K;
  /** Another measured array as this line's x values (e.g. a path in the plane). */
  x?: K;
  name: string;
  color: string;
  dashed?: boolean;
}

/**
 * A line chart drawn from a claim's measured numbers. Its keys are the claim's measured keys
 * (the check's Verdict is typed by them), so a key renamed on one side is a type error.
 */
export interface ChartSpec<K extends string> {
  /** A measured array of x values, or 'layer' for 1…n. */
  x: K | 'layer';
  series: readonly ChartSeries<K>[];
  xTitle: string;
  yTitle: string;
  logY?: boolean;
  /** A fixed y range: [0, 1] for fractions (accuracy), so the axis never runs below 0. */
  yDomain?: readonly [number, number];
}

/** A paper's figure redrawn: a chart with its caption. */
export interface FigureSpec<K extends string> extends ChartSpec<K> {
  title: string;
}

/**
 * What the page shows of a claim: its texts, scenes and charts. Data only: the page imports it
 * without the check's experiment (the networks, the trainer, the data builders).
 */
export interface ClaimInfo<K extends string = string> {
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
  /** The paper's figures, redrawn from the claim's measured numbers. */
  figures?: readonly FigureSpec<K>[];
  /** A chart drawn in the verdict itself, without a caption (the zig-zag of a weight path). */
  verdictChart?: ChartSpec<K>;
}

export interface Claim<K extends string = string> extends ClaimInfo<K> {
  needs: readonly ClaimNeed[];
  /** Seeds checked by default (several where the outcome depends on random draws). */
  seeds: readonly number[];
  /**
   * Runs the experiment headless (the control's with `variant: 'control'`). Synchronous and self-contained; the kernels must not be in use
   * by a live network (each network this creates reserves the heap from its start).
   */
  check(kernels: Kernels, options?: ClaimCheckOptions): ClaimResult;
}
