/// <reference lib="webworker" />
/**
 * A kernels helper thread in the page (src/engine/kernels/wasm/threads/helper.ts), started by
 * ./kernel-helpers.ts: its first message starts it, the next ones attach it to kernels instances.
 */
import { instantiateOn, type WasmModule } from '../engine/kernels/wasm/load';
import { startHelper } from '../engine/kernels/wasm/threads/helper';
import type {
  HelperInit,
  HelperMessage,
  ThreadExports,
} from '../engine/kernels/wasm/threads/protocol';

declare const self: DedicatedWorkerGlobalScope;

let handle: ((message: HelperMessage) => void) | null = null;

self.onmessage = (event: MessageEvent<HelperInit | HelperMessage>) => {
  if (handle) {
    handle(event.data as HelperMessage);
    return;
  }
  handle = startHelper(
    event.data as HelperInit,
    (module, memory) => instantiateOn(module as WasmModule, memory) as ThreadExports,
  );
};
