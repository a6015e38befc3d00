/** Vitest setup (vitest.config.ts): the wasm backend, where it is built, for every test file. */
import { loadBuiltWasm } from '.';

await loadBuiltWasm();
