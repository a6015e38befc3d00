import { describe, expect, it } from 'vitest';
import { emptyLayer, type LayerView } from '../store/result-slices/probe';
import { flowData } from './gradient-flow-data';

function layer(gradW: number, gradH: number, hasGradients = true): LayerView {
  const moments = { mean: 0, std: 1 };
  return {
    ...emptyLayer(),
    hasGradients,
    stats: {
      layer: 1,
      preact: moments,
      act: moments,
      saturated: 0,
      dead: 0,
      grad_act_std: gradH,
      grad_w_std: gradW,
      w_std: 0.1,
      grad_data_ratio: 0,
      non_finite: 0,
    },
  };
}

describe('flowData', () => {
  it('takes both gradient stds of the layers the backward pass has reached', () => {
    // The probe's backward pass runs from the top: layer 1 has its forward statistics only.
    const data = flowData([layer(0, 0, false), layer(1e-4, 3e-3), emptyLayer()]);
    expect(data).toEqual({
      layers: 3,
      wGradStd: [null, 1e-4, null],
      actGradStd: [null, 3e-3, null],
    });
  });
});
