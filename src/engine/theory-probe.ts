/**
 * The mean-field theory as the probe reports it (the page's depth chart, the CLI's JSON): where
 * it applies, the prediction for each layer; where it does not, why, in words.
 */
import type { NetworkConfig } from './config';
import type { Network } from './network';
import {
  gradientStdFromTop,
  type LayerTheory,
  meanFieldTheory,
  measuredWeightVariances,
} from './theory';

/**
 * Narrower layers are not described by one curve: one draw of the weights moves a layer's std
 * by tens of percent (measured at layer 10, 8 seeds: ±20–70 % at 32 units, ±10–25 % at 64).
 */
export const MIN_THEORY_WIDTH = 64;
/**
 * Batchnorm's statistics over fewer rows are too noisy for the theory's first-order
 * finite-batch factor (measured at 8 rows: layer-1 gradients 30 % off after 9 layers).
 */
export const MIN_THEORY_BATCHNORM_BATCH = 16;

/** Why the mean-field theory does not describe this probe, or null when it does. */
export function noTheoryReason(
  config: NetworkConfig,
  batch: number,
  weightVariances: readonly number[],
): string | null {
  if (weightVariances.some((v) => !(v > 0) || !Number.isFinite(v)))
    return 'No theory curve: the weights start at zero, so every unit of a layer computes the same value and there is no random sum for the mean-field theory to describe.';
  const narrowest = Math.min(config.width, config.inputDim);
  if (narrowest < MIN_THEORY_WIDTH)
    return `No theory curve: the mean-field theory describes wide layers, and with ${narrowest} units one draw of the weights moves a layer's std by tens of percent (it needs ${MIN_THEORY_WIDTH} or more).`;
  if (config.batchnorm && batch < MIN_THEORY_BATCHNORM_BATCH)
    return `No theory curve: batchnorm's statistics over ${batch} rows are too noisy for the theory (it needs a batch of ${MIN_THEORY_BATCHNORM_BATCH} or more).`;
  return null;
}

export type ProbeTheory =
  { layers: LayerTheory[]; reason: null } | { layers: null; reason: string };

/** The theory for a probe network just initialized, from the variances its weights were drawn with. */
export function probeTheory(net: Network): ProbeTheory {
  const variances = measuredWeightVariances(net);
  const reason = noTheoryReason(net.config, net.rows, variances);
  if (reason !== null) return { layers: null, reason };
  return { layers: meanFieldTheory(net.config, (l) => variances[l], net.rows), reason: null };
}

/** The theory beside one layer's measurement, as the probe's JSON carries it. */
export interface TheoryPoint {
  act_std: number | null;
  grad_act_std: number | null;
}

/** Per layer: the predicted stds (null where a value cannot be predicted), or null throughout. */
export function theoryPoints(
  layers: readonly LayerTheory[] | null,
  gradStds: readonly (number | null)[] | null,
  depth: number,
): (TheoryPoint | null)[] {
  return Array.from({ length: depth }, (_, i) =>
    layers && layers[i] ? { act_std: layers[i].actStd, grad_act_std: gradStds?.[i] ?? null } : null,
  );
}

/**
 * Predicted std of ∂L/∂h per layer from the measured top layer, or null without a theory or
 * when NaN or Inf appeared in the pass (then the top layer's gradient is no anchor).
 */
export function gradientTheory(
  theory: readonly LayerTheory[] | null,
  topGradStd: number,
  nonFinite: boolean,
): (number | null)[] | null {
  return theory && !nonFinite ? gradientStdFromTop(theory, topGradStd) : null;
}
