/**
 * The charts a claim's description asks for, drawn from the numbers its check measured: the
 * papers' figures (quantities against training steps or against depth, one line per condition)
 * and the chart some verdicts carry (the zig-zag of a weight path). The specs live beside the
 * claims (src/engine/claims/info/), typed by the measured keys.
 */
import { drawLineChart, type LineChartData, type LineSeries } from '../charts/sparkline';
import type { ChartSpec, ClaimInfo, FigureSpec, MeasuredValue } from '../engine/claims/types';
import { useChart } from './useChart';

function numbers(value: MeasuredValue | undefined): number[] {
  return Array.isArray(value) ? value : [];
}

function chartData(
  spec: ChartSpec<string>,
  measured: Record<string, MeasuredValue>,
): LineChartData {
  const series: LineSeries[] = spec.series.map((s) => {
    const ys = numbers(measured[s.key]);
    const x = s.x ?? spec.x;
    const xs = x === 'layer' ? ys.map((_, i) => i + 1) : numbers(measured[x]);
    return {
      name: s.name,
      color: s.color,
      dashed: s.dashed,
      values: ys.map((y, i) => ({ x: xs[i], y })),
    };
  });
  return {
    series,
    xTitle: spec.xTitle,
    yTitle: spec.yTitle,
    logY: spec.logY,
    yDomain: spec.yDomain,
  };
}

function Figure({
  spec,
  measured,
}: {
  spec: FigureSpec<string>;
  measured: Record<string, MeasuredValue>;
}) {
  const ref = useChart(drawLineChart, chartData(spec, measured), 190);
  return (
    <figure className="paper-figure">
      <figcaption>{spec.title}</figcaption>
      <svg ref={ref} height={190} />
    </figure>
  );
}

/** The figures of one paper claim (none for the lecture's claims). */
export function PaperFigures({
  claim,
  measured,
}: {
  claim: ClaimInfo;
  measured: Record<string, MeasuredValue>;
}) {
  if (!claim.figures) return null;
  return (
    <div className="paper-figures" data-testid={`paper-figures-${claim.id}`}>
      {claim.figures.map((spec) => (
        <Figure key={spec.title} spec={spec} measured={measured} />
      ))}
    </div>
  );
}

/** The chart drawn in a verdict, uncaptioned (sigmoid-not-zero-centred's weight paths). */
export function VerdictChart({
  spec,
  measured,
}: {
  spec: ChartSpec<string>;
  measured: Record<string, MeasuredValue>;
}) {
  const ref = useChart(drawLineChart, chartData(spec, measured), 200);
  return <svg ref={ref} height={200} className="zigzag" />;
}
