import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The embedded engine is a 2-core-hungry WASM build; a few forks keep the suite fast without thrashing.
    pool: 'forks',
    maxWorkers: 2,
    // The JSON report lets .ci/run prove the server-engine suites ran.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
