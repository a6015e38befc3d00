import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['src/engine/kernels/wasm/vitest-setup.ts'],
    testTimeout: 60_000,
    // --expose-gc: the allocation tests empty the young generation before a measured window
    // (src/engine/heap-testing.ts; it can also switch the flag on at run time).
    execArgv: ['--expose-gc'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        // The engine's suite again with the wasm kernels on two threads, every call cut into
        // parts (src/engine/kernels/wasm/vitest-setup.ts).
        extends: true,
        test: {
          name: 'engine on 2 threads',
          include: ['src/engine/**/*.test.ts'],
          env: { ACTIVATION_LAB_THREADS: '2' },
        },
      },
    ],
  },
});
