import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it, expect } from 'vitest';
import layering, { layerOf, packageName } from './layering.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ROOT = '/proj';
const options = [{ root: ROOT }];
const file = (rel: string) => path.posix.join(ROOT, rel);

const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
});

type Case = { code: string; filename: string };
const valid = (rel: string, code: string): Case & { options: typeof options } => ({
  code,
  filename: file(rel),
  options,
});
const layerErr = (rel: string, code: string) => ({
  code,
  filename: file(rel),
  options,
  errors: [{ messageId: 'layer' as const }],
});
const moduleErr = (rel: string, code: string) => ({
  code,
  filename: file(rel),
  options,
  errors: [{ messageId: 'module' as const }],
});

describe('layerOf / packageName', () => {
  it('classifies paths', () => {
    expect(layerOf('shared/domain/x.ts')?.group).toBe('shared');
    expect(layerOf('electron/main/platform/ipc.ts')).toEqual({ name: 'electron/main/platform', group: 'electron/main' });
    expect(layerOf('electron/main/app/h.ts')).toEqual({ name: 'electron/main', group: 'electron/main' });
    expect(layerOf('electron/preload/index.ts')?.group).toBe('electron/preload');
    expect(layerOf('tests/unit/a.test.ts')).toBeNull();
    expect(layerOf('sharedish/a.ts')).toBeNull();
  });
  it('extracts package names', () => {
    expect(packageName('electron/main')).toBe('electron');
    expect(packageName('@mantine/core/styles.css')).toBe('@mantine/core');
    expect(packageName('electron-store')).toBe('electron-store');
  });
});

ruleTester.run('local/layering', layering.rules.layering, {
  valid: [
    // shared: itself and npm packages only
    valid('shared/domain/order.ts', "import { ok } from './result';"),
    valid('shared/contract/orders.ts', "import { z } from 'zod';\nimport type { Result } from '../domain/result';"),
    valid('shared/contract/index.ts', "export * from './orders';"),
    // db: shared and db
    valid('db/queries/orders.ts', "import { ok } from '../../shared/domain/result';\nimport { schema } from '../schema';"),
    valid('db/schema.ts', "import Database from 'better-sqlite3';"),
    // electron/main: shared, db, itself
    valid('electron/main/app/handlers.ts', "import { openDb } from '../../../db/open';\nimport { c } from '../../../shared/contract';\nimport { x } from '../services/mailer';"),
    valid('electron/main/index.ts', "import { createWindow } from './platform/window';"),
    valid('electron/main/platform/ipc.ts', "import { ipcMain } from 'electron';\nimport { h } from '../app/handlers';"),
    valid('electron/main/platform/secrets.ts', "import Store from 'electron-store';\nimport { safeStorage } from 'electron/main';"),
    // server: shared, db, itself
    valid('server/sync/push.ts', "import { q } from '../../db/queries';\nimport { m } from '../../shared/domain/machine';\nimport { s } from '../store';"),
    // preload: electron allowed, shared
    valid('electron/preload/index.ts', "import { contextBridge, ipcRenderer } from 'electron';\nimport { names } from '../../shared/contract';"),
    // web host (dev/test transport): shared, db, electron/main, itself
    valid('electron/web-host/cli.ts', "import { openStore } from '../../db/open.js';\nimport { createApp } from '../main/app/create-app.js';\nimport { startWebHost } from './server.js';\nimport { fail } from '../../shared/domain/result.js';"),
    // renderer: itself and shared
    valid('renderer/features/orders/List.tsx', "import { useStore } from '../../stores/orders';\nimport { money } from '../../../shared/domain/money';\nimport { Button } from '@mantine/core';"),
    valid('renderer/main.tsx', "import './styles.css';\nimport logo from './logo.svg?url';"),
    valid('renderer/api/client.ts', "const m = await import('../../shared/contract');"),
    // type-only imports from allowed places
    valid('renderer/api/types.ts', "type R = import('../../shared/domain/result').Result<number>;"),
    // tests, tools, scripts and root files are unrestricted
    valid('tests/integration/a.test.ts', "import { ipcMain } from 'electron';\nimport { h } from '../../electron/main/app/handlers';\nimport { s } from '../../server/app';"),
    valid('tools/seed.ts', "import { openDb } from '../db/open';\nimport Store from 'electron-store';"),
    valid('scripts/x.mjs', "import { a } from '../renderer/app';"),
    valid('vitest.config.ts', "import { defineConfig } from 'vitest/config';"),
    // default root is ESLint's cwd
    { code: "import { ok } from './result';", filename: path.join(process.cwd(), 'shared/domain/x.ts') },
  ],
  invalid: [
    // shared imports nothing of ours
    layerErr('shared/domain/order.ts', "import { q } from '../../db/queries';"),
    layerErr('shared/domain/order.ts', "import { h } from '../../electron/main/app/handlers';"),
    layerErr('shared/domain/order.ts', "import type { Props } from '../../renderer/features/x';"),
    layerErr('shared/domain/order.ts', "import { fake } from '../../tests/fakes/stripe';"),
    layerErr('shared/contract/index.ts', "export * from '../../server/routes';"),
    moduleErr('shared/domain/x.ts', "import { app } from 'electron';"),
    // db: no main, server, renderer
    layerErr('db/queries/orders.ts', "import { h } from '../../electron/main/app/handlers';"),
    layerErr('db/queries/orders.ts', "import { s } from '../../server/app';"),
    layerErr('db/queries/orders.ts', "import { s } from '../../renderer/stores/orders';"),
    moduleErr('db/open.ts', "import Store from 'electron-store';"),
    // electron/main: no renderer, server, preload; electron only in platform
    layerErr('electron/main/app/handlers.ts', "import { s } from '../../../renderer/stores/orders';"),
    layerErr('electron/main/app/handlers.ts', "import { s } from '../../../server/app';"),
    layerErr('electron/main/app/handlers.ts', "import { p } from '../../preload/index';"),
    moduleErr('electron/main/app/handlers.ts', "import { ipcMain } from 'electron';"),
    moduleErr('electron/main/index.ts', "import { app } from 'electron';"),
    moduleErr('electron/main/services/pdf.ts', "import { BrowserWindow } from 'electron/main';"),
    moduleErr('electron/main/sync/pusher.ts', "const { net } = require('electron');"),
    moduleErr('electron/main/app/x.ts', "const e = await import('electron');"),
    moduleErr('electron/main/app/x.ts', "type W = import('electron').BrowserWindow;"),
    moduleErr('electron/main/app/settings.ts', "import Store from 'electron-store';"),
    // server: no electron/main, renderer, electron
    layerErr('server/sync/push.ts', "import { h } from '../../electron/main/app/handlers';"),
    layerErr('server/sync/push.ts', "import { s } from '../../renderer/stores/orders';"),
    moduleErr('server/index.ts', "import { app } from 'electron';"),
    // preload: electron-store not allowed, no main
    moduleErr('electron/preload/index.ts', "import Store from 'electron-store';"),
    layerErr('electron/preload/index.ts', "import { h } from '../main/app/handlers';"),
    // web host: no renderer sources, no electron; main never imports the web host
    layerErr('electron/web-host/server.ts', "import { s } from '../../renderer/stores/orders';"),
    moduleErr('electron/web-host/server.ts', "import { app } from 'electron';"),
    layerErr('electron/main/index.ts', "import { startWebHost } from '../web-host/server.js';"),
    layerErr('renderer/api/client.ts', "import { startWebHost } from '../../electron/web-host/server.js';"),
    // renderer: only renderer and shared
    layerErr('renderer/features/orders/List.tsx', "import { q } from '../../../db/queries';"),
    layerErr('renderer/features/orders/List.tsx', "import { h } from '../../../electron/main/app/handlers';"),
    layerErr('renderer/features/orders/List.tsx', "import type { Api } from '../../../electron/preload/index';"),
    layerErr('renderer/api/client.ts', "import { s } from '../../server/app';"),
    layerErr('renderer/api/client.ts', "const m = await import('../../db/queries');"),
    layerErr('renderer/api/client.ts', "export { x } from '../../tools/seed';"),
    layerErr('renderer/api/client.ts', "import pkg from '../../package.json';"),
    moduleErr('renderer/api/client.ts', "import { ipcRenderer } from 'electron';"),
    moduleErr('renderer/api/client.ts', "import Store from 'electron-store';"),
    // several violations in one file are each reported
    {
      code: "import { q } from '../db/q';\nimport { ipcMain } from 'electron';",
      filename: file('shared/x.ts'),
      options,
      errors: [{ messageId: 'layer' }, { messageId: 'module' }],
    },
  ],
});
