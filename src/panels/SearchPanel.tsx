/**
 * Random against grid search over learning rate × L2, the same budget each, on the current
 * network and data set: progress, Cancel, a scatter with the marginal that shows why random
 * search samples the important axis more densely, "coarse to fine", and the table as CSV.
 */
import { useMemo, useState } from 'react';
import type { SearchSpace } from '../engine/claims/hyperparameters';
import { csvText, safeFileName } from '../export';
import { drawSearchScatter, type SearchScatterData } from '../charts/search-scatter';
import { jobActions } from '../store/engine';
import { type SearchView, useResults } from '../store/results';
import { download } from './download';
import { formatNumber, formatPercent } from './format';
import { useChart } from './useChart';

const COARSE: SearchSpace = { learningRate: [1e-4, 10], l2: [1e-6, 1e-1] };
const BUDGET = 16;
const STEPS = 150;

function SearchProgress({ search }: { search: SearchView }) {
  const bestOf = (method: 'grid' | 'random') =>
    Math.max(0, ...search.trials.filter((t) => t.method === method).map((t) => t.accuracy));
  return (
    <>
      <p role="status">
        {search.running ? 'Searching' : 'Done'}: {search.done} of {search.total || 2 * BUDGET}{' '}
        trials
        {search.trials.length > 0 &&
          ` · best validation accuracy: grid ${formatPercent(bestOf('grid'))}, random ${formatPercent(bestOf('random'))}`}
        {search.error && ` · ${search.error}`}
      </p>
      <progress max={search.total || 2 * BUDGET} value={search.done} aria-label="Search progress" />
    </>
  );
}

export function SearchPanel() {
  const search = useResults((s) => s.search);
  const mode = useResults((s) => s.mode);
  const [space, setSpace] = useState<SearchSpace>(COARSE);
  const data: SearchScatterData = useMemo(
    () => ({ trials: search?.trials ?? [], ...space }),
    [search, space],
  );
  const ref = useChart(drawSearchScatter, data, 260);
  if (mode !== 'train') return null;

  const start = (next: SearchSpace) => {
    setSpace(next);
    jobActions.search({ budget: BUDGET, steps: STEPS, space: next });
  };
  const best =
    search?.trials.reduce<(typeof search.trials)[number] | null>(
      (a, t) => (!a || t.accuracy > a.accuracy ? t : a),
      null,
    ) ?? null;
  // Coarse to fine: a decade around the best trial on each axis.
  const zoom = (): SearchSpace | null =>
    best
      ? {
          learningRate: [best.learningRate / Math.sqrt(10), best.learningRate * Math.sqrt(10)],
          l2: [best.l2 / Math.sqrt(10), best.l2 * Math.sqrt(10)],
        }
      : null;
  const exportCsv = () => {
    if (!search) return;
    const rows = [
      ['method', 'learning_rate', 'l2', 'validation_accuracy', 'diverged'],
      ...search.trials.map((t) => [t.method, t.learningRate, t.l2, t.accuracy, t.diverged ? 1 : 0]),
    ];
    download(csvText(rows), safeFileName(['activation-lab', 'search-trials.csv']), 'text/csv');
  };

  return (
    <section
      className="search card"
      aria-labelledby="search-title"
      data-running={search?.running ?? false}
      data-done={search?.done ?? 0}
    >
      <h2 id="search-title">Hyperparameter search: random against grid</h2>
      <p className="hint">
        {BUDGET} trials each over learning rate {formatNumber(space.learningRate[0])}…
        {formatNumber(space.learningRate[1])} × L2 {formatNumber(space.l2[0])}…
        {formatNumber(space.l2[1])} (log space), {STEPS} steps per trial, on the current network and
        data.
      </p>
      <div className="buttons">
        <button type="button" onClick={() => start(COARSE)} disabled={search?.running}>
          Run search
        </button>
        <button type="button" onClick={jobActions.cancelSearch} disabled={!search?.running}>
          Cancel search
        </button>
        <button type="button" onClick={() => start(zoom()!)} disabled={!best || search?.running}>
          Coarse to fine
        </button>
        <button type="button" onClick={exportCsv} disabled={!search || search.trials.length === 0}>
          Trials CSV
        </button>
      </div>
      {search && <SearchProgress search={search} />}
      <svg ref={ref} height={260} />
      <p className="caption">
        Squares: grid; circles: random; colour: validation accuracy (grey: diverged).
      </p>
    </section>
  );
}
