/**
 * What the page exports: the experiment as PyTorch or NumPy code, statistics as CSV or JSON, and
 * safe file names for them. Pure functions from configs and statistics to text (no DOM, no Node).
 */
export { pytorchScript, type PytorchTraining } from './pytorch';
export { DEFAULT_TRAINING_STEPS } from './pytorch-training';
export { numpyScript } from './numpy';
export {
  csvField,
  csvText,
  LAYER_STATS_COLUMNS,
  layerStatsCsv,
  parseCsv,
  trainingSeriesCsv,
} from './csv';
export {
  probeConfig,
  probeJsonProblems,
  recordingJson,
  statsJson,
  type StatsExport,
  trainingSeriesJson,
} from './json';
export {
  type SeriesPoints,
  trainingSeriesColumns,
  type TrainingSeriesExport,
  trainingSeriesTable,
} from './training-series';
export {
  experimentFileName,
  experimentNameParts,
  MAX_FILE_NAME_LENGTH,
  safeFileName,
} from './file-name';
