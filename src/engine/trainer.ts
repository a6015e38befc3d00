/**
 * Minibatch training of a Network on a Dataset, with what the live views need: per-step loss,
 * accuracy and update:data ratios; statistics on a fixed monitoring batch; validation; bounded
 * histories; and divergence caught before a NaN reaches the weights' users.
 *
 * The trainer needs a Kernels instance of its own: every Network reserves the heap from offset 0,
 * so a second network (e.g. the probe's) on the same kernels would overwrite this one's buffers.
 */
import {
  ConfigError,
  type NetworkConfig,
  type TrainingConfig,
  validateNetworkConfig,
  validateTrainingConfig,
} from './config';
import { BatchSampler, copyRow, drawFixedBatch } from './data/batches';
import type { DataSplit, Dataset } from './data/dataset';
import type { Kernels } from './kernels/kernels';
import { Network, type NonFinite } from './network';
import { Optimizer } from './optimizer';
import { addGradientStats, forwardStats, layerHistogram, unitFiringFractions } from './stats';
import { ACTIVATION_BINS, TRAINING_GRADIENT_LOG_RANGE } from './histogram-ranges';
import {
  activationHistogramRange,
  type Divergence,
  divergenceMessage,
  type Evaluation,
  EXPLOSION_FACTOR,
  EXPLOSION_PATIENCE,
  type MonitorOptions,
  type MonitorResult,
  type StepResult,
  TrainingHistory,
} from './training-history';

export type { Divergence, Evaluation, MonitorOptions, MonitorResult, StepResult };
export { EXPLOSION_FACTOR, EXPLOSION_PATIENCE };

/** Rows of the monitoring batch: enough for stable fractions, as cheap as one training step. */
export const MONITOR_ROWS = 256;

export class Trainer {
  readonly net: Network;
  readonly optimizer: Optimizer;
  readonly history: TrainingHistory;
  /** The fixed monitoring batch: distinct training rows, drawn once per data set and seed. */
  readonly monitorBatch: DataSplit;
  training: TrainingConfig;
  divergence: Divergence | null = null;
  /** Multiple of the first loss that counts as exploded (see EXPLOSION_FACTOR). */
  explosionFactor = EXPLOSION_FACTOR;
  readonly last: StepResult = { step: 0, loss: NaN, accuracy: NaN, diverged: null };
  private readonly batches: BatchSampler;
  /** Batchnorm running averages, saved while monitor() runs. */
  private readonly savedRunning: Float32Array;
  private activationRange: [number, number] | null = null;
  private firstLoss = NaN;
  /** Consecutive steps with the loss above explosionFactor × firstLoss. */
  private stepsAbove = 0;

  constructor(
    readonly network: NetworkConfig,
    training: TrainingConfig,
    readonly dataset: Dataset,
    /** Used by this trainer alone (see above). */
    readonly kernels: Kernels,
    monitorRows = MONITOR_ROWS,
  ) {
    validateTrainingConfig(training);
    if (dataset.inputDim !== network.inputDim || dataset.classes !== network.classes)
      throw new ConfigError(
        'dataset',
        `${dataset.title} has ${dataset.inputDim} inputs and ${dataset.classes} classes, the network ${network.inputDim} and ${network.classes}`,
      );
    this.training = { ...training };
    const dim = dataset.inputDim;
    this.monitorBatch = drawFixedBatch(dataset.train, dim, monitorRows, network.seed);
    const capacity = Math.max(training.batchSize, this.monitorBatch.count);
    validateNetworkConfig(network, capacity);
    this.net = new Network(network, capacity, kernels);
    this.optimizer = new Optimizer(this.net, this.training);
    this.history = new TrainingHistory(network.depth);
    this.batches = new BatchSampler(dataset.train, dim, network.seed);
    const cols = this.net.layers[0].cols;
    this.savedRunning = new Float32Array(network.batchnorm ? 2 * network.depth * cols : 0);
    this.reset();
  }

  /** The largest batch this trainer runs without being rebuilt. */
  get capacity(): number {
    return this.net.capacity;
  }

  /** The same initial weights and the same batch sequence again; histories emptied. */
  reset(): void {
    // LSUV calibrates on the current rows: the monitoring batch, the same on every reset.
    this.loadRows(this.monitorBatch, this.monitorBatch.count);
    this.net.initialize();
    this.net.l2 = this.training.l2;
    this.optimizer.reset();
    this.batches.reset();
    this.firstLoss = NaN;
    this.stepsAbove = 0;
    this.divergence = null;
    this.activationRange = null;
    Object.assign(this.last, { step: 0, loss: NaN, accuracy: NaN, diverged: null });
    this.history.clear();
  }

  /**
   * Takes a new learning rate, L2 strength, optimizer (which starts with fresh moments) or batch
   * size (up to `capacity`; a larger one needs a new Trainer) from the next step on.
   */
  setTraining(training: TrainingConfig): void {
    validateTrainingConfig(training);
    if (training.batchSize > this.capacity)
      throw new ConfigError(
        'batchSize',
        `${training.batchSize} is more than the ${this.capacity} rows this trainer holds; rebuild it`,
      );
    if (training.optimizer !== this.training.optimizer) {
      for (const p of this.net.parameters()) {
        p.m.data.fill(0);
        p.v.data.fill(0);
      }
      this.optimizer.reset();
    }
    this.training = { ...training };
    this.optimizer.config = this.training;
    this.net.l2 = training.l2;
  }

  /**
   * One minibatch step, allocation-free. On a NaN/Inf or an exploding loss it stops before
   * updating the weights (so they stay the last good ones, unless the update itself overflowed)
   * and reports the divergence; further calls do nothing until reset().
   */
  step(): StepResult {
    const { net, last } = this;
    if (this.divergence) return last;
    net.rows = this.training.batchSize;
    this.batches.next(net.input.data, net.labels.data, net.rows);
    net.nonFinite = null;
    // A training pass: batch statistics, and dropout's masks when the network has dropout.
    net.forward(true, true);
    net.backward();
    const loss = net.loss;
    if (net.nonFinite || !Number.isFinite(loss)) {
      const where: NonFinite = net.nonFinite ?? { phase: 'loss', layer: net.layers.length + 1 };
      return this.diverge('non-finite', loss, where.phase, where.layer);
    }
    if (Number.isNaN(this.firstLoss)) this.firstLoss = loss;
    this.stepsAbove = loss > this.explosionFactor * this.firstLoss ? this.stepsAbove + 1 : 0;
    if (this.stepsAbove >= EXPLOSION_PATIENCE)
      return this.diverge('exploded', loss, null, this.largestUpdateLayer());
    this.optimizer.apply();
    const ratios = this.optimizer.updateRatio;
    for (let i = 0; i < ratios.length; i++)
      if (!Number.isFinite(ratios[i])) return this.diverge('non-finite', loss, 'update', i + 1);
    last.step++;
    last.loss = loss;
    last.accuracy = net.crossEntropy.correct / net.rows;
    const { history } = this;
    history.loss.push(last.step, loss);
    history.accuracy.push(last.step, last.accuracy);
    for (let i = 0; i < history.layers.length; i++)
      history.layers[i].updateRatio.push(last.step, ratios[i]);
    return last;
  }

  /**
   * Forward and backward on the fixed monitoring batch: per-layer statistics, histograms and
   * firing fractions; records dead and saturated fractions and histogram snapshots.
   *
   * Batchnorm runs in training mode, as in the probe: the numbers describe what a training step
   * computes, and the backward pass matches its forward. Training is not disturbed: the running
   * averages are restored afterwards, weights and optimizer moments are not touched, and the
   * gradient buffers are overwritten by the next step's backward pass. Dropout is off, as in
   * evaluation: the statistics describe the network, not one random mask of it.
   */
  monitor(options: MonitorOptions = {}): MonitorResult {
    const { net, history } = this;
    const step = this.last.step;
    this.loadRows(this.monitorBatch, this.monitorBatch.count);
    this.runningAverages('save');
    const nonFinite = net.nonFinite;
    net.forward(true, false);
    net.backward();
    const [actLow, actHigh] = options.activationRange ?? this.defaultActivationRange();
    const actBins = options.activationBins ?? ACTIVATION_BINS;
    const [gradLow, gradHigh] = options.gradientLogRange ?? TRAINING_GRADIENT_LOG_RANGE;
    const gradBins = options.gradientBins ?? Math.round(4 * (gradHigh - gradLow));
    const result: MonitorResult = {
      step,
      loss: net.loss,
      accuracy: net.crossEntropy.correct / net.rows,
      layers: [],
      activationHistograms: [],
      gradientHistograms: [],
      firing: [],
    };
    for (let i = 0; i < net.layers.length; i++) {
      const stats = addGradientStats(net, i, forwardStats(net, i));
      const act = layerHistogram(net, i, 'act', actLow, actHigh, actBins);
      const grad = layerHistogram(net, i, 'grad', gradLow, gradHigh, gradBins, 'log10abs');
      // Kernels write only to heap views: dpre is free scratch until the next backward pass.
      const scratch = net.layers[i].dpre.data.subarray(0, net.layers[i].cols);
      unitFiringFractions(net, i, scratch);
      const firing = scratch.slice();
      result.layers.push(stats);
      result.activationHistograms.push(act);
      result.gradientHistograms.push(grad);
      result.firing.push(firing);
      const layer = history.layers[i];
      layer.dead.push(step, stats.dead);
      layer.saturated.push(step, stats.saturated);
      layer.activations.offer(step, act);
      layer.gradients.offer(step, grad);
    }
    this.runningAverages('restore');
    net.nonFinite = nonFinite;
    return result;
  }

  /** Validation loss (cross-entropy plus the L2 term) and accuracy; recorded in the history. */
  evaluate(): Evaluation {
    const { validation } = this.dataset;
    let crossEntropy = 0;
    let correct = 0;
    let penalty = 0;
    this.infer(validation, (rows) => {
      penalty = this.net.computeLoss() - this.net.crossEntropy.loss;
      crossEntropy += this.net.crossEntropy.loss * rows;
      correct += this.net.crossEntropy.correct;
    });
    const loss = crossEntropy / validation.count + penalty;
    const accuracy = correct / validation.count;
    this.history.validationLoss.push(this.last.step, loss);
    this.history.validationAccuracy.push(this.last.step, accuracy);
    return { loss, accuracy };
  }

  /**
   * The predicted class and its probability for each row of `x`, features in the network's input
   * space (apply the data set's normalization to raw points first; see data/normalize.ts).
   */
  predict(x: Float32Array, classes: Uint8Array, confidence?: Float32Array): void {
    const k = this.network.classes;
    const count = classes.length;
    let done = 0;
    this.infer({ x, y: new Uint8Array(0), count }, (rows) => {
      const logits = this.net.output.logits.data;
      for (let r = 0; r < rows; r++) {
        const base = r * k;
        let best = 0;
        for (let c = 1; c < k; c++) if (logits[base + c] > logits[base + best]) best = c;
        classes[done + r] = best;
        if (!confidence) continue;
        let sum = 0;
        for (let c = 0; c < k; c++) sum += Math.exp(logits[base + c] - logits[base + best]);
        confidence[done + r] = 1 / sum;
      }
      done += rows;
    });
  }

  /** Evaluation-mode forward passes over a split, `capacity` rows at a time. */
  private infer(split: DataSplit, each: (rows: number) => void): void {
    const { net } = this;
    const nonFinite = net.nonFinite;
    for (let start = 0; start < split.count; start += net.capacity) {
      const rows = Math.min(net.capacity, split.count - start);
      this.loadRows(split, rows, start);
      net.forward(false);
      each(rows);
    }
    net.nonFinite = nonFinite;
  }

  /** Rows [start, start + rows) of a split into the network's input (labels 0 if it has none). */
  private loadRows(split: DataSplit, rows: number, start = 0): void {
    const { net } = this;
    const dim = this.network.inputDim;
    net.rows = rows;
    if (split.y.length === 0) {
      net.input.data.set(split.x.subarray(start * dim, (start + rows) * dim));
      net.labels.data.fill(0, 0, rows);
      return;
    }
    for (let r = 0; r < rows; r++)
      copyRow(split, dim, start + r, net.input.data, net.labels.data, r);
  }

  private runningAverages(action: 'save' | 'restore'): void {
    this.net.layers.forEach((layer, i) => {
      if (!layer.bn) return;
      // Slot i holds 2·cols floats; a norm before or after the block covers units ≤ cols.
      const n = layer.bn.runningMean.length;
      const start = 2 * i * layer.cols;
      const mean = this.savedRunning.subarray(start, start + n);
      const variance = this.savedRunning.subarray(start + n, start + 2 * n);
      if (action === 'save') {
        mean.set(layer.bn.runningMean.data);
        variance.set(layer.bn.runningVar.data);
      } else {
        layer.bn.runningMean.data.set(mean);
        layer.bn.runningVar.data.set(variance);
      }
    });
  }

  private defaultActivationRange(): [number, number] {
    if (!this.activationRange) {
      // Residual blocks' outputs are not bounded by the activation: their spread sets the range.
      const residual = Boolean(this.network.residual);
      let spread = 0;
      for (const layer of this.net.layers) {
        const values = residual ? layer.h : layer.pre;
        this.kernels.moments(values.data, this.net.rows * (residual ? layer.units : layer.cols));
        spread = Math.max(spread, this.kernels.results()[1]);
      }
      this.activationRange = activationHistogramRange(this.network.activation, spread, residual);
    }
    return this.activationRange;
  }

  private largestUpdateLayer(): number {
    const ratios = this.optimizer.updateRatio;
    let worst = 0;
    for (let i = 1; i < ratios.length; i++) if (ratios[i] > ratios[worst]) worst = i;
    return worst + 1;
  }

  private diverge(
    reason: Divergence['reason'],
    loss: number,
    phase: Divergence['phase'],
    layer: number,
  ): StepResult {
    const { learningRate, optimizer } = this.training;
    const divergence = { step: this.last.step + 1, reason, loss, phase, layer, learningRate };
    this.divergence = {
      ...divergence,
      optimizer,
      message: divergenceMessage(divergence, this.network.depth, this.explosionFactor),
    };
    this.last.diverged = this.divergence;
    return this.last;
  }
}
