/**
 * The page's transport to the engine's workers: it starts them, posts typed requests, and hands
 * the streamed messages to `onMessages` once per animation frame, in arrival order. If the
 * engine's worker dies it is started again and `onRestart` says so; what to run again is the
 * caller's choice (src/store/engine-bridge.ts). It knows nothing of the page's state.
 */
import type {
  BackendChoice,
  CancelRequest,
  InitRequest,
  JobName,
  ProbeSlot,
  SearchRequest,
  WorkerMessage,
  WorkerRequest,
} from './protocol';

export interface EngineEvents {
  /** The messages that arrived since the last animation frame (never empty). */
  onMessages: (batch: WorkerMessage[]) => void;
  /** The engine's worker died and runs again, initialized; the requests it had are lost. */
  onRestart: () => void;
}

export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: WorkerMessage[] = [];
  private frame: number | null = null;
  /** Workers that run hyperparameter-search trials beside the engine's own. */
  private searchWorkers: Worker[] = [];

  constructor(
    private readonly init: Omit<InitRequest, 'type' | 'backend'> & {
      backend: BackendChoice | 'auto';
    },
    private readonly events: EngineEvents,
  ) {}

  /** A fresh request id: every request's results carry it, so older results can be told apart. */
  newId(): number {
    return this.nextId++;
  }

  start(): void {
    const worker = this.spawn();
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop();
      this.start();
      this.events.onRestart();
    };
    this.worker = worker;
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  send(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }

  /**
   * Splits a search's trials over workers of their own: one per core the page can spare (at
   * least one, at most four). Returns how many workers run a share.
   */
  search(request: Omit<SearchRequest, 'shard'>): number {
    const count = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
    // One thread each: the search spreads over the cores by its workers already.
    while (this.searchWorkers.length < count) this.searchWorkers.push(this.spawn(1));
    this.searchWorkers
      .slice(0, count)
      .forEach((worker, index) =>
        worker.postMessage({ ...request, shard: { index, count } } satisfies WorkerRequest),
      );
    return count;
  }

  /** Cancels a job wherever it runs (the search's trials run in workers of their own). */
  cancel(job: JobName, slot: ProbeSlot): void {
    const request: CancelRequest = { type: 'cancel', job, slot };
    if (job === 'search') for (const worker of this.searchWorkers) worker.postMessage(request);
    else this.send(request);
  }

  /** An engine worker; `threads` given for the search's (whose hello the status line skips). */
  private spawn(threads?: number): Worker {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (threads === undefined || event.data.type !== 'hello') this.receive(event.data);
    };
    const init = { ...this.init, threads: threads ?? this.init.threads };
    worker.postMessage({ type: 'init', ...init } satisfies WorkerRequest);
    return worker;
  }

  private receive(message: WorkerMessage): void {
    this.pending.push(message);
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      const batch = this.pending;
      this.pending = [];
      this.events.onMessages(batch);
    });
  }
}
