// End-to-end tests in Chromium against a real server (`npm run test:e2e`; builds the pages first).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    allowOnly: false,
  },
});
