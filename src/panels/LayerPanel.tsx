/**
 * One hidden layer: its activation histogram, statistics in words, and its gradient histogram.
 * The element carries the statistics as data-* attributes (the contract tests rely on).
 */
import { type KeyboardEvent, memo, useRef } from 'react';
import { drawHistogram } from '../charts/histogram';
import type { HistogramData, Size } from '../charts/types';
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';
import { attribute, formatNumber, formatPercent } from './format';
import { ChartExport } from './ChartExport';
import { Explain } from './Explain';
import { useChart } from './useChart';

interface ChartInput {
  histogram: HistogramData | null;
  /** log(1 + count) heights, so the ReLU family's spike at 0 does not flatten the rest. */
  logCounts: boolean;
  label: string;
  color: string;
  stale: boolean;
  /** The pinned configuration A's histogram, drawn as an outline. */
  compare: HistogramData | null;
  /** Tween to the new shape (the probe), or jump (training's 20 frames a second). */
  animate: boolean;
}

/** A's histogram as an outline, when it counts over the same bins as B's (else it would mislead). */
function sameRange(
  a: HistogramData | null | undefined,
  b: HistogramData | null | undefined,
): HistogramData | null {
  if (!a || !b) return null;
  return a.low === b.low &&
    a.high === b.high &&
    a.counts.length === b.counts.length &&
    a.mode === b.mode
    ? a
    : null;
}

function drawLayerHistogram(svg: SVGSVGElement, input: ChartInput, size: Size) {
  drawHistogram(svg, input.histogram, size, {
    color: input.color,
    label: input.label,
    logCounts: input.logCounts,
    compare: input.compare,
    animate: input.animate,
  });
  svg.classList.toggle('stale', input.stale);
}

function Histogram({ input, height }: { input: ChartInput; height: number }) {
  const ref = useChart(drawLayerHistogram, input, height);
  return <svg ref={ref} className="histogram" height={height} />;
}

/**
 * The panel's explained values are one stop for Tab (the first); ←/→ walk the rest, so a deep
 * network does not add five tab stops per layer.
 */
function walkValues(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const values = [...event.currentTarget.querySelectorAll<HTMLElement>('button[data-explain]')];
  const at = values.indexOf(event.target as HTMLElement);
  if (at < 0) return;
  event.preventDefault();
  const next = values[(at + (event.key === 'ArrowRight' ? 1 : values.length - 1)) % values.length];
  next.focus();
}

export const LayerPanel = memo(function LayerPanel({ index }: { index: number }) {
  const view = useResults((s) => s.layers[index]);
  const activation = useResults((s) => s.config?.activation);
  const gradAxis = useSettings((s) => s.gradAxis);
  const pinned = useResults((s) => s.pinned?.layers[index] ?? null);
  const training = useResults((s) => s.mode === 'train');
  const layer = index + 1;
  const panel = useRef<HTMLElement>(null);
  const stats = view?.stats ?? null;
  const grads = view?.hasGradients ? stats : null;
  const saturating = activation === 'tanh' || activation === 'sigmoid';
  const canDie = activation === 'relu' || activation === 'leaky-relu' || activation === 'elu';

  const actInput: ChartInput = {
    histogram: view?.actHistogram ?? null,
    label: `Layer ${layer} outputs h`,
    color: 'var(--chart-act)',
    stale: false,
    logCounts: canDie,
    compare: sameRange(pinned?.actHistogram, view?.actHistogram),
    animate: !training,
  };
  const gradHistogram = (gradAxis === 'log' ? view?.gradLogHistogram : view?.gradHistogram) ?? null;
  const gradInput: ChartInput = {
    histogram: gradHistogram,
    label: `Layer ${layer} gradients ∂L/∂h (${gradAxis === 'log' ? 'log10 |g|' : 'linear'})`,
    color: 'var(--chart-grad)',
    stale: !view?.hasGradients,
    logCounts: false,
    animate: !training,
    compare: sameRange(
      gradAxis === 'log' ? pinned?.gradLogHistogram : pinned?.gradHistogram,
      gradHistogram,
    ),
  };

  return (
    <section
      ref={panel}
      className="layer-panel"
      onKeyDown={walkValues}
      // Focusable from script only: choosing a layer on the depth chart moves the focus here.
      tabIndex={-1}
      data-testid={`layer-${layer}`}
      aria-labelledby={`layer-${layer}-title`}
      data-act-mean={attribute(stats?.act.mean)}
      data-act-std={attribute(stats?.act.std)}
      data-preact-mean={attribute(stats?.preact.mean)}
      data-preact-std={attribute(stats?.preact.std)}
      data-saturated={attribute(stats?.saturated)}
      data-dead={attribute(stats?.dead)}
      data-grad-std={attribute(grads?.grad_act_std)}
      data-wgrad-std={attribute(grads?.grad_w_std)}
    >
      <header className="chart-header">
        <h3 id={`layer-${layer}-title`}>Layer {layer}</h3>
        <ChartExport chart={panel} title={`Layer ${layer} histograms`} what={`layer-${layer}`} />
      </header>
      <Histogram input={actInput} height={64} />
      <p className="layer-stats">
        <Explain term="act_mean" value={stats?.act.mean ?? null} layer={layer}>
          mean {formatNumber(stats?.act.mean)}
        </Explain>
        <span className="std">
          <Explain term="act_std" value={stats?.act.std ?? null} layer={layer} tabIndex={-1}>
            std {formatNumber(stats?.act.std)}
          </Explain>
        </span>
        {saturating && (
          <span className={stats && stats.saturated > 0.5 ? 'bad' : undefined}>
            <Explain
              term="saturated"
              value={stats?.saturated ?? null}
              percent
              layer={layer}
              tabIndex={-1}
            >
              saturated {formatPercent(stats?.saturated)}
            </Explain>
          </span>
        )}
        {canDie && (
          <span className={stats && stats.dead > 0.3 ? 'bad' : undefined}>
            <Explain term="dead" value={stats?.dead ?? null} percent layer={layer} tabIndex={-1}>
              dead {formatPercent(stats?.dead)}
            </Explain>
          </span>
        )}
      </p>
      <Histogram input={gradInput} height={48} />
      <p className="layer-stats grad">
        <Explain
          term="grad_act_std"
          value={grads?.grad_act_std ?? null}
          layer={layer}
          tabIndex={-1}
        >
          ∂L/∂h std {formatNumber(grads?.grad_act_std)}
        </Explain>
        <Explain term="grad_w_std" value={grads?.grad_w_std ?? null} layer={layer} tabIndex={-1}>
          ∂L/∂W {formatNumber(grads?.grad_w_std)}
        </Explain>
      </p>
    </section>
  );
});
