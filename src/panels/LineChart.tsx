/** A line chart over steps in a titled figure, with its export button (training, recordings). */
import type { ReactNode } from 'react';
import { drawLineChart, type LineChartData } from '../charts/sparkline';
import { ChartExport } from './ChartExport';
import { useChart } from './useChart';

export function LineChart({
  data,
  height,
  title,
  caption = title,
}: {
  data: LineChartData;
  height: number;
  title: string;
  /** What the figure's caption shows, when more than the title (an explained title). */
  caption?: ReactNode;
}) {
  const ref = useChart(drawLineChart, data, height);
  return (
    <figure className="series-chart">
      <figcaption>
        {caption}
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
