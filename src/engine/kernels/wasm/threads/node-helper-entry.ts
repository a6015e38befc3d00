/** A kernels helper thread under Node (see ./helper.ts), started by ./node-helpers.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { instantiateOn, type WasmModule } from '../load';
import { startHelper } from './helper';
import type { HelperInit, HelperMessage, ThreadExports } from './protocol';

const handle = startHelper(
  workerData as HelperInit,
  (module, memory) => instantiateOn(module as WasmModule, memory) as ThreadExports,
);
parentPort?.on('message', (message: HelperMessage) => handle(message));
