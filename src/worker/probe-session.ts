/**
 * One probe pass in the worker, streamed: forward layer by layer (activation panels fill from
 * layer 1 down), then backward from the top (gradient panels fill upward). Between layers it
 * yields to the message queue, and drops the pass as soon as a newer request has arrived.
 */
import { ConfigError, type NetworkConfig, validateNetworkConfig } from '../engine/config';
import { diagnose } from '../engine/diagnosis';
import { errorMessage } from '../engine/format';
import type { Kernels } from '../engine/kernels/kernels';
import { fillProbeData } from '../engine/probe';
import { Network } from '../engine/network';
import { addGradientStats, forwardStats, layerHistogram, type LayerStats } from '../engine/stats';
import { meanFieldTheory, measuredWeightVariances } from '../engine/theory';
import { gradientTheory, noTheoryReason } from '../engine/theory-probe';
import {
  ACTIVATION_BINS,
  PROBE_GRADIENT_BINS,
  PROBE_GRADIENT_LOG_BINS,
  PROBE_GRADIENT_LOG_RANGE,
} from '../engine/histogram-ranges';
import { activationHistogramRange } from '../engine/training-history';
import { Generation } from './generation';
import type { ProbeRequest, ProbeSlot, WorkerMessage } from './protocol';

export class ProbeSession {
  /** A newer pass (or a cancel) makes this one stale; it stops between layers. */
  private readonly passes = new Generation();
  /** Kept between passes: a change of init, activation or seed reuses its buffers. */
  private net: Network | null = null;
  private dataSeed: number | null = null;

  constructor(
    private readonly kernels: Kernels,
    private readonly post: (message: WorkerMessage) => void,
    private readonly slot: ProbeSlot = 'current',
  ) {}

  cancel(): void {
    this.passes.cancel();
  }

  /** The probe network for this request: reused when only init, activation or seed changed. */
  private prepareNetwork(config: NetworkConfig, batch: number): Network {
    const reusable = this.net && this.net.capacity === batch && this.net.reconfigure(config);
    if (!reusable) {
      this.net = null; // drop the old buffers' views before the heap is laid out again
      this.net = new Network(config, batch, this.kernels);
      this.dataSeed = null;
    }
    const net = this.net!;
    if (this.dataSeed !== config.seed) {
      fillProbeData(net);
      this.dataSeed = config.seed;
    }
    net.initialize();
    return net;
  }

  async run(request: ProbeRequest, yieldToMessages: () => Promise<void>): Promise<void> {
    const { id, config, batch } = request;
    // Taken before the first await: a request that arrives later supersedes this pass.
    const stale = this.passes.begin();
    const started = performance.now();
    let net: Network;
    try {
      validateNetworkConfig(config, batch);
      net = this.prepareNetwork(config, batch);
    } catch (error) {
      const field = error instanceof ConfigError ? error.field : null;
      this.post({
        slot: this.slot,
        type: 'error',
        id,
        field,
        message: errorMessage(error),
      });
      return;
    }
    const weightVariances = measuredWeightVariances(net);
    const predicted = meanFieldTheory(config, (l) => weightVariances[l], batch);
    const noTheory = noTheoryReason(config, batch, weightVariances);
    const theory = noTheory === null ? predicted : null;
    // The histograms' reach comes from the prediction even where it is not drawn: values sit
    // within about 3 std of the bias (residual blocks: of their output's mean).
    const spread = config.residual
      ? predicted.map((t) => (t.actStd ?? t.preactStd) + Math.abs(t.actMean) / 3)
      : predicted.map((t) => t.preactStd + Math.abs(t.preactMean) / 3);
    const actRange = activationHistogramRange(
      config.activation,
      Math.max(...spread),
      config.residual,
    );
    this.post({
      slot: this.slot,
      type: 'start',
      id,
      theory,
      noTheory,
      actRange,
    });

    const stats: LayerStats[] = [];
    for (let i = 0; i < net.layers.length; i++) {
      net.forwardLayer(i, true);
      stats.push(forwardStats(net, i));
      const actHistogram = layerHistogram(net, i, 'act', actRange[0], actRange[1], ACTIVATION_BINS);
      this.post({
        slot: this.slot,
        type: 'forward',
        id,
        layer: i + 1,
        stats: { ...stats[i] },
        actHistogram,
      });
      await yieldToMessages();
      if (stale()) return;
    }
    net.forwardOutput();
    net.computeLoss();
    net.backwardOutput();
    for (let i = net.layers.length - 1; i >= 0; i--) {
      net.backwardLayer(i);
      addGradientStats(net, i, stats[i]);
      const spread =
        stats[i].grad_act_std > 0 && Number.isFinite(stats[i].grad_act_std)
          ? 4 * stats[i].grad_act_std
          : 1;
      this.post({
        slot: this.slot,
        type: 'backward',
        id,
        layer: i + 1,
        stats: { ...stats[i] },
        gradHistogram: layerHistogram(net, i, 'grad', -spread, spread, PROBE_GRADIENT_BINS),
        gradLogHistogram: layerHistogram(
          net,
          i,
          'grad',
          PROBE_GRADIENT_LOG_RANGE[0],
          PROBE_GRADIENT_LOG_RANGE[1],
          PROBE_GRADIENT_LOG_BINS,
          'log10abs',
        ),
      });
      await yieldToMessages();
      if (stale()) return;
    }
    this.post({
      slot: this.slot,
      type: 'done',
      id,
      loss: net.loss,
      elapsedMs: performance.now() - started,
      nonFinite: net.nonFinite,
      gradTheory: gradientTheory(
        theory,
        stats[stats.length - 1].grad_act_std,
        net.nonFinite !== null,
      ),
      diagnosis: diagnose(config, stats, net.nonFinite),
    });
  }
}
