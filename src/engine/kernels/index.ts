/** Picks a backend by name. */
import type { BackendName, Kernels } from './kernels';
import { createTsKernels } from './ts';
import { createWasmKernels, wasmSimdSupported } from './wasm';

export const BACKENDS: readonly BackendName[] = ['ts', 'wasm'];

/** A new backend instance; 'wasm' throws where WebAssembly SIMD is not supported. */
export function createKernels(name: BackendName): Kernels {
  if (name === 'ts') return createTsKernels();
  if (name === 'wasm') return createWasmKernels();
  throw new Error(`backend "${name}" is not available`);
}

/** The backend the page and the CLI use when none is named: wasm where SIMD validates. */
export function defaultBackend(): BackendName {
  return wasmSimdSupported() ? 'wasm' : 'ts';
}
