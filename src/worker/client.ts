/**
 * The page's side of the worker: starts it, sends requests, and hands the streamed results to
 * the results store at most once per animation frame. If the worker dies it is restarted, the
 * last request runs again, and a notice says so.
 */
import type { NetworkConfig } from '../engine/config';
import { useResults } from '../store/results';
import type { BackendParam } from '../store/url-state';
import type { ProbeRequest, WorkerMessage, WorkerRequest } from './protocol';

export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: WorkerMessage[] = [];
  private frame: number | null = null;
  private lastProbe: ProbeRequest | null = null;
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
    this.send({ type: 'init', backend: this.backend });
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  probe(config: NetworkConfig, batch: number): void {
    const request: ProbeRequest = { type: 'probe', id: this.nextId++, config, batch };
    this.lastProbe = request;
    useResults.getState().begin(request.id, config, batch);
    this.send(request);
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
    if (this.lastProbe) this.probe(this.lastProbe.config, this.lastProbe.batch);
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
