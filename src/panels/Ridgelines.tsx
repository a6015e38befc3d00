/** Histograms over time per layer (TensorBoard's ridgelines), for outputs h and gradients. */
import { memo } from 'react';
import { drawRidgeline } from '../charts/ridgeline';
import type { Size } from '../charts/types';
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';
import { useChart } from './useChart';

type RidgeData = Parameters<typeof drawRidgeline>[1] & { logCounts: boolean };

function draw(svg: SVGSVGElement, data: RidgeData, size: Size) {
  drawRidgeline(svg, data, size, { logCounts: data.logCounts });
}

function Ridge({ data }: { data: RidgeData }) {
  const ref = useChart(draw, data, 110);
  return <svg ref={ref} height={110} />;
}

const LayerRidges = memo(function LayerRidges({ index }: { index: number }) {
  const act = useResults((s) => s.training?.series?.actSnapshots[index] ?? null);
  const grad = useResults((s) => s.training?.series?.gradSnapshots[index] ?? null);
  // ReLU-like outputs pile up at 0; log(1 + count) heights keep the rest of the shape visible.
  const spiky = useResults((s) =>
    ['relu', 'leaky-relu', 'elu'].includes(s.config?.activation ?? ''),
  );
  if (!act || !grad) return null;
  return (
    <figure className="ridge-pair">
      <figcaption>Layer {index + 1}</figcaption>
      <Ridge
        data={{
          snapshots: act,
          color: 'var(--chart-act)',
          label: `Layer ${index + 1} outputs h over training`,
          logCounts: spiky,
        }}
      />
      <Ridge
        data={{
          snapshots: grad,
          color: 'var(--chart-grad)',
          label: `Layer ${index + 1} log10 |∂L/∂h| over training`,
          logCounts: false,
        }}
      />
    </figure>
  );
});

export function Ridgelines() {
  const isOpen = useSettings((s) => s.open.includes('ridgelines'));
  const setOpen = useSettings((s) => s.setOpen);
  const depth = useResults((s) => s.training?.series?.actSnapshots.length ?? 0);
  return (
    <details
      className="ridgelines"
      open={isOpen}
      onToggle={(event) => setOpen('ridgelines', (event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Histograms over time (outputs h, then log₁₀ |∂L/∂h|, newest in front)</summary>
      <div className="ridge-grid">
        {Array.from({ length: depth }, (_, i) => (
          <LayerRidges key={i} index={i} />
        ))}
      </div>
    </details>
  );
}
