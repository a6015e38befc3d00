/**
 * What the user chose: the network, the batch size and view options. Changes are validated
 * here; a bad one is refused with a message and the last good settings stay in effect.
 */
import { create } from 'zustand';
import { ConfigError, type NetworkConfig, validateNetworkConfig } from '../engine/config';
import { DEFAULT_STATE, type GradAxis, type PageState, parseState } from './url-state';

export interface InputError {
  /** The engine's field name, e.g. 'width'. */
  field: string;
  message: string;
}

export interface SettingsState extends PageState {
  inputError: InputError | null;
  /** Notices about the URL the page was opened with (fields that fell back to defaults). */
  urlNotices: string[];
  /** Applies a change if the result can run; returns whether it did. */
  update: (change: Partial<NetworkConfig>, batch?: number) => boolean;
  setGradAxis: (axis: GradAxis) => void;
  /** Replaces everything (from the URL), e.g. on back/forward. */
  replace: (state: PageState, notices: string[]) => void;
  reportInputError: (error: InputError | null) => void;
  dismissUrlNotices: () => void;
}

const initial =
  typeof location === 'undefined'
    ? { state: DEFAULT_STATE, notices: [] }
    : parseState(location.search);

export const useSettings = create<SettingsState>()((set, get) => ({
  ...initial.state,
  inputError: null,
  urlNotices: initial.notices,
  update(change, batch) {
    const network = { ...get().network, ...change };
    const nextBatch = batch ?? get().batch;
    try {
      validateNetworkConfig(network, nextBatch);
    } catch (error) {
      const field = error instanceof ConfigError ? error.field : 'settings';
      set({
        inputError: { field, message: error instanceof Error ? error.message : String(error) },
      });
      return false;
    }
    set({ network, batch: nextBatch, inputError: null });
    return true;
  },
  setGradAxis: (gradAxis) => set({ gradAxis }),
  replace: (state, notices) => set({ ...state, inputError: null, urlNotices: notices }),
  reportInputError: (inputError) => set({ inputError }),
  dismissUrlNotices: () => set({ urlNotices: [] }),
}));
