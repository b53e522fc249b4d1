import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { openStore } from '../../db/open.js';
import { seedMarketplace, type SeedSummary } from '../../db/seed/generate.js';
import type { OrderStore } from '../../db/store.js';
import { resolveActor } from '../../electron/main/app/actor.js';
import type { Actor } from '../../electron/main/app/context.js';
import { createApp } from '../../electron/main/app/create-app.js';
import { startWebHost, type WebHost } from '../../electron/web-host/server.js';

export interface Desk {
  store: OrderStore;
  seed: SeedSummary;
  host: WebHost;
  actor: Actor;
}

/**
 * A real desk per test: a seeded SQLite file, the real handler table, and the web host serving
 * the built renderer on loopback. The browser talks to it exactly as in development.
 */
export const test = base.extend<{ desk: Desk; asUser: 'admin' | 'seller' }>({
  asUser: ['admin', { option: true }],
  desk: async ({ asUser }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'order-desk-e2e-'));
    const store = openStore(join(dir, 'desk.sqlite'));
    const seed = seedMarketplace(store, { orders: 300, seed: 7 });
    const app = createApp(store, { checkOutputs: true });
    const userId = asUser === 'admin' ? seed.adminUserId : seed.sellerUserIds[0]!;
    const actor = resolveActor(store, userId, { id: 'e2e-station', name: 'Packing bench 3' })!;
    const host = await startWebHost({ dispatch: app.dispatch, actor, staticDir: resolve('out/renderer'), port: 0 });
    const unsubscribe = app.subscribe((event, payload) => host.broadcast(event, payload));
    await use({ store, seed, host, actor });
    unsubscribe();
    await host.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
