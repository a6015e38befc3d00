/**
 * Node (CLI, bench, tests): helper threads are worker_threads running ./node-helper-entry.ts.
 * Node 20 applies tsx's `--import` hooks to a worker's imports but not to its entry, so the
 * entry is a line of JavaScript that imports the TypeScript through tsx's API. The threads are
 * unref'd: a command exits when its work is done.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { provideHelperSpawner } from './pool';

// require.resolve finds the API's CommonJS file; its ES module sits beside it.
const tsxApiPath = createRequire(import.meta.url)
  .resolve('tsx/esm/api')
  .replace(/\.cjs$/, '.mjs');
const tsxApi = pathToFileURL(tsxApiPath).href;
const entry = new URL('./node-helper-entry.ts', import.meta.url).href;
const bootstrap =
  `import(${JSON.stringify(tsxApi)})` +
  `.then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(tsxApi)}))`;

export function provideNodeHelperThreads(): void {
  provideHelperSpawner((init) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: init });
    worker.unref();
    worker.on('error', (error) => {
      process.stderr.write(`kernel helper thread failed: ${error.message}\n`);
    });
    return { postMessage: (message) => worker.postMessage(message) };
  });
}
