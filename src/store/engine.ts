/**
 * The page's one engine client, and the training actions the controls call. Starting it is
 * main.tsx's job; components only call these actions.
 */
import { EngineClient } from '../worker/client';
import { useResults } from './results';
import { useSettings } from './settings';

export const engine = new EngineClient(useSettings.getState().backend);

/** Train says "training" on the click: building a large run in the worker can take a second. */
export const trainingActions = {
  train: () => {
    useResults.getState().trainRequested();
    engine.trainControl('play');
  },
  pause: () => settle('pause'),
  step: () => settle('step'),
  reset: () => settle('reset'),
};

function settle(action: 'pause' | 'step' | 'reset'): void {
  useResults.getState().trainSettled();
  engine.trainControl(action);
}
