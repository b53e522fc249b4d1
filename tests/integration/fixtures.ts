import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveOrder } from '../../db/queries/derive.js';
import { findOrder } from '../../db/queries/order-detail.js';
import { openStore } from '../../db/open.js';
import type { OrderStore } from '../../db/store.js';
import { resolveActor } from '../../electron/main/app/actor.js';
import type { Actor } from '../../electron/main/app/context.js';
import { createApp, type App, type CreateAppOptions } from '../../electron/main/app/create-app.js';
import type { CallName, CallInput, CallOutput, EventName } from '../../shared/contract/index.js';
import type { OrderStatus } from '../../shared/domain/order-status.js';
import type { Result } from '../../shared/domain/result.js';

export const NOW = Date.UTC(2026, 10, 27, 12);
const DAY = 86_400_000;

const address = (name: string) =>
  JSON.stringify({ name, street: '12 Elm St', street2: null, city: 'Portland', state: 'OR', zip: '97201', country: 'US', phone: null });

export interface ItemSpec {
  storeId: number;
  sku: string;
  quantity: number;
  digital?: boolean;
  fulfilled?: number;
  /** Defaults to "0" + sku. */
  barcode?: string | null;
}

export interface OrderSpec {
  number: string;
  status: OrderStatus;
  paid: boolean;
  ageDays: number;
  items: ItemSpec[];
  customerName?: string;
}

/** A small, exact marketplace: two stores, two sellers, an admin, a customer, hand-made orders. */
export class Fixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'order-desk-it-'));
  readonly file = join(this.dir, 'desk.sqlite');
  readonly store: OrderStore = openStore(this.file);
  readonly events: Array<{ event: EventName; payload: unknown }> = [];
  /** The app's clock: move it to expire claims and the like. */
  clock = NOW;
  readonly app: App;
  private ids = 0;
  readonly storeA: number;
  readonly storeB: number;
  readonly admin: Actor;
  readonly sellerA: Actor;
  readonly sellerB: Actor;
  readonly customerId: number;

  constructor(options: { notifications?: CreateAppOptions['notifications'] } = {}) {
    this.app = createApp(this.store, {
      now: () => this.clock,
      newId: () => `00000000-0000-4000-8000-${String(++this.ids).padStart(12, '0')}`,
      selfCheck: true,
      logError: () => {},
      notifications: options.notifications,
    });
    this.app.subscribe((event, payload) => this.events.push({ event, payload }));
    const s = this.store.sqlite;
    const insertStore = s.prepare('INSERT INTO stores (slug, name, is_demo, created_at) VALUES (?, ?, 0, ?)');
    this.storeA = Number(insertStore.run('alder', 'Alder Goods', NOW).lastInsertRowid);
    this.storeB = Number(insertStore.run('birch', 'Birch & Co', NOW).lastInsertRowid);
    const insertUser = s.prepare('INSERT INTO users (email, name, role, created_at) VALUES (?, ?, ?, ?)');
    const adminId = Number(insertUser.run('admin@example.com', 'Ada Admin', 'admin', NOW).lastInsertRowid);
    const sellerAId = Number(insertUser.run('sam@alder.example.com', 'Sam Seller', 'seller', NOW).lastInsertRowid);
    const sellerBId = Number(insertUser.run('bo@birch.example.com', 'Bo Seller', 'seller', NOW).lastInsertRowid);
    this.customerId = Number(insertUser.run('casey@example.com', 'Casey Customer', 'customer', NOW).lastInsertRowid);
    s.prepare('INSERT INTO store_members (store_id, user_id) VALUES (?, ?)').run(this.storeA, sellerAId);
    s.prepare('INSERT INTO store_members (store_id, user_id) VALUES (?, ?)').run(this.storeB, sellerBId);
    const station = { id: 'station-1', name: 'Bench 1' };
    this.admin = resolveActor(this.store, adminId, station)!;
    this.sellerA = resolveActor(this.store, sellerAId, station)!;
    this.sellerB = resolveActor(this.store, sellerBId, station)!;
  }

  /**
   * A paid marketplace order shared by the two sellers: Alder's bowl (store A, 1) and Birch's
   * spoons (store B, 2), for tests of what each seller may see and do on someone else's order.
   */
  addSharedOrder(number: string, ageDays = 1): number {
    return this.addOrder({
      number,
      status: 'processing',
      paid: true,
      ageDays,
      items: [
        { storeId: this.storeA, sku: 'ALD-BOWL', quantity: 1 },
        { storeId: this.storeB, sku: 'BIR-SPOON', quantity: 2 },
      ],
    });
  }

  addOrder(spec: OrderSpec): number {
    const s = this.store.sqlite;
    const subtotal = spec.items.reduce((sum, item) => sum + item.quantity * 1500, 0);
    const placedAt = NOW - spec.ageDays * DAY;
    const orderId = Number(
      s
        .prepare(
          `INSERT INTO orders (number, customer_id, customer_name, customer_email, status, fulfillment_status, payment_status, queue,
             billing_address, shipping_address, shipping_method, subtotal_cents, shipping_cents, total_cents, captured_cents, placed_at, paid_at, updated_at)
           VALUES (?, ?, ?, 'casey@example.com', ?, 'unfulfilled', 'pending', 'to_pack', ?, ?, 'Ground', ?, 500, ?, ?, ?, ?, ?)`,
        )
        .run(
          spec.number,
          this.customerId,
          spec.customerName ?? 'Casey Customer',
          spec.status,
          address('Casey Customer'),
          address('Casey Customer'),
          subtotal,
          subtotal + 500,
          spec.paid ? subtotal + 500 : 0,
          placedAt,
          spec.paid ? placedAt : null,
          placedAt,
        ).lastInsertRowid,
    );
    const insertItem = s.prepare(
      `INSERT INTO order_items (order_id, store_id, title, sku, barcode, is_digital, quantity, unit_price_cents, fulfilled_quantity)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1500, ?)`,
    );
    for (const item of spec.items) {
      const barcode = item.barcode === undefined ? `0${item.sku}` : item.barcode;
      insertItem.run(orderId, item.storeId, `Item ${item.sku}`, item.sku, barcode, item.digital ? 1 : 0, item.quantity, item.fulfilled ?? 0);
    }
    for (const storeId of new Set(spec.items.map((i) => i.storeId))) {
      s.prepare("INSERT INTO order_stores (order_id, store_id, queue, placed_at) VALUES (?, ?, 'to_pack', ?)").run(orderId, storeId, placedAt);
    }
    this.store.transaction(() => saveOrder(this.store, findOrder(this.store, orderId)!, {}, placedAt));
    return orderId;
  }

  /** The same person working at another packing station. */
  atStation(actor: Actor, id: string, name: string): Actor {
    return { ...actor, stationId: id, stationName: name };
  }

  call<N extends CallName>(actor: Actor | null, name: N, input: CallInput<N>): Result<CallOutput<N>> {
    return this.app.dispatch(actor, name, input) as Result<CallOutput<N>>;
  }

  /** Unwraps a successful call; fails the test with the error otherwise. */
  ok<N extends CallName>(actor: Actor, name: N, input: CallInput<N>): CallOutput<N> {
    const result = this.call(actor, name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.code} ${result.message}`);
    return result.value;
  }

  count(table: string): number {
    return (this.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  /** Row counts of every table a mutation may write: equal before and after = nothing changed. */
  snapshot(): Record<string, number | string> {
    const tables = ['orders', 'order_items', 'order_stores', 'shipments', 'shipment_items', 'order_events', 'outbox', 'notifications'];
    const counts: Record<string, number | string> = Object.fromEntries(tables.map((t) => [t, this.count(t)]));
    counts.orderState = JSON.stringify(this.store.sqlite.prepare('SELECT * FROM orders ORDER BY id').all());
    counts.itemState = JSON.stringify(this.store.sqlite.prepare('SELECT * FROM order_items ORDER BY id').all());
    return counts;
  }

  close(): void {
    this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
