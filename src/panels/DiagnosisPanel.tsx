/** What is happening, why, and the fix to try as one click. */
import type { Diagnosis } from '../engine/diagnosis';
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';
import { formatNumber } from './format';

export function DiagnosisPanel() {
  const diagnosis = useResults((s) => s.diagnosis);
  const status = useResults((s) => s.status);
  const mode = useResults((s) => s.mode);
  const loss = useResults((s) => s.loss);
  const elapsedMs = useResults((s) => s.elapsedMs);
  const classes = useResults((s) => s.config?.classes);
  const update = useSettings((s) => s.update);
  const setTraining = useSettings((s) => s.setTraining);
  const applyFix = (fix: NonNullable<Diagnosis['fix']>) => {
    if (fix.training) setTraining(fix.training);
    if (Object.keys(fix.change).length > 0) update(fix.change);
  };
  return (
    <section
      className={`diagnosis card ${diagnosis?.severity ?? ''}`}
      aria-labelledby="diagnosis-title"
      aria-live="polite"
      data-severity={diagnosis?.severity}
    >
      <h2 id="diagnosis-title">Diagnosis</h2>
      {diagnosis ? (
        <>
          <p className="headline">{diagnosis.headline}</p>
          <p>{diagnosis.explanation}</p>
          {diagnosis.fix && (
            <button type="button" className="primary" onClick={() => applyFix(diagnosis.fix!)}>
              {diagnosis.fix.label}
            </button>
          )}
        </>
      ) : (
        <p>Computing the first pass…</p>
      )}
      {mode === 'probe' && loss !== null && classes !== undefined && (
        <p className="meta">
          Initial loss {formatNumber(loss, 3)} (ln {classes} = {formatNumber(Math.log(classes), 3)})
          ·{' '}
          {status === 'ready' && elapsedMs !== null
            ? `computed in ${Math.round(elapsedMs)} ms`
            : 'computing…'}
        </p>
      )}
    </section>
  );
}
