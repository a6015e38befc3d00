/// <reference lib="webworker" />
/**
 * The Web Worker that owns the engine. It answers the page's requests (protocol.ts); a newer
 * probe request supersedes older work between layers.
 */
import { createKernels, defaultBackend } from '../engine/kernels';
// The page's build always has the wasm binaries: hand them to the loader before any request.
import '../engine/kernels/wasm/built';
import type { Kernels } from '../engine/kernels/kernels';
import { BabysitSession } from './babysit-session';
import { ClaimSession } from './claim-session';
import { preprocessViews } from './preprocess-views';
import { ProbeSession } from './probe-session';
import { SearchSession } from './search-session';
import { TrainingSession } from './training-session';
import type { WorkerMessage, WorkerRequest } from './protocol';

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

let kernels: Kernels | null = null;
let session: ProbeSession | null = null;
/** The pinned configuration 'A' runs on kernels of its own, beside the current one. */
let pinnedSession: ProbeSession | null = null;
let training: TrainingSession | null = null;
/** The pinned configuration's run, on kernels of its own, stepped with the current one. */
let pinnedTraining: TrainingSession | null = null;
let claims: ClaimSession | null = null;
let search: SearchSession | null = null;
let babysitting: BabysitSession | null = null;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'init': {
      const backend = request.backend === 'auto' ? defaultBackend() : request.backend;
      try {
        kernels = createKernels(backend);
      } catch {
        kernels = createKernels('ts');
      }
      session = new ProbeSession(kernels, post);
      // Training gets kernels of its own: each network lays out its backend's heap from the start.
      const trainingBackend = kernels.name;
      training = new TrainingSession(
        () => createKernels(trainingBackend),
        (message, transfer) => self.postMessage(message, transfer ?? []),
        yieldToMessages,
      );
      post({ type: 'hello', backend: kernels.name, variant: kernels.variant });
      return;
    }
    case 'probe': {
      if (!session || !kernels) throw new Error('probe before init');
      const backend = kernels.name;
      if (request.slot === 'a')
        pinnedSession ??= new ProbeSession(createKernels(backend), post, 'a');
      const target = request.slot === 'a' ? pinnedSession! : session;
      target.supersede(request.id);
      void target.run(request, yieldToMessages);
      return;
    }
    case 'preprocess-views':
      preprocessViews(request)
        .then(post)
        .catch((error: unknown) =>
          post({ type: 'error', id: request.id, field: 'preprocess', message: String(error) }),
        );
      return;
    case 'babysit': {
      if (!kernels) throw new Error('babysitting before init');
      const backend = kernels.name;
      babysitting ??= new BabysitSession(() => createKernels(backend), post, yieldToMessages);
      void babysitting.run(request);
      return;
    }
    case 'babysit-cancel':
      babysitting?.cancel();
      return;
    case 'search': {
      if (!kernels) throw new Error('search before init');
      const backend = kernels.name;
      search ??= new SearchSession(() => createKernels(backend), post, yieldToMessages);
      void search.run(request);
      return;
    }
    case 'search-cancel':
      search?.cancel();
      return;
    case 'claim-check': {
      if (!kernels) throw new Error('claim check before init');
      const backend = kernels.name;
      claims ??= new ClaimSession(() => createKernels(backend), post);
      void claims.check(request);
      return;
    }
    case 'train-setup':
      if (request.slot === 'a') {
        const backend = kernels!.name;
        pinnedTraining ??= new TrainingSession(
          () => createKernels(backend),
          (message, transfer) => self.postMessage(message, transfer ?? []),
          yieldToMessages,
          'a',
        );
        void pinnedTraining.setup(request);
      } else void training?.setup(request);
      return;
    case 'train-config':
      training?.configure(request.id, request.training, request.speed);
      return;
    case 'train-control':
      training?.control(request.id, request.action);
      pinnedTraining?.controlCurrent(request.action);
      return;
    case 'train-stop':
      if (request.slot !== 'a') training?.stop();
      pinnedTraining?.stop();
      return;
    case 'crash':
      // Fails as a real bug would: an uncaught error reaches the page's onerror.
      setTimeout(() => {
        throw new Error('worker crash requested');
      });
      return;
  }
};
