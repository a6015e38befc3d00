/**
 * A multilayer perceptron on one backend's heap: hidden layers, an output layer and the loss.
 * Passes can run a layer at a time (the worker streams results between layers) or whole.
 */
import { Arena, type Buffer } from './arena';
import { blockPlan, fixedAlpha } from './block';
import { type NetworkConfig, validateNetworkConfig } from './config';
import { gaussianStd, initWeights, orthogonalGain } from './init';
import type { Kernels } from './kernels/kernels';
import { HiddenLayer, OutputLayer, type Parameter } from './layer';
import { type CrossEntropyResult, l2Backward, l2Forward, softmaxCrossEntropy } from './ops/loss';
import { Rng, Streams } from './rng';

/** Where a NaN or ±Inf first appeared in a pass. Layer 1..depth, or depth + 1 for the output. */
export interface NonFinite {
  phase: 'forward' | 'loss' | 'backward';
  layer: number;
}

const LSUV_TOLERANCE = 0.05;
/** Above this many weights (128 MiB of float64 draws) initialize draws afresh each time. */
const MAX_CACHED_WEIGHTS = 16 * 1024 * 1024;
const LSUV_MAX_ITERATIONS = 10;

export class Network {
  readonly layers: HiddenLayer[] = [];
  readonly output: OutputLayer;
  /** Input rows × inputDim, filled by the caller. */
  readonly input: Buffer;
  /** Class index per row (stored as floats). */
  readonly labels: Buffer;
  /** Rows of the current pass (at most `capacity`). */
  rows: number;
  /** L2 strength λ of the loss term ½λ·ΣW². */
  l2 = 0;
  readonly crossEntropy: CrossEntropyResult = { loss: NaN, correct: 0 };
  /** Total loss of the last computeLoss: cross-entropy plus the L2 term. */
  loss = NaN;
  nonFinite: NonFinite | null = null;

  /** Unit normal draws of each weight matrix for the current seed (see initialize). */
  private parameterList: Parameter[] | null = null;
  private unitNormals: { seed: number; draws: Float64Array[] } | null = null;
  /** Dropout masks, bottom layer first, pass after pass; restarted by initialize(). */
  private dropoutRng: Rng;
  /** False: dropout passes reuse each layer's last mask (for gradient checks). */
  redrawDropoutMasks = true;
  /** Floats of every buffer in the heap (estimateNetworkFloats predicts it). */
  readonly floats: number;

  constructor(
    public config: NetworkConfig,
    readonly capacity: number,
    readonly kernels: Kernels,
  ) {
    validateNetworkConfig(config, capacity);
    const arena = new Arena(kernels);
    this.input = arena.alloc(capacity * config.inputDim);
    this.labels = arena.alloc(capacity);
    for (let i = 0; i < config.depth; i++) {
      const fanIn = i === 0 ? config.inputDim : config.width;
      const plan = blockPlan(config, i);
      this.layers.push(
        new HiddenLayer(arena, fanIn, config.width, config.activation, plan, capacity),
      );
    }
    this.output = new OutputLayer(arena, config.width, config.classes, capacity);
    arena.commit();
    this.floats = arena.totalFloats;
    this.rows = capacity;
    this.dropoutRng = new Rng(config.seed, Streams.Dropout);
    this.applyLayerSettings();
  }

  /** What a layer reads from the configuration at pass time: activation, fixed α, dropout rate. */
  private applyLayerSettings(): void {
    const { config } = this;
    for (const layer of this.layers) {
      layer.activation = config.activation;
      layer.fixedAlpha = fixedAlpha(config);
      layer.dropoutRate = config.dropout ?? 0;
    }
  }

  /** Every parameter tensor, bottom to top (one list, made once: the hot path reads it). */
  parameters(): readonly Parameter[] {
    if (!this.parameterList) {
      const list: Parameter[] = [];
      for (const layer of this.layers) list.push(...layer.parameters());
      list.push(this.output.weight, this.output.bias);
      this.parameterList = list;
    }
    return this.parameterList;
  }

  /** Buffers depend only on these; any other change can reuse the network. */
  static shapeKey(config: NetworkConfig, capacity: number): string {
    const pieces = config.activation === 'maxout' ? 2 : 1;
    return [
      config.inputDim,
      config.depth,
      config.width,
      config.classes,
      pieces,
      config.batchnorm,
      config.layernorm ?? false,
      config.normPosition ?? 'inside',
      config.residual ?? false,
      config.branchScale === 'rezero',
      (config.dropout ?? 0) > 0,
      capacity,
    ].join(',');
  }

  /**
   * Switches to a configuration of the same shape (activation, init, scale, seed, a fixed branch
   * scale, a non-zero dropout rate) without
   * reallocating; returns false when the shape differs and a new network is needed.
   */
  reconfigure(config: NetworkConfig): boolean {
    if (Network.shapeKey(config, this.capacity) !== Network.shapeKey(this.config, this.capacity))
      return false;
    validateNetworkConfig(config, this.capacity);
    this.config = config;
    this.applyLayerSettings();
    return true;
  }

  /**
   * Draws every weight from the seed (biases 0, γ 1, β 0, ReZero's α 0, optimizer state 0) and
   * restarts the dropout stream. LSUV also rescales each layer on the current input rows, so fill
   * `input` first.
   */
  initialize(): void {
    const { config } = this;
    const rng = new Rng(config.seed, Streams.Weights);
    const gain = orthogonalGain(config.activation);
    for (const param of this.parameters()) {
      param.value.data.fill(0);
      param.grad.data.fill(0);
      param.m.data.fill(0);
      param.v.data.fill(0);
    }
    const gaussian = gaussianStd(config.init, 1, 1, config.initScale) !== null;
    const unit =
      gaussian && this.weightCount() <= MAX_CACHED_WEIGHTS ? this.cachedUnitNormals() : null;
    const fill = (w: Float32Array, index: number, fanIn: number, cols: number, fanOut: number) => {
      if (unit)
        scaleInto(w, unit[index], gaussianStd(config.init, fanIn, fanOut, config.initScale)!);
      else initWeights(w, fanIn, cols, fanOut, config.init, config.initScale, gain, rng);
    };
    this.layers.forEach((layer, i) => {
      fill(layer.weight.value.data, i, layer.fanIn, layer.cols, config.width);
      layer.bias.value.data.fill(config.biasInit ?? 0);
      layer.resetState();
    });
    this.dropoutRng = new Rng(config.seed, Streams.Dropout);
    const out = this.output;
    fill(out.weight.value.data, this.layers.length, out.fanIn, out.classes, out.classes);
    if (config.init === 'lsuv') this.calibrateLsuv();
    this.nonFinite = null;
  }

  private weightCount(): number {
    return this.layers.reduce(
      (sum, l) => sum + l.weight.value.length,
      this.output.weight.value.length,
    );
  }

  /**
   * The Gaussian schemes differ only by a scale of the same N(0,1) draws, so they are drawn once
   * per seed (in float64, so scaling them gives the same float32 weights as drawing afresh).
   */
  private cachedUnitNormals(): Float64Array[] {
    const seed = this.config.seed;
    if (this.unitNormals?.seed !== seed) {
      const rng = new Rng(seed, Streams.Weights);
      const draws = [
        ...this.layers.map((l) => l.weight.value.length),
        this.output.weight.value.length,
      ].map((length) => {
        const values = new Float64Array(length);
        for (let i = 0; i < length; i++) values[i] = rng.normal();
        return values;
      });
      this.unitNormals = { seed, draws };
    }
    return this.unitNormals.draws;
  }

  /** Mishkin & Matas: scale each layer's weights until its linear output has variance 1. */
  private calibrateLsuv(): void {
    const { kernels, rows } = this;
    const results = kernels.results();
    const rescale = (w: Float32Array, out: Float32Array, count: number, run: () => void): void => {
      for (let i = 0; i < LSUV_MAX_ITERATIONS; i++) {
        run();
        kernels.moments(out, count);
        const variance = results[1] * results[1];
        if (
          !(variance > 0) ||
          !Number.isFinite(variance) ||
          Math.abs(variance - 1) < LSUV_TOLERANCE
        )
          return;
        kernels.scale(w, 1 / Math.sqrt(variance), w.length);
      }
    };
    let x = this.input.data;
    for (const layer of this.layers) {
      rescale(layer.weight.value.data, layer.z.data, rows * layer.cols, () =>
        layer.forwardLinear(kernels, x, rows),
      );
      layer.forward(kernels, x, rows, true);
      layer.bn?.reset();
      x = layer.h.data;
    }
    const out = this.output;
    rescale(out.weight.value.data, out.logits.data, rows * out.classes, () =>
      out.forward(kernels, x, rows),
    );
  }

  /** The input of hidden layer i (0-based): the data, or the layer below's activations. */
  layerInput(i: number): Float32Array {
    return i === 0 ? this.input.data : this.layers[i - 1].h.data;
  }

  /**
   * `training`: batchnorm on batch statistics. `dropout`: draw masks (a training step); by default
   * only when the configuration asks for dropout in the probe's training-mode pass.
   */
  forwardLayer(i: number, training: boolean, dropout = this.dropoutByDefault(training)): void {
    const layer = this.layers[i];
    const rng = dropout ? this.dropoutRng : null;
    const { kernels, rows, redrawDropoutMasks } = this;
    layer.forward(kernels, this.layerInput(i), rows, training, rng, redrawDropoutMasks);
    this.checkFinite(layer.h.data, this.rows * layer.units, 'forward', i + 1);
  }

  forwardOutput(): void {
    this.output.forward(this.kernels, this.layers[this.layers.length - 1].h.data, this.rows);
  }

  /** Softmax cross-entropy (and its gradient) plus the L2 term; returns the total loss. */
  computeLoss(): number {
    const { kernels, output, rows } = this;
    softmaxCrossEntropy(
      kernels,
      output.logits.data,
      this.labels.data,
      output.probs.data,
      output.dlogits.data,
      rows,
      output.classes,
      this.crossEntropy,
    );
    let penalty = 0;
    if (this.l2 !== 0)
      for (const p of this.parameters())
        if (p.isWeight) penalty += l2Forward(kernels, p.value.data, this.l2);
    this.loss = this.crossEntropy.loss + penalty;
    if (!Number.isFinite(this.loss) && !this.nonFinite)
      this.nonFinite = { phase: 'loss', layer: this.layers.length + 1 };
    return this.loss;
  }

  backwardOutput(): void {
    const { kernels, output } = this;
    const top = this.layers[this.layers.length - 1];
    output.backward(kernels, top.h.data, this.rows, top.dh.data);
    l2Backward(kernels, output.weight.value.data, output.weight.grad.data, this.l2);
  }

  backwardLayer(i: number): void {
    const layer = this.layers[i];
    const dx = i === 0 ? null : this.layers[i - 1].dh.data;
    layer.backward(this.kernels, this.layerInput(i), this.rows, dx);
    l2Backward(this.kernels, layer.weight.value.data, layer.weight.grad.data, this.l2);
    this.checkFinite(layer.weight.grad.data, layer.weight.grad.length, 'backward', i + 1);
  }

  forward(training: boolean, dropout = this.dropoutByDefault(training)): void {
    for (let i = 0; i < this.layers.length; i++) this.forwardLayer(i, training, dropout);
    this.forwardOutput();
  }

  private dropoutByDefault(training: boolean): boolean {
    return training && (this.config.dropoutInProbe ?? false);
  }

  /** computeLoss then every backward step, top to bottom. */
  backward(): void {
    this.computeLoss();
    this.backwardOutput();
    for (let i = this.layers.length - 1; i >= 0; i--) this.backwardLayer(i);
  }

  /** Standard deviation the scheme gives layer weights, when it is a fixed Gaussian. */
  weightStd(fanIn: number): number | null {
    const { config } = this;
    return gaussianStd(config.init, fanIn, config.width, config.initScale);
  }

  private checkFinite(
    values: Float32Array,
    count: number,
    phase: NonFinite['phase'],
    layer: number,
  ): void {
    if (this.nonFinite) return;
    if (!Number.isFinite(this.kernels.sumSquares(values, count))) this.nonFinite = { phase, layer };
  }
}

function scaleInto(w: Float32Array, unit: Float64Array, std: number): void {
  for (let i = 0; i < w.length; i++) w[i] = unit[i] * std;
}
