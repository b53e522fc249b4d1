import { test as base } from '@playwright/test';
import type { SeedSummary } from '../../db/seed/generate.js';
import type { OrderStore } from '../../db/store.js';
import type { Station } from '../../electron/main/app/actor.js';
import type { Actor } from '../../electron/main/app/context.js';
import type { App } from '../../electron/main/app/create-app.js';
import type { WebHost } from '../../electron/web-host/server.js';
import { startDesk } from './start-desk.js';

export interface Desk {
  store: OrderStore;
  seed: SeedSummary;
  host: WebHost;
  actor: Actor;
  /** The handler table behind the hosts: tests ask it what the desk would answer. */
  app: App;
  /** A second station (its own web host and actor) on the same database. */
  openStation(station: Station, userId?: number): Promise<{ host: WebHost; actor: Actor }>;
}

/**
 * A real desk per test: a seeded SQLite file, the real handler table, and the web host serving
 * the built renderer on loopback. The browser talks to it exactly as in development.
 */
export const test = base.extend<{ desk: Desk; asUser: 'admin' | 'seller' }>({
  asUser: ['admin', { option: true }],
  desk: async ({ asUser }, use) => {
    const desk = await startDesk({
      orders: 300,
      seed: 7,
      userId: (seed) => (asUser === 'admin' ? seed.adminUserId : seed.sellerUserIds[0]!),
      station: { id: 'e2e-station', name: 'Packing bench 3' },
    });
    await use(desk);
    await desk.close();
  },
});

export { expect } from '@playwright/test';
