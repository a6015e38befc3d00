/**
 * An explained statistic, axis or control: a button (its text is what the page shows) whose
 * explanation opens on hover, focus and tap, and closes on Escape, leaving or a tap elsewhere.
 * The texts (src/engine/glossary.ts) and the popover (Explanation.ts) are a chunk of their own,
 * loaded on the page's first pointer, key or focus event, so the first view does not carry them
 * (docs/decisions.md); from then on each button's description (aria-describedby) is in the DOM.
 */
import * as React from 'react';
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { CLAIM_IDS } from '../engine/claims/types';
import type { TermKey } from '../engine/glossary';
import { useSettings } from '../store/settings';
import type { ExplanationProps, TourLinks } from './Explanation';
import { formatNumber, formatPercent } from './format';
import './explain.css';

let Explanation: ((props: ExplanationProps) => ReactNode) | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Loads the glossary and the popover once; every explained element re-renders when it is in. */
export function loadExplanations(): Promise<void> {
  loading ??= import('./Explanation').then((module) => {
    Explanation = module.makeExplanation(React, createPortal);
    listeners.forEach((listener) => listener());
  });
  return loading;
}

const FIRST_USE = ['pointerover', 'pointerdown', 'focusin', 'keydown'] as const;
if (typeof document !== 'undefined')
  for (const type of FIRST_USE)
    document.addEventListener(type, () => void loadExplanations(), { once: true, capture: true });

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** Whether the explanations are loaded (so a description id may be referenced). */
export function useExplanationsReady(): boolean {
  return React.useSyncExternalStore(subscribe, () => Explanation !== null);
}

export interface ExplainProps {
  term: TermKey;
  /** The chosen option of a control, explained below the control's own text. */
  option?: TermKey;
  /** The live value this element shows (undefined: it shows none), and its layer. */
  value?: number | null;
  percent?: boolean;
  layer?: number;
  /** The description's id, when another element (a control) is described by it too. */
  id?: string;
  /** The id of the control it describes, which shows it while focused. */
  control?: string;
  /** -1 for all but the first of a group the arrow keys walk (a layer panel's values). */
  tabIndex?: number;
  /** The button's accessible name when its text is only a sign. */
  label?: string;
  className?: string;
  children: ReactNode;
}

/** The live value as the page prints it, with its layer. */
function liveText({ value, percent, layer }: ExplainProps): string | null {
  if (value === undefined) return null;
  const text = percent ? formatPercent(value) : formatNumber(value, 3);
  return layer === undefined ? text : `layer ${layer}: ${text}`;
}

const TOUR: TourLinks = {
  open(claim) {
    useSettings.getState().setTour(claim);
    window.scrollTo({ top: 0 });
  },
  step: (claim) => CLAIM_IDS.indexOf(claim) + 1,
};

export function Explain(props: ExplainProps) {
  const own = useId();
  const id = props.id ?? own;
  const loaded = useExplanationsReady();
  const Loaded = loaded ? Explanation : null;
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLSpanElement>(null);
  const anchor = useRef<HTMLElement | null>(null);
  const leaving = useRef<number | undefined>(undefined);
  /** Shows the explanation beside `from` (the button, or the control it describes). */
  const show = useCallback((from: EventTarget | null) => {
    window.clearTimeout(leaving.current);
    void loadExplanations();
    if (from instanceof HTMLElement) anchor.current = from;
    setOpen(true);
  }, []);
  const close = useCallback(() => setOpen(false), []);
  const inside = useCallback(
    (node: Node | null) =>
      !!node &&
      (!!wrap.current?.contains(node) ||
        !!document.getElementById(id)?.contains(node) ||
        node === anchor.current),
    [id],
  );
  useControl(props.control, show, close, inside);
  useEffect(() => () => window.clearTimeout(leaving.current), []);
  return (
    <span
      ref={wrap}
      className="explain"
      onPointerEnter={(event) => event.pointerType === 'mouse' && show(event.currentTarget)}
      onPointerLeave={(event) => {
        // A short grace, so the pointer can cross the gap to the popover and its tour link.
        if (event.pointerType === 'mouse') leaving.current = window.setTimeout(close, 200);
      }}
    >
      <button
        type="button"
        className={props.className ? `explain-trigger ${props.className}` : 'explain-trigger'}
        aria-label={props.label}
        tabIndex={props.tabIndex}
        aria-describedby={loaded ? id : undefined}
        data-explain={props.option ?? props.term}
        data-layer={props.layer}
        onClick={(event) => show(event.currentTarget)}
        onFocus={(event) => show(event.currentTarget)}
        onBlur={(event) => !inside(event.relatedTarget) && close()}
        onKeyDown={(event) => {
          // Down from an open explanation reaches its tour link.
          if (event.key !== 'ArrowDown' || !open) return;
          const link = document.getElementById(id)?.querySelector('a');
          if (!link) return;
          event.preventDefault();
          link.focus();
        }}
      >
        {props.children}
      </button>
      {Loaded && (
        <Loaded
          id={id}
          term={props.term}
          option={props.option}
          live={liveText(props)}
          open={open}
          anchor={anchor}
          inside={inside}
          onClose={close}
          tour={TOUR}
        />
      )}
    </span>
  );
}

/** The described control (a select) shows the explanation while it has the focus. */
function useControl(
  control: string | undefined,
  show: (from: EventTarget | null) => void,
  close: () => void,
  inside: (node: Node | null) => boolean,
) {
  useEffect(() => {
    const element = control ? document.getElementById(control) : null;
    if (!element) return;
    const onFocus = () => show(element);
    const onBlur = (event: FocusEvent) => !inside(event.relatedTarget as Node | null) && close();
    element.addEventListener('focus', onFocus);
    element.addEventListener('blur', onBlur);
    return () => {
      element.removeEventListener('focus', onFocus);
      element.removeEventListener('blur', onBlur);
    };
  }, [control, show, close, inside]);
}

/** The ids that describe a control: its hint's, and its explanation's once loaded. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** A control's label with its "?" beside it; the explanation (`id`) describes the control too. */
export function ExplainedLabel(props: {
  htmlFor: string;
  id: string;
  term: TermKey;
  option?: TermKey;
  children: string;
}) {
  return (
    <span className="explained-label">
      <label htmlFor={props.htmlFor}>{props.children}</label>
      <Explain
        term={props.term}
        option={props.option}
        id={props.id}
        control={props.htmlFor}
        // Not "About Activation": the control alone carries its label's name. Not a Tab stop:
        // the control itself shows the explanation when focused.
        label="Explain"
        tabIndex={-1}
        className="info"
      >
        ?
      </Explain>
    </span>
  );
}
