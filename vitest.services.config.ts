// Test runner configuration for the tests that need the machine's PostgreSQL and Redis (`npm run test:services`;
// `.ci/run` starts both first). One file at a time: they start server processes of their own.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/services/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    fileParallelism: false,
    allowOnly: false,
  },
});
