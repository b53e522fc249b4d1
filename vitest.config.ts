import { defineConfig } from 'vitest/config';

// Unit, property, integration and tooling tests run in Node. Playwright owns tests/e2e.
export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'shared/**/*.test.ts',
      'db/**/*.test.ts',
      'electron/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/server/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tools/**/*.test.ts',
      'tests/bench/**/*.test.ts',
      'renderer/**/*.test.ts',
      'server/**/*.test.ts',
      'tests/server/**/*.test.ts',
      'tests/contract/**/*.test.ts',
    ],
    exclude: ['tests/e2e/**', '**/node_modules/**', 'out/**', '.tmp/**', 'build/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
