/**
 * The page's side of the engine: it turns runs (src/store/requests.ts) and the panels' jobs into
 * typed requests on the transport (src/worker/client.ts), tells the results store which request
 * it now waits for, and feeds it the streamed messages once per animation frame. After a crash
 * it runs the last requests again, and a notice says so.
 */
import { DIGITS_URL } from '../engine/data/digits';
import type { ClaimVariant } from '../engine/claims/types';
import { EngineClient } from '../worker/client';
import type {
  ProbeSlot,
  SearchRequest,
  TrainControlRequest,
  TrainSetupRequest,
} from '../worker/protocol';
import type { PageState } from './page-state';
import type { EngineRun, RequestData, TrainingRun } from './requests';
import { useResults, verdictKey } from './results';

/** A run the worker was asked for, under its request id. */
interface Sent {
  run: EngineRun;
  id: number;
}

export type SearchJob = Pick<SearchRequest, 'budget' | 'steps' | 'space'>;

export class EngineBridge {
  private readonly client: EngineClient;
  private current: Sent | null = null;
  private pinned: Sent | null = null;
  private restarts = 0;

  constructor({ backend, threads }: Pick<PageState, 'backend' | 'threads'>) {
    this.client = new EngineClient(
      { backend, threads, digitsUrl: new URL(DIGITS_URL, document.baseURI).href },
      {
        onMessages: (batch) => useResults.getState().applyMessages(batch),
        onRestart: () => this.replay(),
      },
    );
  }

  start(): void {
    this.client.start();
  }

  /** Runs the current configuration: its probe, or a new training run shown at step 0. */
  run(run: EngineRun): void {
    const id = this.client.newId();
    const results = useResults.getState();
    if (run.kind === 'probe') {
      if (this.current?.run.kind === 'train') this.client.cancel('training', 'current');
      results.begin(id, run.config, run.batch);
      this.client.send({
        type: 'probe',
        id,
        config: run.config,
        batch: run.batch,
        slot: 'current',
      });
    } else {
      results.begin(id, run.network, run.training.batchSize, 'train');
      this.client.send(trainSetup(run, id, 'current'));
    }
    this.current = { run, id };
  }

  /** A change of learning rate, optimizer, L2 or speed: from the next step on, no rebuild. */
  configure(run: EngineRun): void {
    if (run.kind === 'probe') return this.run(run);
    if (this.current?.run.kind !== 'train') return;
    this.current = { ...this.current, run };
    const { training, speed } = run;
    this.client.send({ type: 'train-config', id: this.current.id, training, speed });
  }

  /** Runs the pinned configuration A beside the current one (null: unpin). */
  runPinned(run: EngineRun | null): void {
    if (run?.kind !== 'train' && this.pinned?.run.kind === 'train') {
      useResults.getState().beginPinnedTraining(null);
      this.client.cancel('training', 'a');
    }
    this.pinned = null;
    if (!run) return useResults.getState().unpin();
    const id = this.client.newId();
    if (run.kind === 'probe') {
      useResults.getState().beginPinned(id, run.config, run.batch);
      this.client.send({ type: 'probe', id, config: run.config, batch: run.batch, slot: 'a' });
    } else {
      useResults.getState().beginPinnedTraining(id);
      this.client.send(trainSetup(run, id, 'a'));
    }
    this.pinned = { run, id };
  }

  trainControl(action: TrainControlRequest['action']): void {
    if (this.current?.run.kind === 'train')
      this.client.send({ type: 'train-control', id: this.current.id, action });
  }

  /** Runs one lecture claim's check; its verdict arrives under verdictKey(claim, variant). */
  checkClaim(claim: string, variant: ClaimVariant = 'claim'): void {
    useResults.getState().claimStarted(verdictKey(claim, variant));
    this.client.send({ type: 'claim-check', id: this.client.newId(), claim, variant });
  }

  /** Random against grid search on a training run's network, data and settings. */
  search(run: TrainingRun, job: SearchJob): void {
    const id = this.client.newId();
    const { network, training, data } = run;
    const shards = this.client.search({ type: 'search', id, network, training, data, ...job });
    useResults.getState().searchStarted(id, shards);
  }

  /** The babysitting checklist on a training run's network, data and settings. */
  babysit(run: TrainingRun): void {
    const id = this.client.newId();
    useResults.getState().babysitStarted(id);
    const { network, training, data } = run;
    this.client.send({ type: 'babysit', id, network, training, data });
  }

  cancel(job: 'search' | 'babysit'): void {
    this.client.cancel(job, 'current');
  }

  /** The preprocessing pictures of a data set (2-D points drawn from `seed`). */
  preprocessViews(data: RequestData, seed: number): void {
    const id = this.client.newId();
    useResults.getState().preprocessStarted(id);
    this.client.send({ type: 'preprocess-views', id, data, seed });
  }

  /**
   * Opens a recording in the worker: a file the user chose or dropped, a URL beside the page, or
   * a recording the page made of its own run (`name` and `text`).
   */
  openRecording(source: File | { url: string } | { name: string; text: string }): void {
    const id = this.client.newId();
    const { recordingOpening } = useResults.getState();
    if (source instanceof File) {
      recordingOpening(id, source.name, null);
      this.client.send({ type: 'recording-open', id, source: { file: source } });
    } else if ('url' in source) {
      const url = new URL(source.url, document.baseURI).href;
      recordingOpening(id, recordingNameOf(url), source.url);
      this.client.send({ type: 'recording-open', id, source: { url } });
    } else {
      recordingOpening(id, source.name, null);
      this.client.send({ type: 'recording-open', id, source: { text: source.text } });
    }
  }

  /** Testing aid: make the worker crash as a bug would. */
  crash(): void {
    this.client.send({ type: 'crash' });
  }

  /** The worker was restarted: say so, and run the current configuration and A again. */
  private replay(): void {
    this.restarts++;
    useResults
      .getState()
      .addNotice(
        `The engine stopped unexpectedly and was restarted (${this.restarts}×); your settings were kept.`,
      );
    const { current, pinned } = this;
    this.current = null;
    this.pinned = null;
    if (pinned?.run.kind === 'probe') this.runPinned(pinned.run);
    if (current) this.run(current.run);
    if (pinned?.run.kind === 'train') this.runPinned(pinned.run);
  }
}

/** "run.alab.json" for ".../recordings/run.alab.json?x=1". */
function recordingNameOf(url: string): string {
  const path = new URL(url).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
}

function trainSetup(run: TrainingRun, id: number, slot: ProbeSlot): TrainSetupRequest {
  const { network, training, data, speed } = run;
  return { type: 'train-setup', id, slot, network, training, data, speed };
}
