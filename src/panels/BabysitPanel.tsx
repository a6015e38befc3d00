/**
 * The lecture's babysitting checklist on the user's own network and data set, with progress and
 * Cancel: initial loss against ln C, regularization raises the loss, overfit a tiny subset, and
 * the learning-rate range test (final loss against rate, diverged rates marked).
 */
import { useMemo } from 'react';
import { BABYSIT_STEPS } from '../engine/babysitting';
import { drawLineChart, type LineChartData } from '../charts/sparkline';
import { jobActions } from '../store/engine';
import { useResults } from '../store/results';
import { useChart } from './useChart';

function RangeChart({ data }: { data: LineChartData }) {
  const ref = useChart(drawLineChart, data, 170);
  return <svg ref={ref} height={170} />;
}

export function BabysitPanel() {
  const babysit = useResults((s) => s.babysit);
  const mode = useResults((s) => s.mode);
  const range = babysit?.steps.find((s) => s.id === 'lr-range');
  const chart: LineChartData | null = useMemo(() => {
    if (!range?.rates || !range.losses) return null;
    const points = range.rates
      .map((rate, i) => ({ x: Math.log10(rate), y: range.losses![i] }))
      .filter((p) => Number.isFinite(p.y));
    return {
      series: [{ name: 'final loss', color: 'var(--chart-act)', values: points }],
      xTitle: 'log₁₀ learning rate',
      yTitle: 'loss after 100 steps (log)',
      logY: true,
    };
  }, [range]);
  if (mode !== 'train') return null;

  return (
    <section
      className="babysit card"
      aria-labelledby="babysit-title"
      data-running={babysit?.running ?? false}
      data-steps={babysit?.steps.length ?? 0}
    >
      <h2 id="babysit-title">Babysitting checklist</h2>
      <p className="hint">
        The lecture's sanity checks before a long run, on the current network, data set and training
        settings.
      </p>
      <div className="buttons">
        <button type="button" onClick={jobActions.babysit} disabled={babysit?.running}>
          Run checklist
        </button>
        <button type="button" onClick={jobActions.cancelBabysit} disabled={!babysit?.running}>
          Cancel checklist
        </button>
      </div>
      {babysit && (
        <>
          <progress
            max={BABYSIT_STEPS}
            value={babysit.steps.length}
            aria-label="Checklist progress"
          />
          <ol className="checklist">
            {babysit.steps.map((step) => (
              <li key={step.id} data-testid={`babysit-${step.id}`} data-passed={step.passed}>
                <strong>
                  {step.passed ? '✓' : '✗'} {step.title}
                </strong>
                : {step.summary}
              </li>
            ))}
            {babysit.running && <li className="hint">running…</li>}
          </ol>
          {babysit.error && <p role="alert">{babysit.error}</p>}
        </>
      )}
      {chart && <RangeChart data={chart} />}
    </section>
  );
}
