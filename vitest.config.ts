import { defineConfig } from 'vitest/config';

// Two projects: pure code in Node, and the built deck driven in Chromium.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // `npm run bench`: benchmarks print figures and ratios; they assert nothing about speed.
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
