/**
 * What only makes sense over time: loss and accuracy, per-layer dead / saturated / update:data
 * series, neuron maps, histograms over time, and the data's own view (decision regions or digits).
 */
import { useMemo } from 'react';
import { FRACTION_DOMAIN, type LineChartData, type LineSeries } from '../charts/sparkline';
import { layerColor } from '../charts/layer-colors';
import { type TrainingView as TrainingViewData, useResults } from '../store/results';
import { formatNumber, formatPercent } from './format';
import { DataView } from './DataView';
import { NeuronMaps } from './NeuronMaps';
import { Ridgelines } from './Ridgelines';
import type { Series, TrainSeries } from '../worker/protocol';
import type { Explain } from './Explain';
import { LineChart } from './LineChart';

/** A chart is a few hundred pixels wide: more points than this only cost drawing time. */
const MAX_POINTS = 300;

/** The series' points, every k-th one (and always the last) when there are more than MAX_POINTS. */
function points(series: Series): { x: number; y: number }[] {
  const n = series.steps.length;
  const stride = Math.max(1, Math.ceil(n / MAX_POINTS));
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < n; i += stride) out.push({ x: series.steps[i], y: series.values[i] });
  if (n > 0 && (n - 1) % stride !== 0)
    out.push({ x: series.steps[n - 1], y: series.values[n - 1] });
  return out;
}

/** One line per layer (B's solid, A's dashed); "B " names the current run when A is drawn too. */
function perLayerLines(b: string, list: Series[], listA?: Series[]): LineSeries[] {
  return [
    ...list.map((s, i) => ({
      name: `${b}layer ${i + 1}`,
      color: layerColor(i, list.length),
      values: points(s),
    })),
    ...(listA ?? []).map((s, i) => ({
      name: `A layer ${i + 1}`,
      color: layerColor(i, listA!.length),
      values: points(s),
      dashed: true,
    })),
  ];
}

/** Training and validation lines of one quantity, and A's beside them. */
function runLines(
  series: TrainSeries,
  seriesA: TrainSeries | null,
  key: 'loss' | 'accuracy',
  validation: 'validationLoss' | 'validationAccuracy',
): LineSeries[] {
  const b = seriesA ? 'B ' : '';
  const lines: LineSeries[] = [
    { name: `${b}train`, color: 'var(--chart-act)', values: points(series[key]) },
    {
      name: `${b}validation`,
      color: 'var(--chart-grad)',
      values: points(series[validation]),
      dashed: !seriesA,
    },
  ];
  if (!seriesA) return lines;
  return [
    ...lines,
    { name: 'A train', color: 'var(--chart-compare)', values: points(seriesA[key]), dashed: true },
    {
      name: 'A validation',
      color: 'var(--chart-theory)',
      values: points(seriesA[validation]),
      dashed: true,
    },
  ];
}

/** The series charts of a run, and of A's trained beside it (drawn dashed, named "A"). */
function trainingCharts(series: TrainSeries, seriesA: TrainSeries | null) {
  const b = seriesA ? 'B ' : '';
  return {
    loss: {
      series: runLines(series, seriesA, 'loss', 'validationLoss'),
      xTitle: 'step',
      yTitle: 'loss (log)',
      logY: true,
    },
    accuracy: {
      series: runLines(series, seriesA, 'accuracy', 'validationAccuracy'),
      xTitle: 'step',
      yTitle: 'accuracy',
      yDomain: FRACTION_DOMAIN,
    },
    dead: {
      series: perLayerLines(b, series.dead, seriesA?.dead),
      xTitle: 'step',
      yTitle: 'dead fraction',
      yDomain: FRACTION_DOMAIN,
    },
    saturated: {
      series: perLayerLines(b, series.saturated, seriesA?.saturated),
      xTitle: 'step',
      yTitle: 'saturated fraction',
      yDomain: FRACTION_DOMAIN,
    },
    update: {
      series: perLayerLines(b, series.updateRatio),
      xTitle: 'step',
      yTitle: 'std(ΔW)/std(W)',
      logY: true,
      guide: { y: 1e-3, label: '1e-3 rule' },
    },
  } satisfies Record<string, LineChartData>;
}

function TrainingNumbers({ training, X }: { training: TrainingViewData; X: typeof Explain }) {
  return (
    <p className="training-numbers">
      step <strong>{training.step}</strong> · {training.stepsPerSecond} steps/s ·{' '}
      <X term="loss" value={training.loss}>
        loss
      </X>{' '}
      <strong data-testid="train-loss">{formatNumber(training.loss, 3)}</strong> ·{' '}
      <X term="accuracy" value={training.accuracy} percent>
        train accuracy
      </X>{' '}
      {formatPercent(training.accuracy)}
      {training.validation && (
        <>
          {' '}
          ·{' '}
          <X term="accuracy" value={training.validation.accuracy} percent>
            validation accuracy
          </X>{' '}
          <strong data-testid="validation-accuracy" data-value={training.validation.accuracy}>
            {formatPercent(training.validation.accuracy)}
          </strong>
        </>
      )}
    </p>
  );
}

/** The page's Explain (TrainingPanels.tsx says why it is handed over, not imported). */
/** The page's Explain (TrainingPanels.tsx says why it is handed over, not imported). */
export function TrainingView({ explain: X }: { explain: typeof Explain }) {
  const training = useResults((s) => s.training);
  const activation = useResults((s) => s.config?.activation);
  const series = training?.series ?? null;
  // The pinned configuration A, trained beside on the same batches.
  const seriesA = useResults((s) => s.trainingA?.series ?? null);
  const depth = series?.dead.length ?? 0;
  const charts = useMemo(() => series && trainingCharts(series, seriesA), [series, seriesA]);

  if (!training) return null;
  const saturating = activation === 'tanh' || activation === 'sigmoid';
  const canDie = activation === 'relu' || activation === 'leaky-relu' || activation === 'elu';
  const chart = { height: 150, explain: X };
  return (
    <section
      className="training-view card"
      aria-labelledby="training-view-title"
      data-step={training.step}
      data-running={training.running}
    >
      <header className="training-header">
        <h2 id="training-view-title">Training on {training.dataTitle}</h2>
        <TrainingNumbers training={training} X={X} />
      </header>
      {charts ? (
        <div className="series-grid">
          <LineChart {...chart} data={charts.loss} title="Loss" term="loss" />
          <LineChart {...chart} data={charts.accuracy} title="Accuracy" term="accuracy" />
          {canDie && (
            <LineChart
              {...chart}
              data={charts.dead}
              title="Dead ReLUs per layer"
              term="dead_series"
            />
          )}
          {saturating && (
            <LineChart
              {...chart}
              data={charts.saturated}
              title="Saturated units per layer"
              term="saturated_series"
            />
          )}
          <LineChart
            {...chart}
            data={charts.update}
            title="Update:data ratio per layer"
            term="update_series"
          />
        </div>
      ) : (
        <p className="hint">Press Train (or Space) to start; Step runs one minibatch.</p>
      )}
      <div className="training-details">
        <DataView />
        <NeuronMaps />
      </div>
      {depth > 0 && <Ridgelines />}
    </section>
  );
}
