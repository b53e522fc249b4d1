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
const innerErr = (rel: string, code: string) => ({
  code,
  filename: file(rel),
  options,
  errors: [{ messageId: 'inner' as const }],
});
const nodeErr = (rel: string, code: string) => ({
  code,
  filename: file(rel),
  options,
  errors: [{ messageId: 'node' as const }],
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
    expect(layerOf('electron/main/app/h.ts')).toEqual({ name: 'electron/main/app', group: 'electron/main' });
    expect(layerOf('electron/main/services/pdf.ts')).toEqual({ name: 'electron/main/services', group: 'electron/main' });
    expect(layerOf('electron/main/sqlite-binding.ts')).toEqual({ name: 'electron/main', group: 'electron/main' });
    expect(layerOf('electron/preload/index.ts')?.group).toBe('electron/preload');
    expect(layerOf('tests/unit/a.test.ts')).toBeNull();
    expect(layerOf('sharedish/a.ts')).toBeNull();
  });
  it('knows the composition root by file, with or without extension', () => {
    const root = { name: 'electron/main/composition-root', group: 'electron/main' };
    expect(layerOf('electron/main/index.ts')).toEqual(root);
    expect(layerOf('electron/main/desk-sender.js/')).toEqual(root);
    expect(layerOf('electron/main/desk-sender/')).toEqual(root);
    expect(layerOf('electron/main/index-helpers.ts')).toEqual({ name: 'electron/main', group: 'electron/main' });
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
    // electron/main's parts: the composition root sees everything; app and platform use services
    valid('electron/main/index.ts', "import { createApp } from './app/create-app.js';\nimport { render } from './services/email/render.js';\nimport { deskNotificationSender } from './desk-sender.js';"),
    valid('electron/main/desk-sender.ts', "import type { AppContext } from './app/context.js';\nimport { createNotificationService } from './services/notifications/service.js';"),
    valid('electron/main/app/slips/handlers.ts', "import { slipJobs } from '../../services/slips/slip-jobs.js';"),
    valid('electron/main/platform/printouts.ts', "import type { Printouts } from '../services/slips/printouts.js';\nimport { ipc } from './ipc.js';"),
    valid('electron/main/services/notifications/service.ts', "import { render } from '../email/render.js';\nimport { q } from '../../../../db/queries/outbox.js';"),
    valid('electron/main/sqlite-binding.ts', "import { x } from './services/jobs/sliced-job.js';"),
    // the web host is the dev/test composition root: it may use platform's Electron-free helpers
    valid('electron/web-host/static-files.ts', "import { resolveAppFile } from '../main/platform/protocol-paths.js';\nimport { deskNotificationSender } from '../main/desk-sender.js';"),
    // shared and renderer: pure and browser packages are fine
    valid('shared/domain/money.test.ts', "import fc from 'fast-check';\nimport { it } from 'vitest';"),
    valid('renderer/features/import/Preview.tsx', "import Papa from 'papaparse';\nimport { useState } from 'react';"),
    valid('renderer/api/client.ts', "import { z } from 'zod';\nimport { create } from 'zustand';"),
    // Node and main-only packages are for main and the other Node layers
    valid('db/open.ts', "import { mkdirSync } from 'node:fs';\nimport Database from 'better-sqlite3';"),
    valid('electron/main/services/notifications/smtp.ts', "import nodemailer from 'nodemailer';\nimport { setTimeout } from 'node:timers/promises';"),
    valid('server/app.ts', "import http from 'node:http';"),
    // server: shared, itself
    valid('server/sync/push.ts', "import { m } from '../../shared/domain/machine';\nimport { s } from '../store';"),
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
    // server: not the desk's store, main or renderer (it is its own program, with its own database)
    layerErr('server/mutators/scope.ts', "import { Scope } from '../../db/queries/scope';"),
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
    // electron/main's parts: services may not import app
    innerErr('electron/main/services/notifications/desk-sender.ts', "import type { AppContext } from '../../app/context.js';"),
    innerErr('electron/main/services/slips/slip-jobs.ts', "export { dispatch } from '../../app/dispatch.js';"),
    innerErr('electron/main/services/email/render.ts', "type C = import('../../app/context').AppContext;"),
    // ... platform is for the composition root only
    innerErr('electron/main/app/slips/handlers.ts', "import { showItem } from '../../platform/printouts.js';"),
    innerErr('electron/main/services/slips/printouts.ts', "import { openPath } from '../../platform/dialogs.js';"),
    innerErr('electron/main/sqlite-binding.ts', "import { isPackaged } from './platform/lifecycle.js';"),
    innerErr('electron/main/sync/pusher.ts', "const p = await import('../platform/lifecycle.js');"),
    // ... and nothing it wires imports the composition root
    innerErr('electron/main/app/create-app.ts', "import { deskNotificationSender } from '../desk-sender.js';"),
    innerErr('electron/main/platform/ipc.ts', "import '../index.js';"),
    innerErr('electron/main/services/jobs/sliced-job.ts', "import { x } from '../../desk-sender';"),
    // shared and renderer: no Node built-ins, prefixed or bare
    nodeErr('shared/domain/order.ts', "import { readFileSync } from 'node:fs';"),
    nodeErr('shared/domain/order.ts', "import path from 'path';"),
    nodeErr('shared/contract/index.ts', "import { randomUUID } from 'crypto';"),
    nodeErr('shared/domain/order.test.ts', "import { tmpdir } from 'node:os';"),
    nodeErr('renderer/api/client.ts', "import { readFile } from 'fs/promises';"),
    nodeErr('renderer/api/client.ts', "const { EventEmitter } = await import('node:events');"),
    nodeErr('renderer/features/x.tsx', "type B = import('node:buffer').Buffer;"),
    // ... and no main-only packages, even for types
    nodeErr('shared/domain/x.ts', "import type { Database } from 'better-sqlite3';"),
    nodeErr('shared/domain/x.ts', "import nodemailer from 'nodemailer';"),
    nodeErr('renderer/api/client.ts', "import twilio from 'twilio';"),
    nodeErr('renderer/features/slips/x.tsx', "import PDFDocument from 'pdfkit';"),
    nodeErr('renderer/features/x.tsx', "export * from 'smtp-server';"),
    // server: no electron/main, renderer, electron
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
