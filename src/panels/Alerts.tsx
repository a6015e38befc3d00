/** Errors and warnings the user must see, in one role="alert" region; each can be dismissed. */
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';

export function Alerts() {
  const inputError = useSettings((s) => s.inputError);
  const urlNotices = useSettings((s) => s.urlNotices);
  const reportInputError = useSettings((s) => s.reportInputError);
  const dismissUrlNotices = useSettings((s) => s.dismissUrlNotices);
  const error = useResults((s) => s.error);
  const notices = useResults((s) => s.notices);
  const diverged = useResults((s) => s.training?.diverged ?? null);
  const dismissNotices = useResults((s) => s.dismissNotices);
  const recordingError = useResults((s) => s.recordings.error);
  const dismissRecordingError = useResults((s) => s.dismissRecordingError);
  const messages: { text: string; dismiss?: () => void; kind: 'error' | 'warning' }[] = [
    ...(inputError
      ? [
          {
            text: inputError.message,
            dismiss: () => reportInputError(null),
            kind: 'error' as const,
          },
        ]
      : []),
    ...(error ? [{ text: error, kind: 'error' as const }] : []),
    ...(recordingError
      ? [{ text: recordingError, dismiss: dismissRecordingError, kind: 'error' as const }]
      : []),
    ...(diverged
      ? [{ text: `Training stopped: ${diverged.message}`, kind: 'error' as const }]
      : []),
    ...urlNotices.map((text) => ({ text, dismiss: dismissUrlNotices, kind: 'warning' as const })),
    ...notices.map((text) => ({ text, dismiss: dismissNotices, kind: 'warning' as const })),
  ];
  return (
    <div role="alert" className="alerts">
      {messages.map((message, i) => (
        <p key={i} className={`alert ${message.kind}`}>
          <span>{message.text}</span>
          {message.dismiss && (
            <button
              type="button"
              className="dismiss"
              onClick={message.dismiss}
              aria-label="Dismiss message"
            >
              ×
            </button>
          )}
        </p>
      ))}
    </div>
  );
}
