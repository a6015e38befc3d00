/** d3 drawing functions, (element, data, size, options) → void; each redraws in place. */
export { drawDepthChart } from './depth-chart';
export type { DepthChartCompare, DepthChartData, DepthChartOptions } from './depth-chart';
export { drawHistogram } from './histogram';
export type { HistogramOptions } from './histogram';
export { drawLineChart } from './sparkline';
export type { LineChartData, LineSeries } from './sparkline';
export { chartColors } from './theme';
export type { HistogramData, Size } from './types';
