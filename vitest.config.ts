import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    // --expose-gc lets the allocation tests force a collection before measuring the heap.
    execArgv: ['--expose-gc'],
  },
});
