/** The gradient-flow chart's data from the layer views (the probe's or a training frame's). */
import type { GradientFlowData } from '../charts/gradient-flow-summary';
import type { LayerView } from '../store/results';

/** Each layer's two gradient stds, null until the backward pass has reached the layer. */
export function flowData(layers: LayerView[]): GradientFlowData {
  const grads = (l: LayerView) => (l.hasGradients ? l.stats : null);
  return {
    layers: layers.length,
    wGradStd: layers.map((l) => grads(l)?.grad_w_std ?? null),
    actGradStd: layers.map((l) => grads(l)?.grad_act_std ?? null),
  };
}
