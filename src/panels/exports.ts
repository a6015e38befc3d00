/**
 * What the share panel downloads, built from the current settings and results with the pure
 * generators of src/export: statistics (per layer, or the training run's series; as JSON, a
 * recording in the format of docs/recording-format.md) and code.
 */
import { version } from '../../package.json';
import type { NetworkConfig } from '../engine/config';
import type { Recording } from '../engine/recording/format';
import { type LabLayer, recordingOfProbe, recordingOfTraining } from '../engine/recording/from-lab';
import type { LayerStats } from '../engine/stats';
import {
  experimentFileName,
  layerStatsCsv,
  numpyScript,
  pytorchScript,
  recordingJson,
  trainingSeriesCsv,
} from '../export';
import { requestsOf } from '../store/requests';
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';

export interface ExportFile {
  name: string;
  content: string;
}

/** The network as the results describe it (a data set fixes input size and classes). */
function currentNetwork(): NetworkConfig | null {
  return useResults.getState().config;
}

/** The probe's pass, or the training run as far as the page holds it, as a recording. */
function currentRecording(network: NetworkConfig): { recording: Recording; training: boolean } {
  const results = useResults.getState();
  const measured = results.layers.flatMap((l, i) => (l.stats ? [{ ...l, stats: l.stats, i }] : []));
  const layers: LabLayer[] = measured.map(({ stats, actHistogram, gradLogHistogram }) => ({
    stats,
    actHistogram,
    gradLogHistogram,
  }));
  const run = requestsOf(useSettings.getState()).current;
  if (results.mode === 'train' && results.training && run.kind === 'train') {
    const { series, step } = results.training;
    const training = { ...run.training, dataset: run.data.name };
    const current = { step, layers };
    const input = { config: network, training, series, current, producerVersion: version };
    return { recording: recordingOfTraining(input), training: true };
  }
  // The theory beside each layer, as the probe's JSON has it (docs/probe-json.md).
  const theory = results.noTheory
    ? null
    : measured.map(({ i }) => {
        const predicted = results.theory[i];
        return predicted
          ? { actStd: predicted.actStd, gradStd: results.gradTheory[i] ?? null }
          : null;
      });
  const { batch, loss } = results;
  const input = { config: network, batch, layers, theory, loss, producerVersion: version };
  return { recording: recordingOfProbe(input), training: false };
}

/** "Save recording": what the page shows, in the format the recording view opens. */
export function exportRecording(): ExportFile | null {
  const network = currentNetwork();
  if (!network) return null;
  const { recording, training } = currentRecording(network);
  return {
    name: experimentFileName(network, training ? 'training' : 'probe', 'alab.json'),
    content: recordingJson(recording),
  };
}

/** Per-layer statistics, or the training run's time series when training (JSON: a recording). */
export function exportStats(format: 'csv' | 'json'): ExportFile | null {
  const results = useResults.getState();
  const network = currentNetwork();
  if (!network) return null;
  const series = results.training?.series;
  const run = requestsOf(useSettings.getState()).current;
  const training = results.mode === 'train' && series && run.kind === 'train';
  const name = experimentFileName(
    network,
    training ? 'training-series' : 'layer-stats',
    format === 'csv' ? 'csv' : 'alab.json',
  );
  if (format === 'json') return { name, content: exportRecording()!.content };
  const layers: LayerStats[] = results.layers.flatMap((l) => (l.stats ? [l.stats] : []));
  return { name, content: training ? trainingSeriesCsv(series) : layerStatsCsv(layers) };
}

/** The experiment as a runnable script: the probe, and the training loop when training. */
export function exportCode(language: 'pytorch' | 'numpy'): ExportFile | null {
  const network = currentNetwork();
  if (!network) return null;
  const { batch } = useSettings.getState();
  if (language === 'numpy')
    return {
      name: experimentFileName(network, 'probe', 'py'),
      content: numpyScript(network, batch),
    };
  const run = requestsOf(useSettings.getState()).current;
  const trainingExport =
    run.kind === 'train' ? { ...run.training, dataset: run.data.name } : undefined;
  return {
    name: experimentFileName(network, 'pytorch', 'py'),
    content: pytorchScript(network, batch, trainingExport),
  };
}

export { experimentFileName };
