// Test runner configuration: unit and integration tests beside the code and in test/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'addin/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/services/**', 'node_modules/**'],
    testTimeout: 20_000,
    allowOnly: false,
  },
});
