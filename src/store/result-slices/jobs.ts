/**
 * The jobs' slices: the hyperparameter search, the babysitting checklist, the claims' verdicts
 * and the preprocessing pictures, each filled by its own messages. Pure: state in, state out.
 */
import type { ClaimVariant } from '../../engine/claims/types';
import type {
  BabysitDoneMessage,
  BabysitStepMessage,
  ClaimResultMessage,
  PreprocessViewsMessage,
  SearchDoneMessage,
  SearchProgressMessage,
} from '../../worker/protocol';

/** The hyperparameter search's trials as they arrive. */
export interface SearchView {
  id: number;
  running: boolean;
  done: number;
  total: number;
  trials: (SearchProgressMessage['outcome'] & Pick<SearchProgressMessage, 'method'>)[];
  error: string | null;
  /** Workers still running their share of the trials. */
  shardsLeft: number;
}

export function reduceSearch(
  search: SearchView | null,
  message: SearchProgressMessage | SearchDoneMessage,
): SearchView | null {
  if (!search || message.id !== search.id) return search;
  if (message.type === 'search-progress') {
    const trial = { ...message.outcome, method: message.method };
    return {
      ...search,
      done: search.done + 1,
      total: message.total,
      trials: [...search.trials, trial],
    };
  }
  const shardsLeft = search.shardsLeft - 1;
  return { ...search, shardsLeft, running: shardsLeft > 0, error: message.error ?? search.error };
}

/** The babysitting checklist's steps as they complete. */
export interface BabysitView {
  id: number;
  running: boolean;
  steps: BabysitStepMessage['step'][];
  error: string | null;
}

export function reduceBabysit(
  babysit: BabysitView | null,
  message: BabysitStepMessage | BabysitDoneMessage,
): BabysitView | null {
  if (!babysit || message.id !== babysit.id) return babysit;
  if (message.type === 'babysit-step')
    return { ...babysit, steps: [...babysit.steps, message.step] };
  return { ...babysit, running: false, error: message.error };
}

/** A lecture claim's verdict as the tour shows it. */
export type ClaimVerdict = Pick<ClaimResultMessage, 'result' | 'error'> & { running: boolean };

/** Where a claim's verdict is kept: its id, or "control:" and its id for its control's. */
export function verdictKey(claim: string, variant: ClaimVariant = 'claim'): string {
  return variant === 'control' ? `control:${claim}` : claim;
}

export function reduceClaims(
  claims: Record<string, ClaimVerdict>,
  message: ClaimResultMessage,
): Record<string, ClaimVerdict> {
  const { result, error } = message;
  return {
    ...claims,
    [verdictKey(message.claim, message.variant)]: { running: false, result, error },
  };
}

/** The preprocessing pictures (requested by the panel that shows them). */
export interface PreprocessView {
  id: number;
  views: PreprocessViewsMessage | null;
}

export function reducePreprocess(
  current: PreprocessView | null,
  message: PreprocessViewsMessage,
): PreprocessView | null {
  return current && message.id === current.id ? { id: message.id, views: message } : current;
}
