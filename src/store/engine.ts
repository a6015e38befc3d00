/**
 * The page's one engine client, and the training actions the controls call. Starting it is
 * main.tsx's job; components only call these actions.
 */
import { EngineClient } from '../worker/client';
import { useSettings } from './settings';

export const engine = new EngineClient(useSettings.getState().backend);

export const trainingActions = {
  train: () => engine.trainControl('play'),
  pause: () => engine.trainControl('pause'),
  step: () => engine.trainControl('step'),
  reset: () => engine.trainControl('reset'),
};
