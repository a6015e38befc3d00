/**
 * Vitest setup (vitest.config.ts): the wasm backend, where it is built, for every test file.
 * ACTIVATION_LAB_THREADS=N runs its kernels on N threads, every call cut into parts however
 * small, so the engine's suite checks every cut (the "engine on threads" project).
 */
import { createWasmKernels, loadBuiltWasm, setKernelThreads, threadsStarted } from '.';
import { provideNodeHelperThreads } from './threads/node-helpers';
import { setMinimumPartWork } from './threads/threaded-kernels';

await loadBuiltWasm();
provideNodeHelperThreads();
const threads = Number(process.env.ACTIVATION_LAB_THREADS ?? 1);
if (threads > 1) {
  setKernelThreads(threads);
  setMinimumPartWork(1);
  // Start the helper threads before any test: a thread starting inside an allocation test's
  // measured window would count its own allocations (src/engine/heap-testing.ts).
  await threadsStarted(createWasmKernels());
}
