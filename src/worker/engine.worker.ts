/// <reference lib="webworker" />
/**
 * The Web Worker that owns the engine. It answers the page's requests (protocol.ts), one handler
 * per request type; every job is cancelled the same way (generation.ts): a newer request of its
 * kind or a `cancel` request makes the running one stale between layers or steps.
 */
import { createKernels, defaultBackend } from '../engine/kernels';
// The page's build always has the wasm binaries: hand them to the loader before any request.
import '../engine/kernels/wasm/built';
import '../engine/kernels/wasm/built-threads';
import { setKernelThreads, singleThreadReason } from '../engine/kernels/wasm';
import { MAX_KERNEL_THREADS } from '../engine/kernels/kernels';
import { provideWorkerHelperThreads } from './kernel-helpers';
import type { Kernels } from '../engine/kernels/kernels';
import { BabysitSession } from './babysit-session';
import { ClaimSession } from './claim-session';
import { preprocessViews } from './preprocess-views';
import { ProbeSession } from './probe-session';
import { RecordingSession } from './recording-session';
import { SearchSession } from './search-session';
import { TrainingSession } from './training-session';
import type { CancelRequest, WorkerMessage, WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: WorkerMessage) => self.postMessage(message);

/** A macrotask boundary without setTimeout's clamping: lets queued requests arrive. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

/** What init sets up: the engine's kernels and where the digits file is. */
interface Engine {
  kernels: Kernels;
  digitsUrl: string;
  /** Fresh kernels of the same backend, for a session that lays out a heap of its own. */
  more: () => Kernels;
}

let engine: Engine | null = null;
let probe: ProbeSession | null = null;
/** The pinned configuration 'A' runs on kernels of its own, beside the current one. */
let pinnedProbe: ProbeSession | null = null;
let training: TrainingSession | null = null;
/** The pinned configuration's run, on kernels of its own, stepped with the current one. */
let pinnedTraining: TrainingSession | null = null;
let claims: ClaimSession | null = null;
let search: SearchSession | null = null;
let babysitting: BabysitSession | null = null;

const postFrame = (message: WorkerMessage, transfer?: ArrayBuffer[]) =>
  self.postMessage(message, transfer ?? []);
const recordings = new RecordingSession(postFrame);

function ready(what: string): Engine {
  if (!engine) throw new Error(`${what} before init`);
  return engine;
}

type Handlers = {
  [Type in WorkerRequest['type']]: (request: Extract<WorkerRequest, { type: Type }>) => void;
};

/** One handler per request type. */
const handlers: Handlers = {
  init(request) {
    const backend = request.backend === 'auto' ? defaultBackend() : request.backend;
    // The page's threads: its link's, else the machine's cores (where it is cross-origin isolated).
    const threads = Math.min(
      MAX_KERNEL_THREADS,
      request.threads ?? navigator.hardwareConcurrency ?? 1,
    );
    provideWorkerHelperThreads();
    setKernelThreads(Math.max(1, threads));
    let kernels: Kernels;
    try {
      kernels = createKernels(backend);
    } catch {
      kernels = createKernels('ts');
    }
    const name = kernels.name;
    engine = { kernels, digitsUrl: request.digitsUrl, more: () => createKernels(name) };
    probe = new ProbeSession(kernels, post);
    // Training gets kernels of its own: each network lays out its backend's heap from the start.
    training = new TrainingSession(engine.more, postFrame, yieldToMessages);
    post({
      type: 'hello',
      backend: kernels.name,
      variant: kernels.variant,
      threads: kernels.threads,
      singleThreadReason: kernels.name === 'wasm' ? singleThreadReason(threads) : null,
    });
  },
  probe(request) {
    const { more } = ready('probe');
    if (request.slot === 'a') pinnedProbe ??= new ProbeSession(more(), post, 'a');
    const target = request.slot === 'a' ? pinnedProbe : probe;
    void target!.run(request, yieldToMessages);
  },
  'preprocess-views'(request) {
    preprocessViews(request, ready('preprocessing').digitsUrl)
      .then(post)
      .catch((error: unknown) =>
        post({ type: 'error', id: request.id, field: 'preprocess', message: String(error) }),
      );
  },
  babysit(request) {
    const { more, digitsUrl } = ready('babysitting');
    babysitting ??= new BabysitSession(more, post, yieldToMessages);
    void babysitting.run(request, digitsUrl);
  },
  search(request) {
    const { more, digitsUrl } = ready('search');
    search ??= new SearchSession(more, post, yieldToMessages);
    void search.run(request, digitsUrl);
  },
  cancel(request) {
    const jobs: Record<CancelRequest['job'], ({ cancel(): void } | null)[]> = {
      probe: [request.slot === 'a' ? pinnedProbe : probe],
      training: request.slot === 'a' ? [pinnedTraining] : [training, pinnedTraining],
      search: [search],
      babysit: [babysitting],
      recording: [recordings],
    };
    for (const job of jobs[request.job]) job?.cancel();
  },
  'claim-check'(request) {
    const { more, digitsUrl } = ready('claim check');
    claims ??= new ClaimSession(more, post);
    void claims.check(request, digitsUrl);
  },
  'train-setup'(request) {
    const { more, digitsUrl } = ready('training');
    if (request.slot === 'a') {
      pinnedTraining ??= new TrainingSession(more, postFrame, yieldToMessages, 'a');
      void pinnedTraining.setup(request, digitsUrl);
    } else void training?.setup(request, digitsUrl);
  },
  'train-config': (request) => training?.configure(request.id, request.training, request.speed),
  'train-control'(request) {
    training?.control(request.id, request.action);
    pinnedTraining?.controlCurrent(request.action);
  },
  'recording-open': (request) => void recordings.open(request),
  crash() {
    // Fails as a real bug would: an uncaught error reaches the page's onerror.
    setTimeout(() => {
      throw new Error('worker crash requested');
    });
  },
};

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  (handlers[request.type] as (request: WorkerRequest) => void)(request);
};
