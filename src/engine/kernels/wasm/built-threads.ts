/**
 * Importing this module makes the threaded wasm builds available (scripts/build-wasm.mjs writes
 * them apart from the single-threaded ones, so the page's worker loads them only to use threads).
 */
import {
  RELAXED_SIMD_THREADS_WASM,
  SHARED_MEMORY,
  SIMD_THREADS_WASM,
} from './build/threads-modules';
import { provideThreadedWasmBinaries } from './load';

provideThreadedWasmBinaries({ SIMD_THREADS_WASM, RELAXED_SIMD_THREADS_WASM, SHARED_MEMORY });
