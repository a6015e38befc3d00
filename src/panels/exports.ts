/**
 * What the share panel downloads, built from the current settings and results with the pure
 * generators of src/export: statistics (per layer, or the training run's series) and code.
 */
import type { NetworkConfig } from '../engine/config';
import type { LayerStats } from '../engine/stats';
import {
  experimentFileName,
  layerStatsCsv,
  numpyScript,
  pytorchScript,
  statsJson,
  trainingSeriesCsv,
  trainingSeriesJson,
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

/** Per-layer statistics, or the training run's time series when training. */
export function exportStats(format: 'csv' | 'json'): ExportFile | null {
  const results = useResults.getState();
  const network = currentNetwork();
  if (!network) return null;
  const series = results.training?.series;
  const run = requestsOf(useSettings.getState()).current;
  if (results.mode === 'train' && series && run.kind === 'train') {
    const context = { network, training: run.training, dataset: run.data.name };
    return {
      name: experimentFileName(network, 'training-series', format),
      content: format === 'csv' ? trainingSeriesCsv(series) : trainingSeriesJson(series, context),
    };
  }
  const measured = results.layers.flatMap((l, i) => (l.stats ? [{ stats: l.stats, i }] : []));
  const layers: LayerStats[] = measured.map((m) => m.stats);
  // The theory beside each layer as the probe's JSON has it (docs/probe-json.md).
  const theory = measured.map(({ i }) => {
    const predicted = results.noTheory ? undefined : results.theory[i];
    return predicted
      ? { act_std: predicted.actStd, grad_act_std: results.gradTheory[i] ?? null }
      : null;
  });
  return {
    name: experimentFileName(network, 'layer-stats', format),
    content:
      format === 'csv'
        ? layerStatsCsv(layers)
        : statsJson({
            config: network,
            batch: results.batch,
            backend: results.backend ?? 'unknown',
            loss: results.loss ?? NaN,
            layers,
            nonFinite: results.nonFinite,
            theory,
            noTheory: results.noTheory,
          }),
  };
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
