import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'contract/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Many test files mostly wait (on PostgreSQL, child processes, Chromium): one more worker than
    // the two cores of the CI machine keeps both busy.
    maxWorkers: 3,
  },
});
