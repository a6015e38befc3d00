/**
 * Optimizers over a network's parameters: SGD, SGD with momentum (0.9) and Adam (0.9, 0.999).
 * Each step records std(ΔW)/std(W) per hidden layer, the lecture's update:data ratio. Adam with
 * `weightDecay` is AdamW: weight matrices (not biases, γ, β or ReZero's α) also shrink by
 * lr·weightDecay·W a step, decoupled from the gradient; ΔW and so the ratio include it.
 */
import type { OptimizerName, TrainingConfig } from './config';
import { OptCode } from './kernels/kernels';
import type { Network } from './network';

const CODES: Record<OptimizerName, OptCode> = {
  sgd: OptCode.Sgd,
  momentum: OptCode.Momentum,
  adam: OptCode.Adam,
};
export const MOMENTUM = 0.9;
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;

export class Optimizer {
  /** 1-based count of steps taken (Adam's bias correction). */
  step = 0;
  /** Update:data ratio per hidden layer, then the output layer, from the last step. */
  readonly updateRatio: Float64Array;

  constructor(
    private readonly net: Network,
    public config: Pick<TrainingConfig, 'optimizer' | 'learningRate' | 'weightDecay'>,
  ) {
    this.updateRatio = new Float64Array(net.layers.length + 1);
  }

  /** Applies the gradients the network holds. */
  apply(): void {
    const { net, config } = this;
    const { kernels } = net;
    const results = kernels.results();
    const code = CODES[config.optimizer];
    const beta1 = config.optimizer === 'adam' ? ADAM_BETA1 : MOMENTUM;
    const decay = config.optimizer === 'adam' ? (config.weightDecay ?? 0) : 0;
    this.step++;
    let weightIndex = 0;
    for (const p of net.parameters()) {
      const n = p.value.length;
      kernels.optimizerStep(
        code,
        p.value.data,
        p.grad.data,
        p.m.data,
        p.v.data,
        n,
        config.learningRate,
        beta1,
        ADAM_BETA2,
        ADAM_EPS,
        this.step,
        p.isWeight ? decay : 0,
      );
      if (!p.isWeight) continue;
      const meanDelta = results[0] / n;
      const deltaStd = Math.sqrt(Math.max(0, results[1] / n - meanDelta * meanDelta));
      kernels.moments(p.value.data, n);
      const weightStd = results[1];
      this.updateRatio[weightIndex++] = weightStd > 0 ? deltaStd / weightStd : 0;
    }
  }

  /** Forgets momentum and Adam's moments (the network's initialize() zeroes them too). */
  reset(): void {
    this.step = 0;
    this.updateRatio.fill(0);
  }
}
