import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../db/open.js';
import { openOrSeedDemoStore } from '../../db/seed/seed-file.js';
import type { OrderStore } from '../../db/store.js';
import { defaultStaffUserId, resolveActor } from '../../electron/main/app/actor.js';
import { memoryAccountVault } from '../../electron/main/app/session/account.js';
import { createDeskHost, type DeskHost } from '../../electron/main/desk-host.js';
import { startWebHost, type WebHost } from '../../electron/web-host/server.js';
import { createShopServer, type ShopServer } from '../../server/app.js';
import type { Limit } from '../../server/context.js';
import { openServerDb, type ServerDb } from '../../server/db/connect.js';
import { createApiKey } from '../../server/storefront/api-keys.js';
import { addStaff, addStore } from '../../server/staff-admin.js';
import type { z } from 'zod';
import type { storefrontOrderSchema } from '../../shared/contract/sync-protocol.js';

export const PASSWORD = 'correct horse battery staple';

const ADDRESS = { name: 'Casey Customer', street: '1 Main St', street2: null, city: 'Portland', state: 'OR', zip: '97201', country: 'US', phone: null } as const;

/** The shop backend from server/ on a SQLite file, listening on loopback; it can be stopped and started again. */
export interface RunningShop {
  url: string;
  sdb: ServerDb;
  stores: { north: number; south: number };
  users: { admin: number; north: number };
  /** A paid order from the storefront, as Stripe Checkout completes it. */
  addOrder(storeId: number, number: string): Promise<void>;
  /** The shop stops answering (the desk sees it offline); its database stays. */
  stop(): Promise<void>;
  /** Back on the same address. */
  start(): Promise<void>;
  /**
   * The same shop on another address, which this desk doesn't know: another station's changes
   * reach the shop through it while this desk can't see the shop.
   */
  viaOtherAddress<T>(work: (url: string) => Promise<T>): Promise<T>;
}

export interface SyncUiDesk {
  shop: RunningShop;
  desk: DeskHost;
  host: WebHost;
  /** The store file the desk has open now (the demo store, or the backend's after a sign-in). */
  store(): OrderStore;
  close(): Promise<void>;
}

export interface SyncUiDeskOptions {
  signInLimits?: { perEmail: Limit; perIp: Limit };
  /** How long a sign-in lasts on the shop. */
  sessionTtlMs?: number;
  /** A slow network: each pulled page answers this much later. */
  pullDelayMs?: number;
  /** Orders per pulled page. */
  pullLimit?: number;
}

/**
 * A desk as the desktop app runs it (the desk host: the demo store first, a store file per
 * backend after a sign-in), behind the web host, beside a real shop backend on loopback.
 */
export async function startSyncUiDesk(options: SyncUiDeskOptions = {}): Promise<SyncUiDesk> {
  const dir = mkdtempSync(path.join(tmpdir(), 'order-desk-sync-ui-'));
  const sdb = await openServerDb({ sqlitePath: path.join(dir, 'shop.sqlite') });
  const now = Date.now();
  const north = await addStore(sdb.db, { slug: 'north', name: 'North Goods' });
  const south = await addStore(sdb.db, { slug: 'south', name: 'South Supply' });
  const users = {
    admin: await addStaff(sdb.db, { email: 'admin@shop.test', name: 'Ada Admin', role: 'admin', password: PASSWORD }, now),
    north: await addStaff(sdb.db, { email: 'nora@shop.test', name: 'Nora North', role: 'seller', password: PASSWORD, storeIds: [north] }, now),
  };
  const apiKey = await createApiKey(sdb.db, 'e2e', now);

  let server: ShopServer | null = null;
  let port = 0;
  const listen = async () => {
    server = createShopServer({
      sdb,
      heartbeatMs: 1_000,
      ...(options.signInLimits ? { signInLimits: options.signInLimits } : {}),
      ...(options.sessionTtlMs ? { sessionTtlMs: options.sessionTtlMs } : {}),
    });
    const delay = options.pullDelayMs;
    if (delay) {
      server.app.addHook('onRequest', async (request) => {
        if (request.url === '/sync/pull') await new Promise((resolve) => setTimeout(resolve, delay));
      });
    }
    const address = await server.app.listen({ port, host: '127.0.0.1' });
    port = Number(new URL(address).port);
  };
  await listen();
  const url = `http://127.0.0.1:${port}`;

  const shop: RunningShop = {
    url,
    sdb,
    stores: { north, south },
    users,
    async addOrder(storeId, number) {
      const body: z.input<typeof storefrontOrderSchema> = {
        requestId: `e2e-order-${number}`,
        number,
        customer: { name: 'Casey Customer', email: 'casey@example.com', phone: null, smsConsent: false },
        billingAddress: ADDRESS,
        shippingAddress: ADDRESS,
        shippingMethod: null,
        items: [{ storeId, sku: `SKU-${number}`, title: 'Stoneware mug', barcode: null, isDigital: false, quantity: 1, unitPriceCents: 2400 }],
        shippingCents: 0,
        taxCents: 0,
        discountCents: 0,
        customerNote: null,
        payment: { paymentIntentId: `pi_${number}`, capturedCents: 2400 },
      };
      const response = await fetch(`${url}/storefront/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`storefront order ${number}: ${response.status} ${await response.text()}`);
    },
    async stop() {
      if (!server) return;
      // Desks hold a poke stream open: cut it, as a server going away does, instead of waiting for it.
      const closing = server.app.close();
      server.app.server.closeAllConnections();
      await closing;
      server = null;
    },
    async start() {
      if (!server) await listen();
    },
    async viaOtherAddress(work) {
      const other = createShopServer({ sdb });
      const address = await other.app.listen({ port: 0, host: '127.0.0.1' });
      try {
        return await work(address);
      } finally {
        const closing = other.app.close();
        other.app.server.closeAllConnections();
        await closing;
      }
    },
  };

  const station = { id: 'e2e-bench', name: 'Bench 3' };
  const demoFile = path.join(dir, 'demo.sqlite');
  const opened: OrderStore[] = [];
  const desk = createDeskHost({
    station,
    syncDir: path.join(dir, 'sync'),
    vault: memoryAccountVault(),
    logError: (message, error) => process.env.SYNC_UI_DEBUG && console.error(message, error),
    engine: { intervalMs: 1_000, wakeDelayMs: 10, ...(options.pullLimit ? { pullLimit: options.pullLimit } : {}) },
    // As the desktop app does: seeded the first time, opened as it is afterwards.
    openDemo: async () => {
      const { store } = openOrSeedDemoStore(demoFile, {}, { orders: 30, seed: 11 });
      opened.push(store);
      const userId = defaultStaffUserId(store);
      return { store, actor: userId === null ? null : resolveActor(store, userId, station) };
    },
    openSyncStore: (file) => {
      const store = openStore(file);
      opened.push(store);
      return store;
    },
  });
  await desk.start();
  const host = await startWebHost({ dispatch: desk.dispatchAs, actor: desk.actor, staticDir: path.resolve('out/renderer'), port: 0 });
  const unsubscribe = desk.subscribe((event, payload) => host.broadcast(event, payload));

  return {
    shop,
    desk,
    host,
    store: () => desk.current().app.ctx.store,
    async close() {
      unsubscribe();
      await host.close();
      await desk.stop();
      await shop.stop();
      await sdb.close();
      // Better-sqlite3 closes a closed database without complaint: close whatever the desk left open.
      for (const store of opened) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
