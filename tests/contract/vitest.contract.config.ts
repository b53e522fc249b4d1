import { defineConfig } from 'vitest/config';

// The contract suite against a backend someone else runs (npm run test:contract).
export default defineConfig({
  test: { environment: 'node', include: ['tests/contract/remote.contract.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
