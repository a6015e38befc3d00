/** Std of activations and gradients per layer (log axis) with the mean-field theory beside them. */
import { useMemo, useState } from 'react';
import { type DepthChartCompare, drawDepthChart, type DepthChartData } from '../charts/depth-chart';
import type { Size } from '../charts/types';
import { useResults } from '../store/results';
import { ChartExport } from './ChartExport';
import { Explain } from './Explain';
import { LayerNav } from './LayerNav';
import { layerAt, showLayer } from './show-layer';
import { useChart } from './useChart';

function drawWithCompare(
  svg: SVGSVGElement,
  input: { data: DepthChartData; compare: DepthChartCompare | null; active: number | null },
  size: Size,
) {
  drawDepthChart(svg, input.data, size, {
    compare: input.compare,
    interactive: true,
    active: input.active,
  });
}

export function DepthChartPanel() {
  const layers = useResults((s) => s.layers);
  const theory = useResults((s) => s.theory);
  const gradTheory = useResults((s) => s.gradTheory);
  const noTheory = useResults((s) => s.noTheory);
  const nonFinite = useResults((s) => s.nonFinite !== null);
  const status = useResults((s) => s.status);
  const residual = useResults((s) => Boolean(s.config?.residual));
  const data: DepthChartData = useMemo(
    () => ({
      layers: layers.length,
      actStd: layers.map((l) => l.stats?.act.std ?? null),
      gradStd: layers.map((l) => (l.hasGradients ? (l.stats?.grad_act_std ?? null) : null)),
      theoryAct: layers.map((_, i) => theory[i]?.actStd ?? null),
      theoryGrad: layers.map((_, i) => (status === 'ready' ? (gradTheory[i] ?? null) : null)),
      noTheory,
    }),
    [layers, theory, gradTheory, noTheory, status],
  );
  const pinned = useResults((s) => s.pinned);
  const [active, setActive] = useState<number | null>(null);
  const input = useMemo(
    () => ({
      data,
      compare: pinned
        ? {
            label: 'A',
            actStd: pinned.layers.map((l) => l.stats?.act.std ?? null),
            gradStd: pinned.layers.map((l) =>
              l.hasGradients ? (l.stats?.grad_act_std ?? null) : null,
            ),
          }
        : null,
      active,
    }),
    [data, pinned, active],
  );
  const ref = useChart(drawWithCompare, input, 230);
  return (
    <section className="depth-chart card" aria-labelledby="depth-title">
      <header className="chart-header">
        <h2 id="depth-title">Std by depth</h2>
        <ChartExport chart={ref} title="Std of outputs and gradients by depth" what="depth-chart" />
      </header>
      {/* Clicking a layer's column shows its panel; LayerNav is the keyboard's way. */}
      <svg
        ref={ref}
        height={230}
        onClick={(event) => {
          const layer = layerAt(event.target);
          if (layer !== null) showLayer(layer);
        }}
      />
      <LayerNav layers={layers.length} onActive={setActive} />
      {noTheory ? (
        <p className="caption" data-testid="no-theory">
          {noTheory}
        </p>
      ) : (
        <p className="caption">
          Solid: the measured <Explain term="act_std">std of h</Explain> and{' '}
          <Explain term="grad_act_std">of ∂L/∂h</Explain> by layer, on a log axis.{' '}
          <Explain term="theory">Dashed: mean-field theory</Explain>, q<sub>l</sub> = n·σ
          <sub>w</sub>²·E[f(x)²] for x ~ N(b, q<sub>l−1</sub>) with bias b (batchnorm: x ~ N(0, 1),
          gradients divided by the unit’s variance n·σ<sub>w</sub>²·Var(h)), the gradients anchored
          at the top layer.
          {residual &&
            ' Residual blocks: the variance of x + α·f(x) is Var(x) + α²·Var(f(x)), and the gradient’s grows by 1 + α² times the branch’s factor.'}
          {nonFinite && ' No gradient theory here: NaN or Inf appeared in the pass.'}
        </p>
      )}
    </section>
  );
}
