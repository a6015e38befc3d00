/**
 * Gradient flow: the per-element std of ∂L/∂W and ∂L/∂h by layer (log axis), from the probe or,
 * while training, from each frame's monitoring batch; says how much of the top layer's gradient
 * reaches layer 1. The element carries the figures as data-* attributes (tests rely on them).
 */
import { useMemo } from 'react';
import { drawGradientFlow } from '../charts/gradient-flow';
import { flowSummary, type GradientFlowData } from '../charts/gradient-flow-summary';
import type { Size } from '../charts/types';
import { useResults } from '../store/results';
import { ChartExport } from './ChartExport';
import { Explain } from './Explain';
import { attribute } from './format';
import { flowData } from './gradient-flow-data';
import { layerAt, showLayer } from './show-layer';
import { useChart } from './useChart';

const HEIGHT = 230;

function draw(svg: SVGSVGElement, data: GradientFlowData, size: Size) {
  drawGradientFlow(svg, data, size);
}

export function GradientFlowPanel() {
  const layers = useResults((s) => s.layers);
  const training = useResults((s) => s.mode === 'train');
  const step = useResults((s) => s.training?.step ?? null);
  const data = useMemo(() => flowData(layers), [layers]);
  const summary = useMemo(() => flowSummary(data), [data]);
  const ref = useChart(draw, data, HEIGHT);
  const source = training
    ? `the monitoring batch${step === null ? '' : ` at step ${step}`}`
    : 'the probe';
  return (
    <section
      className="gradient-flow card"
      aria-labelledby="gradient-flow-title"
      data-testid="gradient-flow"
      data-layers={data.layers}
      data-w-first={attribute(summary.wFirst)}
      data-w-last={attribute(summary.wLast)}
      data-h-first={attribute(summary.hFirst)}
      data-h-last={attribute(summary.hLast)}
      data-ratio={attribute(summary.ratio)}
      data-source={training ? 'training' : 'probe'}
      data-step={training ? (step ?? undefined) : undefined}
    >
      <header className="chart-header">
        <h2 id="gradient-flow-title">Gradient flow</h2>
        <ChartExport chart={ref} title="Gradient std by layer" what="gradient-flow" />
      </header>
      <svg
        ref={ref}
        height={HEIGHT}
        onClick={(event) => {
          const layer = layerAt(event.target);
          if (layer !== null) showLayer(layer);
        }}
      />
      <p className="caption">
        Std per element of each layer’s <Explain term="grad_w_std">∂L/∂W</Explain> and{' '}
        <Explain term="grad_act_std">∂L/∂h</Explain>, from {source}. Dashed: the top layer’s ∂L/∂W;
        the drop at layer 1 is how much of it arrives.
      </p>
    </section>
  );
}
