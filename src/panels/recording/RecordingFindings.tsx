/** The diagnosis of a recording: each finding names the layer and the step where it first showed. */
import type { RecordingFinding } from '../../engine/recording/diagnose';

export function RecordingFindings({ findings }: { findings: RecordingFinding[] }) {
  const severity = findings.some((f) => f.severity === 'problem')
    ? 'problem'
    : findings.length > 0
      ? 'warning'
      : 'healthy';
  return (
    <section
      className={`diagnosis card ${severity}`}
      aria-labelledby="recording-diagnosis-title"
      data-severity={severity}
      data-findings={findings.length}
    >
      <h2 id="recording-diagnosis-title">Diagnosis</h2>
      {findings.length === 0 ? (
        <p className="headline">
          No rule fired: gradients keep their scale across depth, no layer saturates or dies, and
          update:data stays near 1e-3.
        </p>
      ) : (
        <ul className="findings">
          {findings.map((finding) => (
            <li
              key={`${finding.rule}:${finding.layer}`}
              data-rule={finding.rule}
              data-layer={finding.layer}
              data-step={finding.step}
              className={finding.severity}
            >
              <p className="headline">{finding.headline}</p>
              <p>{finding.explanation}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
