/**
 * One hidden layer as a block (block.ts): linear map, optional normalization, nonlinearity,
 * dropout on the branch in training passes, and with a skip x_{l+1} = x_l + α·f(x_l), the norm
 * inside f, on its input ('pre') or after the sum ('post'). Buffers are sized once for
 * `capacity` rows; each pass runs on the first `rows`. Statistics read `pre` (the activation's
 * input), `h` (the block's output) and `dh` (∂L/∂h, written by the layer above).
 */
import type { Arena, Buffer } from './arena';
import { type BlockPlan } from './block';
import type { ActivationName } from './config';
import type { Kernels } from './kernels/kernels';
import { Norm } from './norm';
import { activationBackward, activationForward } from './ops/activation';
import { drawDropoutMask, dropoutBackward, dropoutForward } from './ops/dropout';
import { linearBackward, linearForward } from './ops/linear';
import { residualAlphaGradient, residualForward, residualSkipBackward } from './ops/residual';
import { allocParameter, type Parameter } from './parameter';
import type { Rng } from './rng';

export class HiddenLayer {
  /** Columns of the linear map: units, or 2·units for maxout's two pieces. */
  readonly cols: number;
  readonly weight: Parameter;
  readonly bias: Parameter;
  readonly norm: Norm | null;
  /** ReZero's learnable α (starts at 0), or null for a fixed α. */
  readonly alpha: Parameter | null;
  /** The fixed α (1 or 1/√depth) when alpha is null. */
  fixedAlpha = 1;
  /** Dropout rate p of training passes (buffers exist when the plan's rate is above 0). */
  dropoutRate: number;
  /** Linear output x·W + b. */
  readonly z: Buffer;
  /** Input of the nonlinearity: z, or the norm's output when it sits inside. */
  readonly pre: Buffer;
  /** The block's output x_{l+1}. */
  readonly h: Buffer;
  readonly dh: Buffer;
  readonly dpre: Buffer;
  /** ∂L/∂z (same buffer as dpre unless the norm sits inside). */
  readonly dz: Buffer;
  /** The nonlinearity's own output when more follows it (else h). */
  private readonly a: Buffer;
  private readonly mask: Buffer | null;
  /** ∂L/∂a under dropout's mask. */
  private readonly da: Buffer | null;
  /** The branch after dropout, with a skip. */
  private readonly dropped: Buffer | null;
  /** Pre-norm: the norm's output (the linear map's input) and its gradient. */
  private readonly normed: Buffer | null;
  private readonly dnormed: Buffer | null;
  /** Post-norm: the sum x + α·f(x) and its gradient. */
  private readonly sum: Buffer | null;
  private readonly dsum: Buffer | null;
  /** What the last forward pass wrote: f's output, the branch α multiplies, dropout or not. */
  private actOut: Buffer;
  private branchOut: Buffer;
  private droppedOut = false;

  constructor(
    arena: Arena,
    readonly fanIn: number,
    readonly units: number,
    public activation: ActivationName,
    readonly plan: BlockPlan,
    capacity: number,
  ) {
    const rowsOf = (n: number) => arena.alloc(capacity * n);
    const cols = (this.cols = activation === 'maxout' ? 2 * units : units);
    this.weight = allocParameter(arena, fanIn * cols, true);
    this.bias = allocParameter(arena, cols, false);
    this.z = rowsOf(cols);
    this.dpre = rowsOf(cols);
    this.h = rowsOf(units);
    this.dh = rowsOf(units);
    const { norm, normAt, skip, dropout } = plan;
    const normCols = normAt === 'inside' ? cols : normAt === 'pre' ? fanIn : units;
    this.norm = norm ? new Norm(arena, norm, capacity, normCols) : null;
    const inside = norm !== null && normAt === 'inside';
    this.pre = inside ? rowsOf(cols) : this.z;
    this.dz = inside ? rowsOf(cols) : this.dpre;
    this.normed = norm && normAt === 'pre' ? rowsOf(fanIn) : null;
    this.dnormed = norm && normAt === 'pre' ? rowsOf(fanIn) : null;
    this.sum = norm && normAt === 'post' ? rowsOf(units) : null;
    this.dsum = norm && normAt === 'post' ? rowsOf(units) : null;
    this.a = skip || dropout > 0 ? rowsOf(units) : this.h;
    this.mask = dropout > 0 ? rowsOf(units) : null;
    this.da = dropout > 0 ? rowsOf(units) : null;
    this.dropped = dropout > 0 && skip ? rowsOf(units) : null;
    this.alpha = skip && plan.branchScale === 'rezero' ? allocParameter(arena, 1, false) : null;
    this.dropoutRate = dropout;
    this.actOut = this.h;
    this.branchOut = this.h;
  }

  /** The batchnorm buffers, if this layer's norm is batchnorm (running averages). */
  get bn() {
    return this.norm?.bn ?? null;
  }

  parameters(): Parameter[] {
    const list = [this.weight, this.bias];
    if (this.norm) list.push(this.norm.gamma, this.norm.beta);
    if (this.alpha) list.push(this.alpha);
    return list;
  }

  /** γ = 1, β = 0, batchnorm's running averages 0 and 1, ReZero's α = 0 (after commit). */
  resetState(): void {
    this.norm?.reset();
    this.alpha?.value.data.fill(0);
  }

  /** The nonlinearity's output in the last pass (h unless dropout or a skip follows it). */
  get activationOutput(): Float32Array {
    return this.actOut.data;
  }

  /** The linear map alone, on the pre-norm's output when it sits there (LSUV measures it). */
  forwardLinear(kernels: Kernels, x: Float32Array, rows: number, training = true): void {
    let input = x;
    if (this.normed) {
      this.norm!.forward(kernels, x, this.normed.data, rows, training);
      input = this.normed.data;
    }
    const { weight, bias, z, fanIn, cols } = this;
    linearForward(kernels, input, weight.value.data, bias.value.data, z.data, rows, fanIn, cols);
  }

  /**
   * `dropout`: the stream to draw this pass's mask from, or null for no dropout; `redraw` false
   * applies the last mask again (gradient checks perturb one weight at a time under one mask).
   */
  forward(
    kernels: Kernels,
    x: Float32Array,
    rows: number,
    training: boolean,
    dropout: Rng | null = null,
    redraw = true,
  ): void {
    this.forwardLinear(kernels, x, rows, training);
    const { norm, plan, units } = this;
    const n = rows * units;
    if (norm && plan.normAt === 'inside')
      norm.forward(kernels, this.z.data, this.pre.data, rows, training);
    const drop = dropout !== null && this.mask !== null && this.dropoutRate > 0;
    this.droppedOut = drop;
    // Each stage writes to h when it is the last one of this pass.
    this.actOut = drop || plan.skip ? this.a : this.h;
    activationForward(kernels, this.activation, this.pre.data, this.actOut.data, rows, units);
    this.branchOut = this.actOut;
    if (drop) {
      this.branchOut = this.dropped ?? this.h;
      if (redraw) drawDropoutMask(dropout, this.mask.data, n, this.dropoutRate);
      dropoutForward(kernels, this.actOut.data, this.mask.data, this.branchOut.data, n);
    }
    if (!plan.skip) return;
    const sum = this.sum ?? this.h;
    residualForward(kernels, x, this.alphaValue(), this.branchOut.data, sum.data, n);
    if (this.sum) norm!.forward(kernels, this.sum.data, this.h.data, rows, training);
  }

  /** From this.dh: the parameter gradients, and ∂L/∂x into dx unless dx is null. */
  backward(kernels: Kernels, x: Float32Array, rows: number, dx: Float32Array | null): void {
    const { norm, plan, units, cols } = this;
    const n = rows * units;
    // ds: ∂L/∂(x + α·f(x)), through the post-norm when there is one.
    let ds = this.dh.data;
    if (this.dsum) {
      norm!.backward(kernels, ds, this.dsum.data, rows);
      ds = this.dsum.data;
    }
    let dact = ds;
    if (this.droppedOut) {
      dropoutBackward(kernels, ds, this.mask!.data, this.da!.data, n);
      dact = this.da!.data;
    }
    const { activation, pre, dpre } = this;
    activationBackward(
      kernels,
      activation,
      pre.data,
      this.actOut.data,
      dact,
      dpre.data,
      rows,
      units,
    );
    if (plan.skip) {
      if (this.alpha)
        this.alpha.grad.data[0] = residualAlphaGradient(kernels, ds, this.branchOut.data, n);
      const alpha = this.alphaValue();
      if (alpha !== 1) kernels.scale(dpre.data, alpha, rows * cols);
    }
    if (norm && plan.normAt === 'inside') norm.backward(kernels, dpre.data, this.dz.data, rows);
    const input = this.normed ? this.normed.data : x;
    const dinput = this.dnormed ? this.dnormed.data : dx;
    const { weight, bias, fanIn } = this;
    linearBackward(
      kernels,
      input,
      weight.value.data,
      this.dz.data,
      dx && dinput,
      weight.grad.data,
      bias.grad.data,
      rows,
      fanIn,
      cols,
    );
    if (!dx) return;
    if (this.dnormed) norm!.backward(kernels, this.dnormed.data, dx, rows);
    if (plan.skip) residualSkipBackward(kernels, ds, dx, n);
  }

  private alphaValue(): number {
    return this.alpha ? this.alpha.value.data[0] : this.fixedAlpha;
  }
}
