/**
 * A running shop backend (server/ on loopback, SQLite or PostgreSQL) and any number of desks
 * beside it, each as the desktop app runs it (the desk host behind its own web host, its own
 * data folder and store files), so one test can drive several people at several desks.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { openStore } from '../../db/open.js';
import { openOrSeedDemoStore } from '../../db/seed/seed-file.js';
import type { OrderStore } from '../../db/store.js';
import { defaultStaffUserId, resolveActor } from '../../electron/main/app/actor.js';
import { memoryAccountVault } from '../../electron/main/app/session/account.js';
import { createDeskHost, type DeskHost } from '../../electron/main/desk-host.js';
import { startWebHost, type WebHost } from '../../electron/web-host/server.js';
import { createShopServer, type ShopServer } from '../../server/app.js';
import { openServerDb, type DbLocation, type ServerDb } from '../../server/db/connect.js';
import { createApiKey } from '../../server/storefront/api-keys.js';
import { addStaff, addStore } from '../../server/staff-admin.js';
import { orderDocSchema, type OrderDoc, type storefrontOrderSchema } from '../../shared/contract/sync-protocol.js';

export const PASSWORD = 'correct horse battery staple';

const ADDRESS = { name: 'Casey Customer', street: '1 Main St', street2: null, city: 'Portland', state: 'OR', zip: '97201', country: 'US', phone: null } as const;

export interface OrderLine {
  storeId: number;
  sku: string;
  title: string;
}

export interface Shop {
  url: string;
  sdb: ServerDb;
  stores: { north: number; south: number };
  /** Everyone signs in with PASSWORD. */
  emails: { admin: string; north: string; south: string };
  /** A paid order from the storefront, as Stripe Checkout completes it. */
  addOrder(number: string, lines: readonly OrderLine[], customerName?: string): Promise<void>;
  /** The storefront forwards a customer's request to cancel (with the storefront's API key). */
  requestCancellation(orderNumber: string, requestId: string, reason: string): Promise<void>;
  /** The shop's whole copy of an order, parsed as the protocol defines it. */
  order(number: string): Promise<OrderDoc>;
  /** How many shipments the shop has indexed for an order (the order_shipments table). */
  shipmentRows(number: string): Promise<number>;
  close(): Promise<void>;
}

/** A path to the shop that can be cut and mended, as a desk's network or Wi-Fi would. */
export interface Link {
  url: string;
  /** Every open connection drops, and new ones are hung up on at once. */
  cut(): void;
  mend(): void;
  /**
   * The next request to `pathname` reaches the shop, but its answer is lost on the way back
   * (the connection drops as the first byte of the reply arrives): the shop has done the work,
   * the desk can't know it.
   */
  loseNextReply(pathname: string): void;
  /** How many answers were lost so far. */
  lostReplies(): number;
  close(): Promise<void>;
}

export interface Desk {
  host: WebHost;
  desk: DeskHost;
  /** The store file open now (the demo store, or the backend's after a sign-in). */
  store(): OrderStore;
  /** Its path on disk; null while the demo store is open. */
  file(): string | null;
  close(): Promise<void>;
}

export async function startShop(location: DbLocation): Promise<Shop> {
  const sdb = await openServerDb(location);
  const now = Date.now();
  const north = await addStore(sdb.db, { slug: 'north', name: 'North Goods' });
  const south = await addStore(sdb.db, { slug: 'south', name: 'South Supply' });
  await addStaff(sdb.db, { email: 'admin@shop.test', name: 'Ada Admin', role: 'admin', password: PASSWORD }, now);
  await addStaff(sdb.db, { email: 'nora@shop.test', name: 'Nora North', role: 'seller', password: PASSWORD, storeIds: [north] }, now);
  await addStaff(sdb.db, { email: 'sam@shop.test', name: 'Sam South', role: 'seller', password: PASSWORD, storeIds: [south] }, now);
  const apiKey = await createApiKey(sdb.db, 'e2e', now);
  const server: ShopServer = createShopServer({ sdb, heartbeatMs: 1_000 });
  const url = await server.app.listen({ port: 0, host: '127.0.0.1' });

  const storefront = async (pathname: string, body: unknown) => {
    const response = await fetch(url + pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
  };
  const orderRow = async (number: string) => sdb.db.selectFrom('orders').select(['id', 'doc']).where('number', '=', number).executeTakeFirstOrThrow();

  return {
    url,
    sdb,
    stores: { north, south },
    emails: { admin: 'admin@shop.test', north: 'nora@shop.test', south: 'sam@shop.test' },
    async addOrder(number, lines, customerName = 'Casey Customer') {
      const body: z.input<typeof storefrontOrderSchema> = {
        requestId: `e2e-order-${number}`,
        number,
        customer: { name: customerName, email: 'casey@example.com', phone: null, smsConsent: false },
        billingAddress: { ...ADDRESS, name: customerName },
        shippingAddress: { ...ADDRESS, name: customerName },
        shippingMethod: null,
        items: lines.map((line) => ({ ...line, barcode: null, isDigital: false, quantity: 1, unitPriceCents: 2400 })),
        shippingCents: 0,
        taxCents: 0,
        discountCents: 0,
        customerNote: null,
        payment: { paymentIntentId: `pi_${number}`, capturedCents: 2400 * lines.length },
      };
      await storefront('/storefront/orders', body);
    },
    async requestCancellation(orderNumber, requestId, reason) {
      await storefront('/storefront/cancellation-requests', { requestId, orderNumber, reason });
    },
    async order(number) {
      return orderDocSchema.parse(JSON.parse((await orderRow(number)).doc));
    },
    async shipmentRows(number) {
      const { id } = await orderRow(number);
      const rows = await sdb.db.selectFrom('order_shipments').select('shipment_id').where('order_id', '=', id).execute();
      return rows.length;
    },
    async close() {
      // Desks hold a poke stream open: cut it instead of waiting for it to end.
      const closing = server.app.close();
      server.app.server.closeAllConnections();
      await closing;
      await sdb.close();
    },
  };
}

/** A TCP relay to the shop on its own loopback port. */
export async function startLink(shopUrl: string): Promise<Link> {
  const target = new URL(shopUrl);
  const open = new Set<Socket>();
  let cut = false;
  let loseReplyTo: string | null = null;
  let lost = 0;
  const relay: Server = createServer((inbound) => {
    if (cut) {
      inbound.destroy();
      return;
    }
    const outbound = connect(Number(target.port), target.hostname);
    const drop = () => {
      inbound.destroy();
      outbound.destroy();
    };
    for (const socket of [inbound, outbound]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      // A reset on one side ends the other: nothing is left half open.
      socket.on('error', drop);
    }
    let swallowReply = false;
    inbound.on('data', (chunk: Buffer) => {
      // A request starts a chunk of its own here (loopback, one request at a time per connection).
      if (loseReplyTo !== null && chunk.toString('latin1').startsWith(`POST ${loseReplyTo} `)) {
        loseReplyTo = null;
        swallowReply = true;
      }
      outbound.write(chunk);
    });
    outbound.on('data', (chunk: Buffer) => {
      if (!swallowReply) {
        inbound.write(chunk);
        return;
      }
      lost += 1;
      drop();
    });
    inbound.on('end', () => outbound.end());
    outbound.on('end', () => inbound.end());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address();
  if (typeof address !== 'object' || address === null) throw new Error('the link has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    mend() {
      cut = false;
    },
    loseNextReply(pathname) {
      loseReplyTo = pathname;
    },
    lostReplies: () => lost,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

/**
 * A desk as the desktop app runs it: the offline demo store first (seeded the first time), a
 * store file per backend after a sign-in, behind the web host serving the built renderer.
 */
export async function startDesk(name: string): Promise<Desk> {
  const dir = mkdtempSync(path.join(tmpdir(), `order-desk-${name}-`));
  const station = { id: `e2e-${name}`, name: `Bench ${name}` };
  const opened: OrderStore[] = [];
  const desk = createDeskHost({
    station,
    syncDir: path.join(dir, 'sync'),
    vault: memoryAccountVault(),
    logError: (message, error) => process.env.SYNC_UI_DEBUG && console.error(name, message, error),
    // Retry jitter pinned at its floor (half a second): a desk that lost the shop finds it again
    // on the next retry, not after a random wait that could outlast the test.
    engine: { intervalMs: 1_000, wakeDelayMs: 10, random: () => 0 },
    openDemo: async () => {
      const { store } = openOrSeedDemoStore(path.join(dir, 'demo.sqlite'), {}, { orders: 10, seed: 11 });
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
    host,
    desk,
    store: () => desk.current().app.ctx.store,
    file: () => desk.current().file,
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

/** The bytes of a SQLite store file and its write-ahead log: every row it holds, committed or not yet checkpointed. */
export function storeFileBytes(file: string): Buffer {
  const parts = [file, `${file}-wal`].filter((part) => existsSync(part)).map((part) => readFileSync(part));
  return Buffer.concat(parts);
}
