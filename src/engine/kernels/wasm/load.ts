/**
 * Feature detection and synchronous loading of the kernels' WebAssembly module. The binaries are
 * compiled by scripts/build-wasm.mjs into build/modules.ts as base64 strings: importing them
 * needs no fetch and no bundler plugin, so the same code loads in Node (tsx, vitest) and in a
 * bundled module Web Worker, synchronously (`new WebAssembly.Module` is allowed in both).
 */
import { RELAXED_SIMD_WASM, SIMD_WASM } from './build/modules';

export type WasmVariant = 'simd' | 'relaxed-simd';

/**
 * The part of the WebAssembly JS API used here, typed locally: the engine is also checked
 * against lib ES2022 alone (Node), where no WebAssembly declarations exist.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmModule {
  readonly __brand?: 'WebAssembly.Module';
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { readonly exports: unknown };
}
const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** What the module exports; pointers are byte offsets into `memory`, booleans are 0 or 1. */
export interface WasmExports {
  readonly memory: WasmMemory;
  resultsOffset(): number;
  callerOffset(): number;
  fastMath(fn: number, x: number, y: number, n: number): void;
  gemm(a: number, b: number, c: number, m: number, k: number, n: number, acc: number): void;
  gemmTN(a: number, b: number, c: number, m: number, k: number, n: number, acc: number): void;
  gemmNT(a: number, b: number, c: number, m: number, k: number, n: number, acc: number): void;
  addRowVector(x: number, v: number, rows: number, cols: number): void;
  columnSums(x: number, out: number, rows: number, cols: number, acc: number): void;
  axpy(alpha: number, x: number, y: number, n: number): void;
  scale(x: number, alpha: number, n: number): void;
  activationForward(act: number, z: number, h: number, n: number): void;
  activationBackward(act: number, z: number, h: number, dh: number, dz: number, n: number): void;
  maxoutForward(z: number, h: number, rows: number, units: number): void;
  maxoutBackward(z: number, dh: number, dz: number, rows: number, units: number): void;
  batchnormForwardTrain(...args: number[]): void;
  batchnormForwardEval(...args: number[]): void;
  batchnormBackward(...args: number[]): void;
  softmaxCrossEntropy(...args: number[]): number;
  sumSquares(x: number, n: number): number;
  moments(x: number, n: number): void;
  countOutside(x: number, n: number, low: number, high: number): number;
  deadColumns(z: number, rows: number, cols: number): number;
  columnPositiveFraction(x: number, out: number, rows: number, cols: number): void;
  histogram(x: number, n: number, low: number, high: number, bins: number, mode: number): void;
  optimizerStep(...args: number[]): void;
}

/** A minimal module `() -> v128` returning v128.const 0: valid only where SIMD is. */
const SIMD_PROBE = [
  0,
  97,
  115,
  109,
  1,
  0,
  0,
  0,
  1,
  5,
  1,
  96,
  0,
  1,
  123,
  3,
  2,
  1,
  0,
  10,
  22,
  1,
  20,
  0,
  253,
  12,
  ...new Array<number>(16).fill(0),
  11,
];
/** The same computing f32x4.relaxed_madd(0, 0, 0): valid only where relaxed SIMD is. */
const RELAXED_PROBE = [
  0,
  97,
  115,
  109,
  1,
  0,
  0,
  0,
  1,
  5,
  1,
  96,
  0,
  1,
  123,
  3,
  2,
  1,
  0,
  10,
  61,
  1,
  59,
  0,
  ...[0, 1, 2].flatMap(() => [253, 12, ...new Array<number>(16).fill(0)]),
  253,
  133,
  2,
  11,
];

const supported = new Map<WasmVariant, boolean>();
const modules = new Map<WasmVariant, WasmModule>();

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

/** A new instance (with its own memory) of the variant's module, compiled once per runtime. */
export function instantiate(variant: WasmVariant): WasmExports {
  if (!variantSupported(variant)) {
    throw new Error(`WebAssembly ${variant} is not supported by this runtime`);
  }
  const wasm = api as WasmApi; // variantSupported found it
  let module = modules.get(variant);
  if (!module) {
    module = new wasm.Module(decodeBase64(variant === 'simd' ? SIMD_WASM : RELAXED_SIMD_WASM));
    modules.set(variant, module);
  }
  return new wasm.Instance(module, {}).exports as WasmExports;
}
