import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/engine/kernels/wasm/vitest-setup.ts'],
    testTimeout: 60_000,
    // --expose-gc: the allocation tests empty the young generation before a measured window
    // (src/engine/heap-testing.ts; it can also switch the flag on at run time).
    execArgv: ['--expose-gc'],
  },
});
