/**
 * A training run's time series as the exports read them, and their join on the step number.
 * The shape is the worker's TrainSeries (src/worker/protocol.ts) minus the histogram snapshots,
 * so the page can pass what it holds.
 */

/** Points of one series: steps[i] is when values[i] was measured. */
export interface SeriesPoints {
  steps: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface TrainingSeriesExport {
  loss: SeriesPoints;
  accuracy: SeriesPoints;
  validationLoss?: SeriesPoints;
  validationAccuracy?: SeriesPoints;
  /** Per hidden layer, bottom to top. */
  dead: readonly SeriesPoints[];
  saturated: readonly SeriesPoints[];
  updateRatio: readonly SeriesPoints[];
}

export interface SeriesTable {
  columns: string[];
  /** One row per step, ascending; a cell is null where its series has no point at that step. */
  rows: (number | null)[][];
}

/** Columns of the wide table: step, the run's series, then dead/saturated/update ratio per layer. */
export function trainingSeriesColumns(depth: number): string[] {
  const columns = ['step', 'loss', 'accuracy', 'validation_loss', 'validation_accuracy'];
  for (let layer = 1; layer <= depth; layer++)
    columns.push(`layer${layer}_dead`, `layer${layer}_saturated`, `layer${layer}_update_ratio`);
  return columns;
}

const EMPTY: SeriesPoints = { steps: [], values: [] };

/**
 * The series joined on the step number (an outer join): training series have a point every
 * step, the monitored and validation ones only when they were measured. A series with two points
 * at one step (a re-measurement while paused) keeps the later one.
 */
export function trainingSeriesTable(series: TrainingSeriesExport): SeriesTable {
  const depth = Math.max(series.dead.length, series.saturated.length, series.updateRatio.length);
  const ordered: SeriesPoints[] = [
    series.loss,
    series.accuracy,
    series.validationLoss ?? EMPTY,
    series.validationAccuracy ?? EMPTY,
  ];
  for (let i = 0; i < depth; i++)
    ordered.push(
      series.dead[i] ?? EMPTY,
      series.saturated[i] ?? EMPTY,
      series.updateRatio[i] ?? EMPTY,
    );
  const byStep = new Map<number, (number | null)[]>();
  ordered.forEach((points, column) => {
    const count = Math.min(points.steps.length, points.values.length);
    for (let i = 0; i < count; i++) {
      const step = points.steps[i];
      if (!Number.isFinite(step)) continue;
      let row = byStep.get(step);
      if (!row) {
        row = new Array<number | null>(ordered.length).fill(null);
        byStep.set(step, row);
      }
      row[column] = points.values[i];
    }
  });
  const steps = [...byStep.keys()].sort((a, b) => a - b);
  return {
    columns: trainingSeriesColumns(depth),
    rows: steps.map((step) => [step, ...byStep.get(step)!]),
  };
}
