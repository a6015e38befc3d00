/**
 * Lets TensorFlow.js' threaded SIMD wasm build (tfjs-backend-wasm 4.22) run under Node, where the
 * backend does not support it out of the box. Three things stand in the way, found by trying:
 *
 * 1. The flag WASM_HAS_MULTITHREAD_SUPPORT is hard-wired to false under Node (tfjs issue 3830);
 *    the caller overrides it with `tf.env().set(...)` before `setBackend('wasm')`.
 * 2. The backend hands Emscripten its pthread worker script as a `blob:` URL, which Node's
 *    `worker_threads.Worker` refuses (ERR_WORKER_PATH), and the worker then `importScripts` the
 *    Emscripten module from another Blob, which the worker's Node shim reads with `fs`. We write
 *    the worker script to a temporary file and point its import at the package's own copy of the
 *    Emscripten module (wasm-out/tfjs-backend-wasm-threaded-simd.js).
 * 3. The C side caps the thread pool at `emscripten_num_logical_cores() / 2` (it assumes two
 *    hyper-threads per core), i.e. `os.cpus().length / 2` under Node: one thread on a 2-core
 *    machine whatever `setThreadsCount` asked. We report enough cores for the count asked.
 *
 * The shims are installed just before the backend initialises and removed right after; the
 * kernels that then run are TF.js' own, unchanged.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** What the worker script (tfjs-backend-wasm 4.22) does with the Emscripten module's Blob. */
const BLOB_IMPORT = 'importScripts(objectUrl)';

/** The pthread worker script with its import of the Emscripten module read from `moduleFile`. */
export function workerScriptForNode(source: string, moduleFile: string): string {
  if (!source.includes(BLOB_IMPORT)) {
    // A new tfjs-backend-wasm changed its worker script: fail loudly rather than run one thread.
    throw new Error(`tfjs-backend-wasm's worker script no longer contains '${BLOB_IMPORT}'`);
  }
  return source.replace(BLOB_IMPORT, `importScripts(${JSON.stringify(moduleFile)})`);
}

/** Logical cores to report so that TF.js' cap (cores / 2) lets `threads` threads through. */
export function coresToReport(threads: number, actualCores: number): number {
  return Math.max(actualCores, 2 * threads);
}

/** The package's Emscripten module for the threaded SIMD build (not its bundled copy, whose text
 * refers to the bundle's own variables and cannot be loaded alone in a worker). */
function threadedModuleFile(): string {
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  return path.join(path.dirname(entry), '..', 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js');
}

/** Blobs built from strings remember their text, so createObjectURL can write it to a file. */
function shimBlobUrls(dir: string): () => void {
  const moduleFile = threadedModuleFile();
  const texts = new WeakMap<Blob, string>();
  const OriginalBlob = globalThis.Blob;
  const originalCreate = URL.createObjectURL.bind(URL);
  globalThis.Blob = class extends OriginalBlob {
    constructor(...[parts, options]: ConstructorParameters<typeof Blob>) {
      super(parts, options);
      if (parts?.every((part) => typeof part === 'string')) texts.set(this, parts.join(''));
    }
  };
  URL.createObjectURL = (blob: Blob): string => {
    const text = texts.get(blob);
    // Only the worker script is turned into a URL; anything else keeps Node's behaviour.
    if (text === undefined || !text.includes('worker_threads')) return originalCreate(blob);
    const file = path.join(dir, 'tfjs-wasm-worker.cjs');
    fs.writeFileSync(file, workerScriptForNode(text, moduleFile));
    return file;
  };
  return () => {
    globalThis.Blob = OriginalBlob;
    URL.createObjectURL = originalCreate;
  };
}

function shimCoreCount(threads: number): () => void {
  const originalCpus = os.cpus.bind(os);
  os.cpus = () => {
    const cpus = originalCpus();
    const wanted = coresToReport(threads, cpus.length);
    return Array.from({ length: wanted }, (_, i) => cpus[i % cpus.length]);
  };
  return () => {
    os.cpus = originalCpus;
  };
}

/**
 * Installs the Node shims for a backend initialised with `threads` threads; returns the function
 * that removes them (call it once `setBackend('wasm')` resolved). The worker file lives in a
 * temporary folder removed when the process exits.
 */
export function installWasmThreadShims(threads: number): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfjs-wasm-threads-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const restoreBlobs = shimBlobUrls(dir);
  const restoreCores = shimCoreCount(threads);
  return () => {
    restoreBlobs();
    restoreCores();
  };
}
