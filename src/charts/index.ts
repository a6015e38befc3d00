/** d3 drawing functions, (element, data, size, options) → void; each redraws in place. */
export { classColors, drawDecisionRegions } from './decision-regions';
export type { DecisionGrid, DecisionRegionsData } from './decision-regions';
export { drawDepthChart } from './depth-chart';
export type { DepthChartCompare, DepthChartData, DepthChartOptions } from './depth-chart';
export { drawDigitStrip } from './digit-strip';
export type { DigitStripData } from './digit-strip';
export { drawHistogram } from './histogram';
export type { HistogramOptions } from './histogram';
export {
  drawNeuronMap,
  drawNeuronMapLegend,
  neuronColor,
  neuronMapLegendHeight,
} from './neuron-map';
export type { NeuronMapData } from './neuron-map';
export { drawRidgeline, MAX_RIDGES } from './ridgeline';
export type { RidgelineData, RidgelineOptions, RidgelineSnapshot } from './ridgeline';
export { drawLineChart } from './sparkline';
export type { LineChartData, LineSeries } from './sparkline';
export { chartColors } from './theme';
export type { HistogramData, Size } from './types';
