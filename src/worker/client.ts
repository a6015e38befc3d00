/**
 * The page's side of the worker: starts it, sends requests, and hands the streamed results to
 * the results store at most once per animation frame. If the worker dies it is restarted, the
 * last request runs again, and a notice says so.
 */
import type { NetworkConfig, TrainingConfig } from '../engine/config';
import { DIGITS_URL } from '../engine/data/digits';
import type { ClaimVariant } from '../engine/claims/types';
import { useResults, verdictKey } from '../store/results';
import type { BackendParam } from '../store/url-state';
import type {
  DataSpec,
  BabysitRequest,
  InitRequest,
  ProbeRequest,
  SearchRequest,
  TrainControlRequest,
  TrainSetupRequest,
  WorkerMessage,
  WorkerRequest,
} from './protocol';

export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: WorkerMessage[] = [];
  private frame: number | null = null;
  private lastProbe: ProbeRequest | null = null;
  private lastTrain: TrainSetupRequest | null = null;
  private lastPinned: ProbeRequest | null = null;
  private lastTrainPinned: TrainSetupRequest | null = null;
  /** Workers that run hyperparameter-search trials beside the engine's own. */
  private searchWorkers: Worker[] = [];
  private restarts = 0;

  constructor(private readonly backend: BackendParam) {}

  start(): void {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.restart();
    };
    this.worker = worker;
    this.send(this.initRequest());
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  probe(config: NetworkConfig, batch: number): void {
    if (this.lastTrain) this.send({ type: 'train-stop', slot: 'current' });
    this.lastTrain = null;
    const request: ProbeRequest = {
      type: 'probe',
      id: this.nextId++,
      config,
      batch,
      slot: 'current',
    };
    this.lastProbe = request;
    useResults.getState().begin(request.id, config, batch);
    this.send(request);
  }

  /** Runs the pinned configuration A beside the current one (null: unpin). */
  probePinned(config: NetworkConfig | null, batch: number): void {
    if (!config) {
      this.lastPinned = null;
      useResults.getState().unpin();
      return;
    }
    const request: ProbeRequest = { type: 'probe', id: this.nextId++, config, batch, slot: 'a' };
    this.lastPinned = request;
    useResults.getState().beginPinned(request.id, config, batch);
    this.send(request);
  }

  /** Builds a training run (network, data, training settings) and shows it at step 0. */
  trainSetup(
    network: NetworkConfig,
    training: TrainingConfig,
    data: DataSpec,
    speed: number,
  ): void {
    const request = this.trainRequest('current', network, training, data, speed);
    this.lastTrain = request;
    this.lastProbe = null;
    useResults.getState().begin(request.id, network, training.batchSize, 'train');
    this.send(request);
  }

  /** Trains the pinned configuration A beside the current run, on the same data and batches. */
  trainSetupPinned(
    network: NetworkConfig,
    training: TrainingConfig,
    data: DataSpec,
    speed: number,
  ): void {
    const request = this.trainRequest('a', network, training, data, speed);
    this.lastTrainPinned = request;
    useResults.getState().beginPinnedTraining(request.id);
    this.send(request);
  }

  private trainRequest(
    slot: TrainSetupRequest['slot'],
    network: NetworkConfig,
    training: TrainingConfig,
    data: DataSpec,
    speed: number,
  ): TrainSetupRequest {
    return {
      type: 'train-setup',
      id: this.nextId++,
      slot,
      network,
      training,
      data,
      speed,
    };
  }

  /** Stops training A (unpinned, or back to the probe). */
  trainStopPinned(): void {
    if (!this.lastTrainPinned) return;
    this.lastTrainPinned = null;
    useResults.getState().beginPinnedTraining(null);
    this.send({ type: 'train-stop', slot: 'a' });
  }

  trainConfig(training: TrainingConfig, speed: number): void {
    if (!this.lastTrain) return;
    this.lastTrain = { ...this.lastTrain, training, speed };
    this.send({ type: 'train-config', id: this.lastTrain.id, training, speed });
  }

  trainControl(action: TrainControlRequest['action']): void {
    if (this.lastTrain) this.send({ type: 'train-control', id: this.lastTrain.id, action });
  }

  /**
   * Runs one lecture claim's check (or its control's) in the worker; the verdict arrives in the
   * results store under verdictKey(claim, variant).
   */
  checkClaim(claim: string, variant: ClaimVariant = 'claim'): void {
    useResults.getState().claimStarted(verdictKey(claim, variant));
    this.send({
      type: 'claim-check',
      id: this.nextId++,
      claim,
      variant,
    });
  }

  /**
   * Starts a random-against-grid search on the current network and data set, its trials split
   * over workers of their own: one per core the page can spare (at least one, at most four).
   */
  search(request: Omit<SearchRequest, 'type' | 'id' | 'shard'>): void {
    const id = this.nextId++;
    const count = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
    while (this.searchWorkers.length < count) this.searchWorkers.push(this.spawnSearchWorker());
    useResults.getState().searchStarted(id, count);
    this.searchWorkers.slice(0, count).forEach((worker, index) =>
      worker.postMessage({
        ...request,
        type: 'search',
        id,
        shard: { index, count },
      } satisfies WorkerRequest),
    );
  }

  private spawnSearchWorker(): Worker {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    worker.postMessage(this.initRequest() satisfies WorkerRequest);
    return worker;
  }

  /** Runs the babysitting checklist on the current network and data set. */
  babysit(request: Omit<BabysitRequest, 'type' | 'id'>): void {
    const id = this.nextId++;
    useResults.getState().babysitStarted(id);
    this.send({ ...request, type: 'babysit', id });
  }

  cancelBabysit(): void {
    this.send({ type: 'babysit-cancel' });
  }

  /** Asks for the preprocessing pictures of the current data set. */
  preprocessViews(data: DataSpec, seed: number): void {
    const id = this.nextId++;
    useResults.setState({ preprocessViews: { id, views: null } });
    this.send({
      type: 'preprocess-views',
      id,
      data,
      seed,
    });
  }

  cancelSearch(): void {
    for (const worker of this.searchWorkers)
      worker.postMessage({ type: 'search-cancel' } satisfies WorkerRequest);
  }

  /** Testing aid: make the worker crash as a bug would. */
  crash(): void {
    this.send({ type: 'crash' });
  }

  private restart(): void {
    this.stop();
    this.restarts++;
    useResults
      .getState()
      .addNotice(
        `The engine stopped unexpectedly and was restarted (${this.restarts}×); your settings were kept.`,
      );
    this.start();
    if (this.lastPinned) this.probePinned(this.lastPinned.config, this.lastPinned.batch);
    if (this.lastProbe) this.probe(this.lastProbe.config, this.lastProbe.batch);
    else if (this.lastTrain) {
      const { network, training, data, speed } = this.lastTrain;
      this.trainSetup(network, training, data, speed);
    }
    if (this.lastTrainPinned) {
      const { network, training, data, speed } = this.lastTrainPinned;
      this.trainSetupPinned(network, training, data, speed);
    }
  }

  /** The digits file's URL resolved against the page (the worker's own URL is elsewhere). */
  private initRequest(): InitRequest {
    return {
      type: 'init',
      backend: this.backend,
      digitsUrl: new URL(DIGITS_URL, document.baseURI).href,
    };
  }

  private send(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }

  private receive(message: WorkerMessage): void {
    this.pending.push(message);
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      const messages = this.pending;
      this.pending = [];
      useResults.getState().applyMessages(messages);
    });
  }
}
