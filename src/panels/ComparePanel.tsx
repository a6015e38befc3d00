/** Pin as A, then change the controls: B is drawn over A, and what differs is listed. */
import { useMemo } from 'react';
import { describeDifferences } from '../engine/compare';
import type { LayerStats } from '../engine/stats';
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';
import { networkSummary, trainingSummary, withSettingDifferences } from './compare-settings';

function complete(
  layers: { stats: LayerStats | null; hasGradients: boolean }[],
): LayerStats[] | null {
  return layers.every((l) => l.stats && l.hasGradients) ? layers.map((l) => l.stats!) : null;
}

export function ComparePanel() {
  const pinnedSetting = useSettings((s) => s.pinned);
  const pin = useSettings((s) => s.pin);
  const unpin = useSettings((s) => s.unpin);
  const mode = useResults((s) => s.mode);
  const pinned = useResults((s) => s.pinned);
  const current = useResults((s) => s.layers);
  const config = useResults((s) => s.config);
  const trainingB = useSettings((s) => s.training);
  const differences = useMemo(() => {
    const a = pinned?.done ? complete(pinned.layers) : null;
    const b = complete(current);
    if (!a || !b || !pinned || !config) return null;
    const lines = describeDifferences(pinned.config, config, a, b);
    return withSettingDifferences(lines, pinned.config, config);
  }, [pinned, current, config]);
  return (
    <section
      className="compare card"
      aria-labelledby="compare-title"
      data-pinned={pinnedSetting ? 'true' : 'false'}
    >
      <h2 id="compare-title">Compare</h2>
      {pinnedSetting ? (
        <>
          <p>
            <span className="swatch outline" aria-hidden="true" /> <strong>A</strong> (outline):{' '}
            {networkSummary(pinnedSetting.network)}
            {mode === 'train' && trainingSummary(pinnedSetting.training)}
            <br />
            <span className="swatch filled" aria-hidden="true" /> <strong>B</strong> (filled):{' '}
            {config ? networkSummary(config) : '…'}
            {mode === 'train' && trainingSummary(trainingB)}
          </p>
          {mode === 'train' && (
            <p className="hint">
              A trains beside B on the same batches when you press Train: its curves are dashed in
              the loss, accuracy and dead-unit charts.
            </p>
          )}
          {mode === 'probe' && differences && (
            <ul className="differences" data-testid="differences">
              {differences.length === 0 ? (
                <li>A and B give the same statistics.</li>
              ) : (
                differences.map((line) => <li key={line}>{line}</li>)
              )}
            </ul>
          )}
          <button type="button" onClick={unpin}>
            Unpin A
          </button>
        </>
      ) : (
        <>
          <p className="hint">
            Freeze the current state as A, change the controls, and see B drawn over A on the same
            seed and input.
          </p>
          <button type="button" onClick={pin}>
            Pin as A
          </button>
        </>
      )}
    </section>
  );
}
