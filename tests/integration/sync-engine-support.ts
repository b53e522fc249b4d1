/**
 * Desks against a real shop backend (server/, on SQLite, on loopback) for the sync tests: each
 * desk is the composition root's desk host on its own folder of real SQLite files.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openStore } from '../../db/open.js';
import type { CallName, EventName, OrderDetail, SyncStatus } from '../../shared/contract/index.js';
import type { OrderDoc, StorefrontOrder } from '../../shared/contract/sync-protocol.js';
import type { Result } from '../../shared/domain/result.js';
import { memoryAccountVault, type AccountVault } from '../../electron/main/app/session/account.js';
import { createDeskHost, type DeskHost, type DeskHostOptions } from '../../electron/main/desk-host.js';
import { BACKENDS, PASSWORD, type Shop } from '../server/harness.js';

export { PASSWORD };
export const sqliteBackend = BACKENDS.find((backend) => backend.name === 'sqlite')!;

export interface TestDesk {
  name: string;
  dir: string;
  host: DeskHost;
  vault: AccountVault;
  events: Array<{ event: EventName; payload: unknown }>;
  call<T = unknown>(name: CallName, input?: unknown): Promise<Result<T>>;
  ok<T = unknown>(name: CallName, input?: unknown): Promise<T>;
  status(): Promise<SyncStatus>;
  signIn(shop: Shop, email: string, password?: string): Promise<Result<unknown>>;
  close(): Promise<void>;
}

/** A desk on a folder of its own: an empty "demo" store, then one store file per backend and scope. */
export async function openDesk(
  root: string,
  name: string,
  options: { vault?: AccountVault; engine?: DeskHostOptions['engine']; backend?: DeskHostOptions['backend'] } = {},
): Promise<TestDesk> {
  const dir = path.join(root, name);
  const vault = options.vault ?? memoryAccountVault();
  const events: TestDesk['events'] = [];
  const host = createDeskHost({
    station: { id: `station-${name}`, name: `Bench ${name}` },
    syncDir: path.join(dir, 'sync'),
    vault,
    openDemo: async () => {
      mkdirSync(dir, { recursive: true });
      return { store: openStore(path.join(dir, 'demo.sqlite')), actor: null };
    },
    openSyncStore: (file) => openStore(file),
    appOptions: () => ({ selfCheck: true, slipsDir: path.join(dir, 'slips') }),
    engine: { intervalMs: 60_000, wakeDelayMs: 0, ...options.engine },
    ...(options.backend ? { backend: options.backend } : {}),
    deviceName: `Bench ${name}`,
    logError: (message, error) => {
      // Failures the tests provoke (a stopped server) are answers, not exceptions: anything
      // logged here is a bug worth seeing.
      console.error(`[desk ${name}] ${message}`, error);
    },
  });
  host.subscribe((event, payload) => events.push({ event, payload }));
  await host.start();
  const call = async <T,>(callName: CallName, input: unknown = {}) => (await host.dispatch(callName, input)) as Result<T>;
  const desk: TestDesk = {
    name,
    dir,
    host,
    vault,
    events,
    call,
    async ok<T>(callName: CallName, input: unknown = {}) {
      const result = await call<T>(callName, input);
      if (!result.ok) throw new Error(`${name}: ${callName} failed: ${result.code} ${result.message}`);
      return result.value;
    },
    status: () => desk.ok<SyncStatus>('sync.status'),
    signIn: (shop, email, password = PASSWORD) => call('session.signIn', { serverUrl: shop.url, email, password }),
    close: () => host.stop(),
  };
  return desk;
}

export function tempRoot(): { root: string; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'desk-sync-'));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A paid order from the storefront, as Stripe Checkout completes it. */
export async function placeOrder(shop: Shop, storeId: number, sku = 'MUG-1', quantity = 1): Promise<{ orderId: number; number: string }> {
  const body: StorefrontOrder = {
    requestId: `req-${randomUUID()}`,
    customer: { name: 'Cora Customer', email: 'cora@example.com', phone: null, smsConsent: false },
    billingAddress: { name: 'Cora Customer', street: '1 Main St', street2: null, city: 'Albany', state: 'NY', zip: '12207', country: 'US', phone: null },
    shippingAddress: { name: 'Cora Customer', street: '1 Main St', street2: null, city: 'Albany', state: 'NY', zip: '12207', country: 'US', phone: null },
    shippingMethod: null,
    items: [{ storeId, sku, title: `Item ${sku}`, barcode: null, isDigital: false, quantity, unitPriceCents: 1500 }],
    shippingCents: 500,
    taxCents: 0,
    discountCents: 0,
    customerNote: null,
    payment: { paymentIntentId: `pi_${randomUUID()}`, capturedCents: 1500 * quantity + 500 },
  };
  const answer = await shop.call('POST', '/storefront/orders', body, { 'x-api-key': shop.apiKey });
  if (answer.status !== 201) throw new Error(`storefront order failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { orderId: number; number: string };
}

export const UPS_PARCEL = { carrier: 'ups', trackingNumber: '1Z999AA10123456784' } as const;
export const FEDEX_PARCEL = { carrier: 'fedex', trackingNumber: '123456789012' } as const;

/** The server's own copy of an order (unscoped), read from its database. */
export async function serverOrder(shop: Shop, orderId: number): Promise<OrderDoc> {
  const row = await shop.sdb.db.selectFrom('orders').select('doc').where('id', '=', orderId).executeTakeFirstOrThrow();
  return JSON.parse(row.doc) as OrderDoc;
}

export const shipInput = (orderId: number, tracking: { carrier: 'ups' | 'fedex'; trackingNumber: string } = UPS_PARCEL) => ({
  orderId,
  shipmentId: randomUUID(),
  ...tracking,
  notifyCustomer: false,
  verificationOverride: 'Checked by hand at the bench',
});

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const orderOf = (desk: TestDesk, orderId: number) => desk.call<OrderDetail>('orders.get', { orderId });
