/** A line chart over steps in a titled figure, with its export button (training, recordings). */
import { drawLineChart, type LineChartData } from '../charts/sparkline';
import { ChartExport } from './ChartExport';
import { useChart } from './useChart';

export function LineChart({
  data,
  height,
  title,
}: {
  data: LineChartData;
  height: number;
  title: string;
}) {
  const ref = useChart(drawLineChart, data, height);
  return (
    <figure className="series-chart">
      <figcaption>
        {title}
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
