import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { cycleCheck } from './cycles.js';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Writes a tiny project (paths relative to its root) and lints it with the lint's own cycle settings. */
async function lintProject(
  files: Record<string, string>,
  options: { typeCycleExceptions?: string[] } = {},
): Promise<Record<string, string[]>> {
  dir = mkdtempSync(path.join(tmpdir(), 'order-desk-cycles-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
      cycleCheck({ importX, createNodeResolver }, options),
    ],
  });
  const results = await eslint.lintFiles(['.']);
  return Object.fromEntries(
    results.map((r) => [path.relative(dir!, r.filePath).split(path.sep).join('/'), r.messages.map((m) => `${m.ruleId}: ${m.message}`)]),
  );
}

describe('import-x/no-cycle as configured for npm run lint', () => {
  it('reports a cycle written with .js specifiers that resolve to .ts and .tsx files', async () => {
    const messages = await lintProject({
      'electron/main/app/handlers.ts': "import { orders } from './orders/handlers.js';\nexport const all = [orders];\nexport const group = 1;\n",
      'electron/main/app/orders/handlers.ts': "import { group } from '../handlers.js';\nexport const orders = group;\n",
      'renderer/a.tsx': "import { b } from './b.js';\nexport const a = () => b;\n",
      'renderer/b.tsx': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    expect(messages['electron/main/app/handlers.ts']).toEqual([expect.stringMatching(/^import-x\/no-cycle: Dependency cycle/)]);
    expect(messages['electron/main/app/orders/handlers.ts']).toEqual([expect.stringMatching(/^import-x\/no-cycle: Dependency cycle/)]);
    expect(messages['renderer/a.tsx']).toHaveLength(1);
    expect(messages['renderer/b.tsx']).toHaveLength(1);
  });

  it('reports a longer cycle through an index file and a re-export', async () => {
    const messages = await lintProject({
      'shared/contract/index.ts': "export * from './orders.js';\n",
      'shared/contract/orders.ts': "import { money } from '../domain/money.js';\nexport const orders = money;\n",
      'shared/domain/money.ts': "import { orders } from '../contract/index.js';\nexport const money = 1;\nexport const again = orders;\n",
    });
    expect(messages['shared/domain/money.ts']).toEqual([expect.stringMatching(/Dependency cycle via/)]);
  });

  it('lets a one-way chain pass', async () => {
    const messages = await lintProject({
      'shared/domain/money.ts': 'export const money = 1;\n',
      'shared/contract/orders.ts': "import { money } from '../domain/money.js';\nexport const orders = money;\n",
      'electron/main/app/handlers.ts': "import { orders } from '../../../shared/contract/orders.js';\nimport { z } from 'zod';\nexport const h = [orders, z];\n",
    });
    expect(Object.values(messages).flat()).toEqual([]);
  });
});

describe('cycles/no-type-cycle: what import-x skips', () => {
  const handlerTables = {
    'electron/main/app/handlers.ts':
      "import { ordersHandlers } from './orders/handlers.js';\nexport type HandlerGroup = { name: string };\nexport const all = [ordersHandlers];\n",
    'electron/main/app/orders/handlers.ts':
      "import type { HandlerGroup } from '../handlers.js';\nexport const ordersHandlers: HandlerGroup = { name: 'orders' };\n",
  };

  it('reports a cycle closed by a type-only import, on both sides, with its route', async () => {
    const messages = await lintProject(handlerTables);
    expect(messages['electron/main/app/handlers.ts']).toEqual([
      'cycles/no-type-cycle: Import cycle through type-only imports: electron/main/app/handlers.ts -> electron/main/app/orders/handlers.ts -> electron/main/app/handlers.ts. Types tie modules together too: move what both sides need into a module that imports neither (for example a types.ts beside them).',
    ]);
    expect(messages['electron/main/app/orders/handlers.ts']).toEqual([expect.stringMatching(/^cycles\/no-type-cycle: /)]);
  });

  it('follows export type, import("x").T and longer routes', async () => {
    const messages = await lintProject({
      'shared/contract/index.ts': "export type { Order } from '../domain/order.js';\n",
      'shared/domain/order.ts': "import { total } from './money.js';\nexport type Order = { total: typeof total };\n",
      'shared/domain/money.ts': "export const total = 1;\nexport type Orders = import('../contract/index.js').Order[];\n",
    });
    expect(messages['shared/domain/money.ts']).toEqual([
      expect.stringContaining('shared/domain/money.ts -> shared/contract/index.ts -> shared/domain/order.ts -> shared/domain/money.ts'),
    ]);
    expect(messages['shared/contract/index.ts']).toHaveLength(1);
    expect(messages['shared/domain/order.ts']).toHaveLength(1);
  });

  it('leaves value cycles to import-x (one report each, not two)', async () => {
    const messages = await lintProject({
      'renderer/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'renderer/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    expect(messages['renderer/a.ts']).toEqual([expect.stringMatching(/^import-x\/no-cycle: /)]);
    expect(messages['renderer/b.ts']).toEqual([expect.stringMatching(/^import-x\/no-cycle: /)]);
  });

  it('passes a type import that does not lead back', async () => {
    const messages = await lintProject({
      'electron/main/app/handler-types.ts': 'export type HandlerGroup = { name: string };\n',
      'electron/main/app/handlers.ts': "import type { HandlerGroup } from './handler-types.js';\nimport { ordersHandlers } from './orders/handlers.js';\nexport const all: HandlerGroup[] = [ordersHandlers];\n",
      'electron/main/app/orders/handlers.ts': "import type { HandlerGroup } from '../handler-types.js';\nexport const ordersHandlers: HandlerGroup = { name: 'orders' };\n",
    });
    expect(Object.values(messages).flat()).toEqual([]);
  });

  it('stays quiet about files listed as known exceptions, and only those', async () => {
    const quiet = await lintProject(handlerTables, {
      typeCycleExceptions: ['electron/main/app/handlers.ts', 'electron/main/app/orders/handlers.ts'],
    });
    expect(Object.values(quiet).flat()).toEqual([]);
    const half = await lintProject(handlerTables, { typeCycleExceptions: ['electron/main/app/handlers.ts'] });
    expect(half['electron/main/app/handlers.ts']).toEqual([]);
    expect(half['electron/main/app/orders/handlers.ts']).toHaveLength(1);
  });

  it('asks for an exception to be removed once its cycle is gone', async () => {
    const messages = await lintProject(
      { 'shared/domain/money.ts': 'export const money = 1;\n', 'shared/domain/order.ts': "import type { money } from './money.js';\nexport type T = typeof money;\n" },
      { typeCycleExceptions: ['shared/domain/order.ts'] },
    );
    expect(messages['shared/domain/order.ts']).toEqual([
      'cycles/no-type-cycle: shared/domain/order.ts is listed as a known type-only cycle, but it is in none any more: take it off the list (`allow`, typeCycleExceptions in eslint.config.js).',
    ]);
    expect(messages['shared/domain/money.ts']).toEqual([]);
  });
});
