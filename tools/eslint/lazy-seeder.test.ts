// The guard in eslint.config.js that keeps the demo seeder out of the desktop app's main bundle.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RULE = '@typescript-eslint/no-restricted-imports';
// The project's own config, this rule only (the cycle check would walk the whole project).
const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === RULE });

async function restrictedImports(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const use = [];\n`, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('the demo seeder stays a chunk of its own', () => {
  it('refuses a static import of the seeder in electron/main', async () => {
    expect(await restrictedImports("export { openOrSeedDemoStore } from '../../db/seed/seed-file.js';", 'electron/main/index.ts')).toEqual([
      expect.stringContaining('Load the demo seeder with import()'),
    ]);
    expect(await restrictedImports("export { seedMarketplace } from '../../../db/seed/generate.js';", 'electron/main/app/x.ts')).toHaveLength(1);
  });

  it('allows import(), type-only imports, the store-in-use check, and other layers', async () => {
    expect(await restrictedImports("export const m = () => import('../../db/seed/seed-file.js');", 'electron/main/index.ts')).toEqual([]);
    expect(await restrictedImports("export type { SeedSummary } from '../../db/seed/generate.js';", 'electron/main/index.ts')).toEqual([]);
    expect(await restrictedImports("export { openStoreInUse } from '../../db/seed/store-in-use.js';", 'electron/main/index.ts')).toEqual([]);
    // The web host and the tests never ship in the desktop build.
    expect(await restrictedImports("export { openOrSeedDemoStore } from '../../db/seed/seed-file.js';", 'electron/web-host/serve-desk.ts')).toEqual([]);
    expect(await restrictedImports("export { seedMarketplace } from '../../db/seed/generate.js';", 'tests/e2e/start-desk.ts')).toEqual([]);
  });
});
