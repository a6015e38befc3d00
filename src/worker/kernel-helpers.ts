/**
 * The page's kernel helper threads: Web Workers running ./kernel-helper.worker.ts, started by the
 * engine worker's kernels when they run on more than one thread (src/engine/kernels/wasm/threads).
 * The helper's first message is its start (the pool's control block), then attach messages.
 */
import { provideHelperSpawner } from '../engine/kernels/wasm';

export function provideWorkerHelperThreads(): void {
  provideHelperSpawner((init) => {
    const worker = new Worker(new URL('./kernel-helper.worker.ts', import.meta.url), {
      type: 'module',
      name: 'kernel helper',
    });
    worker.postMessage(init);
    return { postMessage: (message) => worker.postMessage(message) };
  });
}
