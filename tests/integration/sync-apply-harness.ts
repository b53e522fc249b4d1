import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../db/open.js';
import type { OrderStore } from '../../db/store.js';
import { resolveActor } from '../../electron/main/app/actor.js';
import type { Actor } from '../../electron/main/app/context.js';
import { createApp, type App } from '../../electron/main/app/create-app.js';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/index.js';
import type { OrderDoc, StaffDoc, StoreDoc } from '../../shared/contract/sync-protocol.js';
import type { Result } from '../../shared/domain/result.js';

export const NOW = Date.UTC(2026, 11, 8, 12);
export const HOUR = 3_600_000;

/** The marketplace as the server knows it: two stores, an admin, a seller for each, one customer. */
export const STORE_A: StoreDoc = { id: 10, slug: 'alder', name: 'Alder Goods' };
export const STORE_B: StoreDoc = { id: 20, slug: 'birch', name: 'Birch & Co' };
export const ADMIN: StaffDoc = { id: 1, name: 'Ada Admin', email: 'admin@example.com', role: 'admin', storeIds: [] };
export const SELLER_A: StaffDoc = { id: 2, name: 'Sam Seller', email: 'sam@alder.example.com', role: 'seller', storeIds: [10] };
export const SELLER_B: StaffDoc = { id: 3, name: 'Bo Seller', email: 'bo@birch.example.com', role: 'seller', storeIds: [20] };

const address = { name: 'Casey Customer', street: '12 Elm St', street2: null, city: 'Portland', state: 'OR', zip: '97201', country: 'US', phone: null } as const;

/**
 * A paid two-store order as the server's admin copy: Alder's bowl (item 1001, store 10) and
 * Birch's two spoons (item 1002, store 20), with a "placed" and a "paid" timeline entry.
 */
export function sharedOrderDoc(id = 100, overrides: Partial<OrderDoc> = {}): OrderDoc {
  const placedAt = NOW - 24 * HOUR;
  return {
    id,
    number: `SH-${id}`,
    storeIds: [10, 20],
    customer: { id: 50, name: 'Casey Customer', email: 'casey@example.com', phone: null, smsConsent: false },
    status: 'processing',
    fulfillmentStatus: 'unfulfilled',
    paymentStatus: 'paid',
    onHold: false,
    holdReason: null,
    heldAt: null,
    heldBy: null,
    billingAddress: { ...address },
    shippingAddress: { ...address },
    shippingMethod: 'Ground',
    currency: 'USD',
    subtotalCents: 4500,
    shippingCents: 500,
    taxCents: 0,
    discountCents: 0,
    totalCents: 5000,
    capturedCents: 5000,
    refundedCents: 0,
    paymentFailed: false,
    stripePaymentIntentId: `pi_${id}`,
    customerNote: null,
    estimatedDeliveryDate: null,
    cancellationReason: null,
    cancelledAt: null,
    cancelledBy: null,
    placedAt,
    paidAt: placedAt,
    fulfilledAt: null,
    shippedAt: null,
    deliveredAt: null,
    items: [
      {
        id: id * 10 + 1, storeId: 10, productId: null, title: 'Alder bowl', sku: 'ALD-BOWL', barcode: '0ALD-BOWL', isDigital: false,
        quantity: 1, unitPriceCents: 1500, packedQuantity: 0, fulfilledQuantity: 0, returnedQuantity: 0,
      },
      {
        id: id * 10 + 2, storeId: 20, productId: null, title: 'Birch spoon', sku: 'BIR-SPOON', barcode: '0BIR-SPOON', isDigital: false,
        quantity: 2, unitPriceCents: 1500, packedQuantity: 0, fulfilledQuantity: 0, returnedQuantity: 0,
      },
    ],
    shipments: [],
    events: [
      { id: id * 100 + 1, at: placedAt, actorId: null, actorName: 'Storefront', stationId: null, stationName: null, kind: 'placed', data: {}, storeId: null },
      { id: id * 100 + 2, at: placedAt, actorId: null, actorName: 'Stripe', stationId: null, stationName: null, kind: 'paid', data: { amountCents: 5000 }, storeId: null },
    ],
    cancellationRequests: [],
    returnRequests: [],
    ...overrides,
  };
}

/** The seller of store A's copy of an order: only Alder's items, parcels and entries. */
export function sellerCopy(doc: OrderDoc, storeId: number): OrderDoc {
  return {
    ...doc,
    storeIds: [storeId],
    items: doc.items.filter((item) => item.storeId === storeId),
    shipments: doc.shipments.filter((shipment) => shipment.storeId === storeId),
    events: doc.events.filter((event) => event.storeId === null || event.storeId === storeId),
  };
}

export const put = (type: 'order' | 'store' | 'staff', data: { id: number }, version: number) => ({ op: 'put', type, id: data.id, version, data });
export const del = (type: 'order' | 'store' | 'staff', id: number, version: number) => ({ op: 'del', type, id, version });

/** A desk store file that syncs with a server: starts empty, as a signed-in desk's does. */
export class SyncDesk {
  readonly dir = mkdtempSync(join(tmpdir(), 'order-desk-sync-'));
  readonly file = join(this.dir, 'desk.sqlite');
  readonly store: OrderStore = openStore(this.file);
  readonly app: App;
  readonly errors: string[] = [];
  clock = NOW;
  private ids = 0;

  constructor() {
    this.app = createApp(this.store, {
      now: () => this.clock,
      newId: () => `00000000-0000-4000-8000-${String(++this.ids).padStart(12, '0')}`,
      selfCheck: true,
      logError: (message) => this.errors.push(message),
    });
  }

  get ctx() {
    return this.app.ctx;
  }

  actor(userId: number, station = { id: 'station-1', name: 'Bench 1' }): Actor {
    const actor = resolveActor(this.store, userId, station);
    if (!actor) throw new Error(`user ${userId} is not staff on this desk`);
    return actor;
  }

  call<N extends CallName>(actor: Actor, name: N, input: CallInput<N>): Result<CallOutput<N>> {
    return this.app.dispatch(actor, name, input) as Result<CallOutput<N>>;
  }

  ok<N extends CallName>(actor: Actor, name: N, input: CallInput<N>): CallOutput<N> {
    const result = this.call(actor, name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.code} ${result.message}`);
    return result.value;
  }

  rows<R>(sql: string, ...params: unknown[]): R[] {
    return this.store.sqlite.prepare(sql).all(...params) as R[];
  }

  value(sql: string, ...params: unknown[]): unknown {
    return this.store.sqlite.prepare(sql).pluck().get(...params);
  }

  close(): void {
    this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
