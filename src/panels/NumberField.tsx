/**
 * A labelled number entry that keeps what the user typed: it commits on Enter, on leaving the
 * field, or after a pause in typing; a value the engine refuses leaves the text in place and the
 * store shows why (role="alert").
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ControlLabel } from '../engine/glossary';
import { describeRule, excerpt, readNumber, readNumberIn } from '../engine/number-grammar';
import { describedBy, ExplainedLabel, useExplanationsReady } from './Explain';

interface Props {
  /** Also the key of the field's explanation in the glossary. */
  label: ControlLabel;
  value: number;
  min: number;
  max: number;
  step?: number | 'any';
  /** Returns false when the value was refused. */
  onCommit: (value: number) => boolean;
  onInvalid: (message: string) => void;
  hint?: string;
  integer?: boolean;
}

const TYPING_PAUSE_MS = 600;

export function NumberField({
  label,
  value,
  min,
  max,
  step = 1,
  onCommit,
  onInvalid,
  hint,
  integer = true,
}: Props) {
  const id = useId();
  const help = useId();
  const explained = useExplanationsReady();
  const [draft, setDraft] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  const timer = useRef<number | null>(null);
  const lastValue = useRef(value);

  // Follow outside changes (a fix button, the URL, back/forward).
  useEffect(() => {
    if (value !== lastValue.current) {
      lastValue.current = value;
      setDraft(String(value));
      setInvalid(false);
    }
  }, [value]);

  const commit = (text: string) => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    // The URL's grammar (src/engine/number-grammar.ts): "0x10", "" and "Infinity" are refused.
    const rule = { min, max, integer };
    const reading = readNumberIn(text, rule);
    if (!reading.ok) {
      setInvalid(true);
      // Quoted, but cut: the alert region is read aloud whole.
      const typed =
        text.trim() === ''
          ? 'an empty field is not'
          : `"${excerpt(text)}" is not (${reading.reason})`;
      onInvalid(
        `${label} must be ${describeRule(rule)}; ${typed}. The last valid value (${value}) is still in use.`,
      );
      return;
    }
    const parsed = reading.value;
    if (parsed === value) {
      setInvalid(false);
      return;
    }
    const accepted = onCommit(parsed);
    setInvalid(!accepted);
    if (accepted) lastValue.current = parsed;
  };

  return (
    <div className="field">
      <ExplainedLabel htmlFor={id} id={help} term={label}>
        {label}
      </ExplainedLabel>
      <input
        id={id}
        // Text, not type="number": a number field silently drops what it cannot parse, and the
        // user's typing must stay visible beside the message that explains it.
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        value={draft}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, explained && help)}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          if (timer.current !== null) window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => commit(text), TYPING_PAUSE_MS);
        }}
        onBlur={() => {
          if (timer.current !== null || draft !== String(value)) commit(draft);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(draft);
          // Arrow keys step whole numbers, as a number field's spinner would.
          const delta = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0;
          const current = readNumber(draft);
          if (delta !== 0 && integer && current.ok && Number.isInteger(current.value)) {
            event.preventDefault();
            const next = String(
              Math.min(max, Math.max(min, current.value + delta * (step === 'any' ? 1 : step))),
            );
            setDraft(next);
            commit(next);
          }
        }}
      />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}
