import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../db/open.js';
import { openOrSeedDemoStore } from '../../db/seed/seed-file.js';
import type { OrderStore } from '../../db/store.js';
import { defaultStaffUserId, resolveActor } from '../../electron/main/app/actor.js';
import { memoryAccountVault } from '../../electron/main/app/session/account.js';
import { createDeskHost, type DeskHost } from '../../electron/main/desk-host.js';
import { createHttpBackend } from '../../electron/main/services/sync/client.js';
import { startWebHost, type WebHost } from '../../electron/web-host/server.js';
import { createShopServer, type ShopServer } from '../../server/app.js';
import type { Limit } from '../../server/context.js';
import { openServerDb, type DbLocation, type ServerDb } from '../../server/db/connect.js';
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
  users: { admin: number; north: number; south: number };
  /** A paid order from the storefront, as Stripe Checkout completes it. */
  addOrder(storeId: number, number: string): Promise<void>;
  /** The customer asks, on the storefront, to cancel. */
  requestCancellation(orderNumber: string, reason: string): Promise<void>;
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

export interface ShopForDesks extends RunningShop {
  close(): Promise<void>;
}

/** A desk as the desktop app runs it, behind its own web host. */
export interface UiDesk {
  desk: DeskHost;
  host: WebHost;
  /** The store file the desk has open now (the demo store, or the backend's after a sign-in). */
  store(): OrderStore;
  /** This desk's network goes: requests fail and the open poke stream drops. The shop runs on. */
  unplug(): void;
  plugIn(): void;
  close(): Promise<void>;
}

export interface SyncUiDesk extends Omit<UiDesk, 'close'> {
  shop: RunningShop;
  close(): Promise<void>;
}

export interface ShopOptions {
  /** The shop's database: a fresh SQLite file unless given (a PostgreSQL database, say). */
  db?: DbLocation;
  signInLimits?: { perEmail: Limit; perIp: Limit };
  /** How long a sign-in lasts on the shop. */
  sessionTtlMs?: number;
  /** A slow network: each pulled page answers this much later. */
  pullDelayMs?: number;
}

export interface DeskOptions {
  station?: { id: string; name: string };
  /** Orders per pulled page. */
  pullLimit?: number;
}

export type SyncUiDeskOptions = ShopOptions & DeskOptions;

/** The shop backend from server/ on a SQLite file, with two stores, an admin and a seller of each. */
export async function startShop(options: ShopOptions = {}): Promise<ShopForDesks> {
  const dir = mkdtempSync(path.join(tmpdir(), 'order-desk-sync-ui-'));
  const sdb = await openServerDb(options.db ?? { sqlitePath: path.join(dir, 'shop.sqlite') });
  const now = Date.now();
  const north = await addStore(sdb.db, { slug: 'north', name: 'North Goods' });
  const south = await addStore(sdb.db, { slug: 'south', name: 'South Supply' });
  const users = {
    admin: await addStaff(sdb.db, { email: 'admin@shop.test', name: 'Ada Admin', role: 'admin', password: PASSWORD }, now),
    north: await addStaff(sdb.db, { email: 'nora@shop.test', name: 'Nora North', role: 'seller', password: PASSWORD, storeIds: [north] }, now),
    south: await addStaff(sdb.db, { email: 'sam@shop.test', name: 'Sam South', role: 'seller', password: PASSWORD, storeIds: [south] }, now),
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
  const stop = async () => {
    if (!server) return;
    // Desks hold a poke stream open: cut it, as a server going away does, instead of waiting for it.
    const closing = server.app.close();
    server.app.server.closeAllConnections();
    await closing;
    server = null;
  };
  const storefront = async (pathname: string, body: unknown) => {
    const response = await fetch(`${url}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`storefront ${pathname}: ${response.status} ${await response.text()}`);
  };

  return {
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
      await storefront('/storefront/orders', body);
    },
    async requestCancellation(orderNumber, reason) {
      await storefront('/storefront/cancellation-requests', { requestId: `e2e-cancel-${orderNumber}`, orderNumber, reason });
    },
    stop,
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
    async close() {
      await stop();
      await sdb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A desk as the desktop app runs it (the desk host: the demo store first, a store file per
 * backend after a sign-in), behind the web host, with a network cable the test can pull.
 */
export async function startDesk(options: DeskOptions = {}): Promise<UiDesk> {
  const dir = mkdtempSync(path.join(tmpdir(), 'order-desk-sync-ui-desk-'));
  const station = options.station ?? { id: 'e2e-bench', name: 'Bench 3' };
  const cable = networkCable();
  const demoFile = path.join(dir, 'demo.sqlite');
  const opened: OrderStore[] = [];
  const desk = createDeskHost({
    station,
    syncDir: path.join(dir, 'sync'),
    vault: memoryAccountVault(),
    logError: (message, error) => process.env.SYNC_UI_DEBUG && console.error(message, error),
    engine: { intervalMs: 1_000, wakeDelayMs: 10, ...(options.pullLimit ? { pullLimit: options.pullLimit } : {}) },
    backend: (url) => createHttpBackend(url, { fetch: cable.fetch }),
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
    desk,
    host,
    store: () => desk.current().app.ctx.store,
    unplug: cable.unplug,
    plugIn: cable.plugIn,
    async close() {
      unsubscribe();
      await host.close();
      await desk.stop();
      // Better-sqlite3 closes a closed database without complaint: close whatever the desk left open.
      for (const store of opened) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A shop and one desk beside it. */
export async function startSyncUiDesk(options: SyncUiDeskOptions = {}): Promise<SyncUiDesk> {
  const shop = await startShop(options);
  const desk = await startDesk(options);
  return {
    ...desk,
    shop,
    async close() {
      await desk.close();
      await shop.close();
    },
  };
}

/**
 * fetch through a cable the test can pull: unplugged, a request fails as on a dead network and
 * every open response (the poke stream) is cut.
 */
function networkCable(): { fetch: typeof fetch; unplug(): void; plugIn(): void } {
  let plugged = true;
  const open = new Set<AbortController>();
  return {
    fetch: async (input, init) => {
      if (!plugged) throw new TypeError('fetch failed');
      const cut = new AbortController();
      const outer = init?.signal;
      if (outer) {
        if (outer.aborted) cut.abort(outer.reason);
        else outer.addEventListener('abort', () => cut.abort(outer.reason), { once: true });
      }
      open.add(cut);
      cut.signal.addEventListener('abort', () => open.delete(cut), { once: true });
      return fetch(input, { ...init, signal: cut.signal });
    },
    unplug() {
      plugged = false;
      for (const cut of open) cut.abort(new TypeError('fetch failed'));
      open.clear();
    },
    plugIn() {
      plugged = true;
    },
  };
}
