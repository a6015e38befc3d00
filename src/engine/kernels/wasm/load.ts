/**
 * Feature detection and synchronous loading of the kernels' WebAssembly module. The binaries are
 * compiled by scripts/build-wasm.mjs into build/modules.ts as base64 strings: importing them
 * needs no fetch and no bundler plugin, so the same code loads in Node (tsx, vitest) and in a
 * bundled module Web Worker, synchronously (`new WebAssembly.Module` is allowed in both).
 *
 * The generated module may be missing (a fresh clone before `npm run build:assets`): it reaches
 * this loader only through ./built.ts, so without it only the wasm backend is unavailable, and
 * says why, while the TypeScript backend loads as always. No top-level await here: a module
 * worker drops the messages that arrive while its module is still evaluating.
 */
export interface WasmBinaries {
  SIMD_WASM: string;
  RELAXED_SIMD_WASM: string;
}
let binaries: WasmBinaries | null = null;

/** Hands the built binaries (base64) to the loader; ./built.ts calls it when imported. */
export function provideWasmBinaries(built: WasmBinaries): void {
  binaries = built;
}

/** The threaded builds (shared imported memory), and the page counts that memory is made with. */
export interface ThreadedWasmBinaries {
  SIMD_THREADS_WASM: string;
  RELAXED_SIMD_THREADS_WASM: string;
  SHARED_MEMORY: { initial: number; maximum: number };
}
let threadedBinaries: ThreadedWasmBinaries | null = null;

/** ./built-threads.ts calls it when imported (the page's worker imports it only to use threads). */
export function provideThreadedWasmBinaries(built: ThreadedWasmBinaries): void {
  threadedBinaries = built;
}

/** Whether the threaded builds are loaded. */
export function threadedBuildLoaded(): boolean {
  return threadedBinaries !== null;
}

/** Why the wasm backend cannot be created here, or null when it can. */
export function wasmUnavailableReason(): string | null {
  if (!binaries) {
    return 'the WebAssembly kernels are not built (run `npm run build:assets`)';
  }
  if (!variantSupported('simd')) return 'this runtime does not support WebAssembly SIMD';
  return null;
}

export type WasmVariant = 'simd' | 'relaxed-simd';

/**
 * The part of the WebAssembly JS API used here, typed locally: the engine is also checked
 * against lib ES2022 alone (Node), where no WebAssembly declarations exist.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
export interface WasmModule {
  readonly __brand?: 'WebAssembly.Module';
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { readonly exports: unknown };
  Memory: new (limits: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}
const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** What the module exports; pointers are byte offsets into `memory`, booleans are 0 or 1. */
export interface WasmExports {
  readonly memory: WasmMemory;
  resultsOffset(): number;
  /** Where the float64 arguments block starts (see optimizerStep). */
  argumentsOffset(): number;
  callerOffset(): number;
  fastMath(fn: number, x: number, y: number, n: number): void;
  gemm(a: number, b: number, c: number, m: number, k: number, n: number, acc: number): void;
  gemmTN(a: number, b: number, c: number, m: number, k: number, n: number, acc: number): void;
  gemmNT(a: number, b: number, c: number, m: number, k: number, n: number, acc: number): void;
  addRowVector(x: number, v: number, rows: number, cols: number): void;
  columnSums(x: number, out: number, rows: number, cols: number, acc: number): void;
  axpy(alpha: number, x: number, y: number, n: number): void;
  scale(x: number, alpha: number, n: number): void;
  multiply(x: number, y: number, out: number, n: number): void;
  addScaled(x: number, alpha: number, y: number, out: number, n: number): void;
  activationForward(act: number, z: number, h: number, n: number): void;
  activationBackward(act: number, z: number, h: number, dh: number, dz: number, n: number): void;
  maxoutForward(z: number, h: number, rows: number, units: number): void;
  maxoutBackward(z: number, dh: number, dz: number, rows: number, units: number): void;
  batchnormForwardTrain(
    z: number,
    xhat: number,
    out: number,
    mean: number,
    invStd: number,
    gamma: number,
    beta: number,
    runningMean: number,
    runningVar: number,
    rows: number,
    cols: number,
    eps: number,
    momentum: number,
  ): void;
  batchnormForwardEval(
    z: number,
    out: number,
    gamma: number,
    beta: number,
    runningMean: number,
    runningVar: number,
    rows: number,
    cols: number,
    eps: number,
  ): void;
  batchnormBackward(
    dout: number,
    xhat: number,
    invStd: number,
    gamma: number,
    dz: number,
    dgamma: number,
    dbeta: number,
    rows: number,
    cols: number,
  ): void;
  layernormForward(
    x: number,
    xhat: number,
    out: number,
    invStd: number,
    gamma: number,
    beta: number,
    rows: number,
    cols: number,
    eps: number,
  ): void;
  layernormBackward(
    dout: number,
    xhat: number,
    invStd: number,
    gamma: number,
    dx: number,
    dgamma: number,
    dbeta: number,
    rows: number,
    cols: number,
  ): void;
  softmaxCrossEntropy(
    logits: number,
    labels: number,
    probs: number,
    dlogits: number,
    rows: number,
    classes: number,
  ): number;
  sumSquares(x: number, n: number): number;
  dot(x: number, y: number, n: number): number;
  moments(x: number, n: number): void;
  countOutside(x: number, n: number, low: number, high: number): number;
  deadColumns(z: number, rows: number, cols: number): number;
  columnPositiveFraction(x: number, out: number, rows: number, cols: number): void;
  histogram(x: number, n: number, low: number, high: number, bins: number, mode: number): void;
  /**
   * Its floats (lr, β1, β2, ε, the bias corrections 1 − β^t, decay) are written first to the
   * arguments block: passed as arguments, each would be boxed on every call.
   */
  optimizerStep(opt: number, w: number, g: number, m: number, v: number, n: number): void;
}

/** A module whose one function, `() -> v128`, has the given body. */
function probeModule(body: number[]): number[] {
  const code = [0, ...body, 0x0b]; // no locals, the body, end
  // prettier-ignore
  return [
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, // "\0asm", version 1
    1, 5, 1, 0x60, 0, 1, 0x7b, // type section: () -> v128
    3, 2, 1, 0, // function section: one function of type 0
    10, code.length + 2, 1, code.length, ...code, // code section
  ];
}
const V128_ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
/** Valid only where SIMD is: returns v128.const 0. */
const SIMD_PROBE = probeModule(V128_ZERO);
/** Valid only where relaxed SIMD is: returns f32x4.relaxed_madd(0, 0, 0) (opcode 0xfd 0x105). */
const RELAXED_PROBE = probeModule([...V128_ZERO, ...V128_ZERO, ...V128_ZERO, 0xfd, 0x85, 0x02]);

const supported = new Map<WasmVariant, boolean>();
const modules = new Map<string, WasmModule>();

function validates(bytes: number[]): boolean {
  try {
    return api !== undefined && api.validate(new Uint8Array(bytes));
  } catch {
    return false;
  }
}

/** Whether this runtime can run the `variant` build. */
export function variantSupported(variant: WasmVariant): boolean {
  let ok = supported.get(variant);
  if (ok === undefined) {
    ok = validates(SIMD_PROBE) && (variant === 'simd' || validates(RELAXED_PROBE));
    supported.set(variant, ok);
  }
  return ok;
}

/** The fastest build this runtime supports (relaxed SIMD where it validates). */
export function bestVariant(): WasmVariant {
  return variantSupported('relaxed-simd') ? 'relaxed-simd' : 'simd';
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The variant's module (threaded or not), compiled once per runtime. */
function compiled(variant: WasmVariant, threaded: boolean): WasmModule {
  if (!variantSupported(variant)) {
    throw new Error(`WebAssembly ${variant} is not supported by this runtime`);
  }
  const key = `${variant}${threaded ? '-threads' : ''}`;
  let module = modules.get(key);
  if (!module) {
    let base64: string;
    if (threaded) {
      if (!threadedBinaries) throw new Error('wasm backend: the threaded build is not loaded');
      const b = threadedBinaries;
      base64 = variant === 'simd' ? b.SIMD_THREADS_WASM : b.RELAXED_SIMD_THREADS_WASM;
    } else {
      if (!binaries) throw new Error(`wasm backend: ${wasmUnavailableReason()}`);
      base64 = variant === 'simd' ? binaries.SIMD_WASM : binaries.RELAXED_SIMD_WASM;
    }
    module = new (api as WasmApi).Module(decodeBase64(base64));
    modules.set(key, module);
  }
  return module;
}

/** A new instance (with its own memory) of the variant's module. */
export function instantiate(variant: WasmVariant): WasmExports {
  return new (api as WasmApi).Instance(compiled(variant, false), {}).exports as WasmExports;
}

/** A new instance of the variant's threaded module on a new shared memory. */
export function instantiateShared(variant: WasmVariant): {
  exports: WasmExports;
  module: WasmModule;
  memory: WasmMemory;
} {
  const module = compiled(variant, true);
  const { initial, maximum } = (threadedBinaries as ThreadedWasmBinaries).SHARED_MEMORY;
  const memory = new (api as WasmApi).Memory({ initial, maximum, shared: true });
  return { exports: instantiateOn(module, memory) as WasmExports, module, memory };
}

/** Another instance of a threaded module on an existing shared memory (a helper thread's). */
export function instantiateOn(module: WasmModule, memory: unknown): unknown {
  return new (api as WasmApi).Instance(module, { env: { memory } }).exports;
}
