/**
 * A line chart over steps in a titled figure, with its export button (training, recordings).
 * Its title is explained when the caller hands over the page's Explain with a glossary term.
 */
import { drawLineChart, type LineChartData } from '../charts/sparkline';
import type { TermKey } from '../engine/glossary';
import { ChartExport } from './ChartExport';
import type { Explain } from './Explain';
import { useChart } from './useChart';

export function LineChart({
  data,
  height,
  title,
  term,
  explain: X,
}: {
  data: LineChartData;
  height: number;
  title: string;
  term?: TermKey;
  explain?: typeof Explain;
}) {
  const ref = useChart(drawLineChart, data, height);
  return (
    <figure className="series-chart">
      <figcaption>
        {X && term ? <X term={term}>{title}</X> : title}
        <ChartExport
          chart={ref}
          title={title}
          what={title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}
        />
      </figcaption>
      <svg ref={ref} height={height} />
    </figure>
  );
}
