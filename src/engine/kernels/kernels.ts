/**
 * The compute kernels the engine's operations run on. Two backends implement this interface:
 * `ts` (plain TypeScript, the reference) and `wasm` (WebAssembly SIMD). Kernels know nothing of
 * layers or networks: they see row-major Float32Arrays and sizes.
 *
 * Every Float32Array passed to a kernel must be a view of this backend's heap (made by `view`),
 * because the wasm backend passes the view's byteOffset as a pointer. Scalar results that do not
 * fit a return value are written to `results` (a Float64Array that is also part of the heap).
 */
export type BackendName = 'ts' | 'wasm';

/** Activation codes shared with the WebAssembly module (keep in step with assembly/). */
export const enum ActCode {
  Linear = 0,
  Sigmoid = 1,
  Tanh = 2,
  Relu = 3,
  LeakyRelu = 4,
  Elu = 5,
  Gelu = 6,
  Silu = 7,
}

/** Optimizer codes shared with the WebAssembly module. */
export const enum OptCode {
  Sgd = 0,
  Momentum = 1,
  Adam = 2,
}

/** Histogram axis: values as they are, or log10 of their magnitude. */
export const enum HistMode {
  Linear = 0,
  Log10Abs = 1,
}

export const LEAKY_SLOPE = 0.01;
export const ELU_ALPHA = 1;
/** Most threads kernels run on (the caller and its helpers). */
export const MAX_KERNEL_THREADS = 64;

/** Number of float64 slots in `results`; a histogram may use up to RESULT_SLOTS - 3 bins. */
export const RESULT_SLOTS = 1024;

export interface Kernels {
  readonly name: BackendName;
  /** Extra detail for reports, e.g. "simd" or "relaxed-simd". */
  readonly variant: string;
  /** Threads the kernels run on (the caller and its helpers); 1 where there are none. */
  readonly threads: number;

  /**
   * Make the heap hold at least `floats` float32 values after the reserved area and return the
   * float offset where the caller's region starts. Growing may replace the underlying buffer:
   * every view made before becomes invalid and must be made again with `view`.
   */
  reserve(floats: number): number;
  /** A view of `length` floats starting at float `offset` of the heap. */
  view(offset: number, length: number): Float32Array;
  /** Scalar outputs of the last kernel that wrote any (see each kernel). */
  results(): Float64Array;

  /** C[m×n] (+)= A[m×k] · B[k×n]. */
  gemm(
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
  ): void;
  /** C[m×n] (+)= Aᵀ · B with A stored k×m and B stored k×n. */
  gemmTN(
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
  ): void;
  /** C[m×n] (+)= A · Bᵀ with A stored m×k and B stored n×k. */
  gemmNT(
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
  ): void;

  /** x[r, c] += v[c] for every row. */
  addRowVector(x: Float32Array, v: Float32Array, rows: number, cols: number): void;
  /** out[c] (+)= Σ_r x[r, c]. */
  columnSums(
    x: Float32Array,
    out: Float32Array,
    rows: number,
    cols: number,
    accumulate: boolean,
  ): void;
  /** y[i] += alpha · x[i]. */
  axpy(alpha: number, x: Float32Array, y: Float32Array, n: number): void;
  /** x[i] *= alpha. */
  scale(x: Float32Array, alpha: number, n: number): void;
  /** out[i] = x[i]·y[i]; out may be x or y. */
  multiply(x: Float32Array, y: Float32Array, out: Float32Array, n: number): void;
  /** out[i] = x[i] + alpha·y[i]; out may be x or y. */
  addScaled(x: Float32Array, alpha: number, y: Float32Array, out: Float32Array, n: number): void;

  /** h = f(z), elementwise over n values. */
  activationForward(act: ActCode, z: Float32Array, h: Float32Array, n: number): void;
  /** dz = dh · f'(z) (f' may be computed from z or h). */
  activationBackward(
    act: ActCode,
    z: Float32Array,
    h: Float32Array,
    dh: Float32Array,
    dz: Float32Array,
    n: number,
  ): void;
  /** Maxout with two pieces: z is rows × 2·units (piece a in columns [0, units), piece b after). */
  maxoutForward(z: Float32Array, h: Float32Array, rows: number, units: number): void;
  /** Routes dh to the winning piece of each unit; the other piece gets zero. */
  maxoutBackward(
    z: Float32Array,
    dh: Float32Array,
    dz: Float32Array,
    rows: number,
    units: number,
  ): void;

  /**
   * Batch normalization with batch statistics. Writes xhat, out = gamma·xhat + beta, the batch
   * mean and 1/sqrt(var + eps) per column (var is the biased batch variance), and updates the
   * running mean and running (unbiased) variance: running = (1 - momentum)·running + momentum·batch.
   */
  batchnormForwardTrain(
    z: Float32Array,
    xhat: Float32Array,
    out: Float32Array,
    mean: Float32Array,
    invStd: Float32Array,
    gamma: Float32Array,
    beta: Float32Array,
    runningMean: Float32Array,
    runningVar: Float32Array,
    rows: number,
    cols: number,
    eps: number,
    momentum: number,
  ): void;
  /** Batch normalization with the running statistics (evaluation mode). */
  batchnormForwardEval(
    z: Float32Array,
    out: Float32Array,
    gamma: Float32Array,
    beta: Float32Array,
    runningMean: Float32Array,
    runningVar: Float32Array,
    rows: number,
    cols: number,
    eps: number,
  ): void;
  /** Backward of batchnormForwardTrain: dz, and dgamma, dbeta (overwritten). */
  batchnormBackward(
    dout: Float32Array,
    xhat: Float32Array,
    invStd: Float32Array,
    gamma: Float32Array,
    dz: Float32Array,
    dgamma: Float32Array,
    dbeta: Float32Array,
    rows: number,
    cols: number,
  ): void;

  /**
   * Layer normalization of each row over its cols: xhat = (x − mean)·invStd with the row's mean
   * and 1/sqrt(var + eps) (biased variance; invStd has one value per row), out = gamma·xhat + beta
   * with gamma, beta per column. The same in training and evaluation.
   */
  layernormForward(
    x: Float32Array,
    xhat: Float32Array,
    out: Float32Array,
    invStd: Float32Array,
    gamma: Float32Array,
    beta: Float32Array,
    rows: number,
    cols: number,
    eps: number,
  ): void;
  /** Backward of layernormForward: dx, and dgamma, dbeta (overwritten). */
  layernormBackward(
    dout: Float32Array,
    xhat: Float32Array,
    invStd: Float32Array,
    gamma: Float32Array,
    dx: Float32Array,
    dgamma: Float32Array,
    dbeta: Float32Array,
    rows: number,
    cols: number,
  ): void;

  /**
   * Softmax cross-entropy averaged over rows. labels holds class indices as floats. Writes the
   * probabilities and dlogits = (p - onehot) / rows. Returns the mean loss. results()[0] gets the
   * number of rows whose arg-max equals the label.
   */
  softmaxCrossEntropy(
    logits: Float32Array,
    labels: Float32Array,
    probs: Float32Array,
    dlogits: Float32Array,
    rows: number,
    classes: number,
  ): number;

  /** Σ x² over n values. */
  sumSquares(x: Float32Array, n: number): number;
  /** Σ x·y over n values, in float64. */
  dot(x: Float32Array, y: Float32Array, n: number): number;
  /**
   * Moments of n values: results()[0] = mean, [1] = std (population), [2] = count of non-finite
   * values (NaN or ±Inf; they are left out of mean and std, which are NaN when no value is finite).
   */
  moments(x: Float32Array, n: number): void;
  /** Count of values below `low` or above `high`. */
  countOutside(x: Float32Array, n: number, low: number, high: number): number;
  /** Number of columns whose value is ≤ 0 in every row. */
  deadColumns(z: Float32Array, rows: number, cols: number): number;
  /** out[c] = fraction of rows where x[r, c] > 0. */
  columnPositiveFraction(x: Float32Array, out: Float32Array, rows: number, cols: number): void;
  /**
   * Histogram of n values over [low, high] in `bins` equal bins, the top edge in the last bin
   * (mode Log10Abs bins log10|x|; zeros count as underflow). results()[0..bins) = counts,
   * [bins] = below low, [bins+1] = above high, [bins+2] = non-finite.
   */
  histogram(
    x: Float32Array,
    n: number,
    low: number,
    high: number,
    bins: number,
    mode: HistMode,
  ): void;

  /**
   * One optimizer step on n parameters: w, gradient g, state m and v (unused by SGD; m is the
   * velocity for momentum). step is 1-based (Adam's bias correction). `decay` (Adam only; 0
   * elsewhere) adds AdamW's decoupled weight decay −lr·decay·w to Δw. results()[0] = Σ Δw and
   * results()[1] = Σ Δw², to report std(Δw).
   */
  optimizerStep(
    opt: OptCode,
    w: Float32Array,
    g: Float32Array,
    m: Float32Array,
    v: Float32Array,
    n: number,
    lr: number,
    beta1: number,
    beta2: number,
    eps: number,
    step: number,
    decay: number,
  ): void;
}
