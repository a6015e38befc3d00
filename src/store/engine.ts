/**
 * The page's one engine bridge, and the actions the panels call: training controls and the
 * jobs that run on the current settings. Starting it is main.tsx's job; components only call
 * these actions.
 */
import { EngineBridge, type SearchJob } from './engine-bridge';
import { requestDataOf, requestsOf, type TrainingRun } from './requests';
import { useResults } from './results';
import { useSettings } from './settings';

export const engine = new EngineBridge(useSettings.getState());

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

/** The current settings' training run, or null on the probe's input. */
function currentTrainingRun(): TrainingRun | null {
  const { current } = requestsOf(useSettings.getState());
  return current.kind === 'train' ? current : null;
}

/** The jobs of the search, babysitting and preprocessing panels, on the current settings. */
export const jobActions = {
  search(job: SearchJob): void {
    const run = currentTrainingRun();
    if (run) engine.search(run, job);
  },
  cancelSearch: () => engine.cancel('search'),
  babysit(): void {
    const run = currentTrainingRun();
    if (run) engine.babysit(run);
  },
  cancelBabysit: () => engine.cancel('babysit'),
  /** The preprocessing pictures of the chosen data set (none for the probe's input). */
  preprocessViews(): void {
    const { data, network } = useSettings.getState();
    const spec = requestDataOf(data);
    if (spec) engine.preprocessViews(spec, network.seed);
  },
};

/** Opening recordings: a file from the picker or a drop, ?recording=URL, or the lab's own run. */
export const recordingActions = {
  open: (file: File) => engine.openRecording(file),
  openUrl: (url: string) => engine.openRecording({ url }),
  openText: (name: string, text: string) => engine.openRecording({ name, text }),
};
