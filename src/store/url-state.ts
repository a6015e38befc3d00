/**
 * The page's state read from the query string and written back, both by walking the one field
 * table of url-fields.ts. Every field has a default (the lecture's experiment, page-state.ts); a
 * missing value takes it silently, an invalid one takes it with a notice naming the field, and a
 * combination that cannot run is refused up front, so no link, however long, nested or garbled,
 * breaks the page.
 */
import { ConfigError, type NetworkConfig } from '../engine/config';
import { excerpt } from '../engine/number-grammar';
import { type DataSettings, DEFAULT_DATA, DEFAULT_STATE, type PageState } from './page-state';
import { checkRunnable } from './runnable';
import type { FieldWriting } from './url-codecs';
import { URL_FIELDS } from './url-fields';

export * from './page-state';
export { URL_FIELDS, URL_PARAMS, type UrlParam } from './url-fields';

export interface ParsedState {
  state: PageState;
  /** One sentence per field that fell back to its default. */
  notices: string[];
}

/** Starts the notice of the last-resort fallback (a test asserts it never happens). */
export const UNREADABLE_LINK = 'The link could not be read';

/**
 * Never throws: a link is read field by field (see the header), and should reading still fail,
 * the page opens on the default experiment with a notice rather than blank.
 */
export function parseState(search: string): ParsedState {
  try {
    return readLink(search, false);
  } catch (error) {
    return {
      state: DEFAULT_STATE,
      notices: [
        `${UNREADABLE_LINK} (${excerpt(String(error), 80)}); showing the default experiment.`,
      ],
    };
  }
}

export function serializeState(state: PageState): string {
  return `?${writeLink(state)}`;
}

/** `nested`: this is the pinned A's link, which may not hold another A. */
function readLink(search: string, nested: boolean): ParsedState {
  const params = new URLSearchParams(search);
  const state = copyOfState(DEFAULT_STATE);
  const walk = {
    notices: [] as string[],
    readInner: nested ? null : (query: string) => readLink(query, true),
  };
  for (const field of URL_FIELDS) {
    const text = params.get(field.param);
    if (text !== null) field.read(text, state, walk);
  }
  refuseWhatCannotRun(state, walk.notices);
  return { state, notices: walk.notices };
}

/** The fields written where they apply, or where `include` says (the pinned A, url-codecs.ts). */
function writeLink(
  state: PageState,
  include = (_path: string, applies: boolean) => applies,
): string {
  const params = new URLSearchParams();
  for (const field of URL_FIELDS)
    if (include(field.path, field.applies(state)))
      params.set(field.param, field.write(state, WRITING));
  return params.toString();
}

const WRITING: FieldWriting = { writeLink };

/** A copy the walk may write into, field by field. */
function copyOfState(state: PageState): PageState {
  const { network, data, training, open } = state;
  return {
    ...state,
    network: { ...network },
    data: { ...data },
    training: { ...training },
    open: [...open],
  };
}

/** Each field may be fine alone and the whole still unable to run (too big, or for the data). */
function refuseWhatCannotRun(state: PageState, notices: string[]): void {
  try {
    checkRunnable(state.network, state.batch, state.data);
  } catch (error) {
    const reason = error instanceof ConfigError ? error.message : String(error);
    notices.push(`The link's network cannot run (${reason}); showing the default experiment.`);
    state.network = DEFAULT_STATE.network;
    state.batch = DEFAULT_STATE.batch;
    if (!runs(state.network, state.batch, state.data)) state.data = DEFAULT_DATA;
  }
  // A trains on the current data set: it must fit that as B does.
  if (state.pinned && !runs(state.pinned.network, state.pinned.batch, state.data)) {
    notices.push('Pinned A cannot run on this data set (too big); A was not pinned.');
    state.pinned = null;
  }
}

function runs(network: NetworkConfig, batch: number, data: DataSettings): boolean {
  try {
    checkRunnable(network, batch, data);
    return true;
  } catch {
    return false;
  }
}
