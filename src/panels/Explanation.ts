/**
 * The text of one explained element (Explain.tsx), read from the glossary: what it is, its
 * formula, the live value with its layer, the rule of thumb and a link to the tour step that
 * shows it. Always in the DOM once loaded (hidden while closed), as the button's description;
 * open, it floats beside the button, inside the viewport.
 *
 * A chunk loaded on first use, built with the React the page hands over (createElement, no
 * JSX): importing React or any of the page's modules here would make the bundler regroup the
 * page's shared chunks, which cost the first view 1.5–3 kB (docs/decisions.md).
 */
import type * as ReactApi from 'react';
import type { RefObject } from 'react';
import type { ClaimId } from '../engine/claims/types';
import { type Term, type TermKey, termOf } from '../engine/glossary';
import './explanation.css';

/** How an explanation opens a tour step, and which step number a claim is. */
export interface TourLinks {
  open(claim: ClaimId): void;
  step(claim: ClaimId): number;
}

export interface ExplanationProps {
  id: string;
  term: TermKey;
  option?: TermKey;
  /** The live value, formatted, with its layer; null when the element shows none. */
  live: string | null;
  open: boolean;
  anchor: RefObject<HTMLElement | null>;
  /** Whether a node belongs to the element or its explanation: a press elsewhere closes. */
  inside(node: Node | null): boolean;
  onClose(): void;
  tour: TourLinks;
}

const MARGIN = 8;
const GAP = 6;

/** Fixed coordinates beside the anchor: below it when there is room, else above; on screen. */
function place(box: HTMLElement, at: DOMRect): { left: number; top: number } {
  const { width, height } = box.getBoundingClientRect();
  const left = Math.max(MARGIN, Math.min(at.left, window.innerWidth - width - MARGIN));
  const below = at.bottom + GAP;
  const fitsBelow = below + height <= window.innerHeight - MARGIN;
  return { left, top: fitsBelow || at.top - GAP - height < MARGIN ? below : at.top - GAP - height };
}

/** Listeners while open: Escape or a press outside `wrap` closes; scrolling moves it along. */
function listen(
  props: Pick<ExplanationProps, 'id' | 'anchor' | 'inside' | 'onClose'>,
  update: () => void,
): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Focus on the tour link goes back to what opened it, not to the page's body.
    if (document.getElementById(props.id)?.contains(document.activeElement))
      props.anchor.current?.focus();
    props.onClose();
  };
  const onPointer = (event: PointerEvent) => {
    if (!props.inside(event.target as Node)) props.onClose();
  };
  window.addEventListener('keydown', onKey);
  document.addEventListener('pointerdown', onPointer);
  window.addEventListener('scroll', update, true);
  window.addEventListener('resize', update);
  return () => {
    window.removeEventListener('keydown', onKey);
    document.removeEventListener('pointerdown', onPointer);
    window.removeEventListener('scroll', update, true);
    window.removeEventListener('resize', update);
  };
}

/** The Explanation component, made with the page's React. */
export function makeExplanation(
  react: typeof ReactApi,
  createPortal: (children: ReactApi.ReactNode, container: Element) => ReactApi.ReactNode,
) {
  const { createElement: h, Fragment, useLayoutEffect, useState } = react;

  /** The tour step, opened in place (as a link it also opens in a new tab or copies). */
  function tourLink(
    claim: ClaimId,
    tour: TourLinks,
    inside: (node: Node | null) => boolean,
    onClose: () => void,
  ) {
    return h(
      'a',
      {
        className: 'tour-link',
        href: `?tour=${encodeURIComponent(claim)}`,
        onClick: (event: ReactApi.MouseEvent) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          tour.open(claim);
        },
        onBlur: (event: ReactApi.FocusEvent) => {
          if (!inside(event.relatedTarget)) onClose();
        },
      },
      `See it in the lecture tour (step ${tour.step(claim)})`,
    );
  }

  function termText(term: Term, heading: string, props: ExplanationProps) {
    return h(
      Fragment,
      { key: heading },
      h('span', { className: 'what' }, h('strong', null, heading), ` — ${term.what}`),
      term.formula && h('span', { className: 'formula' }, term.formula),
      term.rule &&
        h('span', { className: 'rule' }, h('strong', null, 'Rule of thumb:'), ` ${term.rule}`),
      term.tour && tourLink(term.tour, props.tour, props.inside, props.onClose),
    );
  }

  return function Explanation(props: ExplanationProps) {
    const [at, setAt] = useState<{ left: number; top: number } | null>(null);
    const { open, id, anchor, inside, onClose } = props;
    useLayoutEffect(() => {
      if (!open) return;
      const update = () => {
        const box = document.getElementById(id);
        const rect = anchor.current?.getBoundingClientRect();
        if (!box || !rect) return;
        const next = place(box, rect);
        setAt((now) => (now?.left === next.left && now.top === next.top ? now : next));
      };
      update();
      return listen({ id, anchor, inside, onClose }, update);
    }, [open, id, anchor, inside, onClose]);
    const term = termOf(props.term);
    const option = props.option ? termOf(props.option) : null;
    const shown = open ? at : null;
    // In the body, not in the element: a table header's or a value's text stays its own.
    const box = h(
      'span',
      {
        id,
        className: 'explanation',
        hidden: !open,
        'data-testid': 'explanation',
        style: shown ? { left: shown.left, top: shown.top } : { visibility: 'hidden' },
      },
      termText(term, term.name, props),
      props.live !== null &&
        h('span', { className: 'live', 'data-testid': 'explanation-live' }, `Now: ${props.live}`),
      option && termText(option, `${option.name} (chosen)`, props),
    );
    return createPortal(box, document.body);
  };
}
