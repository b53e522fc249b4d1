import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderDocOf } from '../../db/queries/sync-base.js';
import {
  applyPulledPage,
  listRejections,
  markPushed,
  pendingSummary,
  readCursor,
  unsyncedOrderIds,
} from '../../electron/main/app/sync/rebase.js';
import type { OrderDoc } from '../../shared/contract/sync-protocol.js';
import { ADMIN, del, HOUR, NOW, put, SELLER_A, SELLER_B, sellerCopy, sharedOrderDoc, STORE_A, STORE_B, SyncDesk } from './sync-apply-harness.js';

const PARCEL = '11111111-1111-4111-8111-111111111111';
const UPS = '1Z999AA10123456784';

let desk: SyncDesk;
beforeEach(() => {
  desk = new SyncDesk();
});
afterEach(() => desk.close());

/** The server's people and stores, as the first page of a first pull brings them. */
function pullPeople(cursor = 'c1'): void {
  applyPulledPage(desk.ctx, [put('store', STORE_A, 1), put('store', STORE_B, 2), put('staff', ADMIN, 3), put('staff', SELLER_A, 4), put('staff', SELLER_B, 5)], {
    cursor,
  });
}

/** The order as the server has it once the desk's parcel of Alder's bowl is applied at `version`. */
function shippedDoc(base: OrderDoc, shippedAt: number): OrderDoc {
  return {
    ...base,
    fulfillmentStatus: 'partially_fulfilled',
    items: base.items.map((item) => (item.storeId === 10 ? { ...item, packedQuantity: 1, fulfilledQuantity: 1 } : item)),
    shipments: [
      {
        id: PARCEL, storeId: 10, carrier: 'ups', carrierName: 'UPS', trackingNumber: UPS, trackingUrl: `https://www.ups.com/track?tracknum=${UPS}`,
        method: 'Ground', shippedAt, deliveredAt: null, createdBy: ADMIN.id, stationId: 'station-1', items: [{ itemId: base.items[0]!.id, quantity: 1 }],
      },
    ],
    events: [
      ...base.events,
      {
        id: 90_001, at: shippedAt, actorId: ADMIN.id, actorName: 'Ada Admin', stationId: 'station-1', stationName: 'Bench 1', kind: 'shipped',
        data: { shipmentId: PARCEL }, storeId: 10,
      },
    ],
  };
}

describe('applying a pulled page', () => {
  it('shows a pulled order in the queue and on its page exactly as the server says', () => {
    pullPeople();
    const doc = sharedOrderDoc(100, {
      onHold: true,
      holdReason: 'Address check',
      heldAt: NOW - HOUR,
      heldBy: ADMIN.id,
      customerNote: 'Leave at the door',
      cancellationRequests: [
        { id: 'cr-1', requestedBy: 50, reason: 'Changed my mind', status: 'rejected', decidedBy: ADMIN.id, decidedAt: NOW - HOUR, decisionNote: 'Already packed', createdAt: NOW - 2 * HOUR },
      ],
      returnRequests: [
        {
          id: 'rr-1', requestedBy: 50, reason: 'damaged', description: 'Cracked rim', status: 'pending', refundCents: null, decidedBy: null,
          decidedAt: null, decisionNote: null, completedAt: null, createdAt: NOW - HOUR, items: [{ itemId: 1001, quantity: 1 }],
        },
      ],
    });
    doc.events.push({ id: 10_003, at: NOW - HOUR, actorId: ADMIN.id, actorName: 'Ada Admin', stationId: 's9', stationName: 'Office', kind: 'hold_placed', data: { reason: 'Address check' }, storeId: null });
    const result = applyPulledPage(desk.ctx, [put('order', doc, 42)], { cursor: 'c2', lastMutationId: null });
    expect(result).toEqual({ applied: 1, quarantined: 0, orderIds: [100] });
    expect(readCursor(desk.store)).toBe('c2');

    const admin = desk.actor(ADMIN.id);
    const held = desk.ok(admin, 'orders.list', { view: 'on_hold' });
    expect(held.rows.map((row) => [row.id, row.number, row.queue, row.holdReason])).toEqual([[100, 'SH-100', 'on_hold', 'Address check']]);
    expect(desk.ok(admin, 'orders.list', { view: 'to_pack' }).rows).toEqual([]);
    expect(desk.ok(admin, 'orders.list', { view: 'on_hold', search: 'BIR-SPOON' }).rows.map((row) => row.id)).toEqual([100]);

    const page = desk.ok(admin, 'orders.get', { orderId: 100 });
    expect(page).toMatchObject({
      number: 'SH-100',
      status: 'processing',
      paymentStatus: 'paid',
      fulfillmentStatus: 'unfulfilled',
      onHold: true,
      holdReason: 'Address check',
      customer: { id: 50, name: 'Casey Customer', email: 'casey@example.com' },
      shippingAddress: { city: 'Portland', zip: '97201' },
      customerNote: 'Leave at the door',
      money: { scope: 'order', totalCents: 5000, capturedCents: 5000 },
    });
    expect(page.items.map((item) => [item.id, item.storeName, item.sku, item.quantity])).toEqual([
      [1001, 'Alder Goods', 'ALD-BOWL', 1],
      [1002, 'Birch & Co', 'BIR-SPOON', 2],
    ]);
    expect(page.events.map((event) => [event.id, event.kind, event.actorName])).toEqual(
      expect.arrayContaining([
        [10_001, 'placed', 'Storefront'],
        [10_002, 'paid', 'Stripe'],
        [10_003, 'hold_placed', 'Ada Admin'],
      ]),
    );
    expect(desk.value('SELECT server_version FROM orders WHERE id = 100')).toBe(42);
    // Written and read back, the order is the server's doc, requests and all.
    expect(orderDocOf(desk.store, 100)).toEqual(doc);
    expect(desk.store.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it("replaces an order's rows with a newer doc, keeping the desk's own rows about it", () => {
    pullPeople();
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c2' });
    const admin = desk.actor(ADMIN.id);
    desk.ok(admin, 'orders.claim', { orderId: 100 });
    const newer = shippedDoc(sharedOrderDoc(100), NOW - HOUR);
    applyPulledPage(desk.ctx, [put('order', newer, 11)], { cursor: 'c3' });
    expect(desk.rows('SELECT id FROM shipments')).toEqual([{ id: PARCEL }]);
    expect(desk.value('SELECT count(*) FROM order_events WHERE order_id = 100')).toBe(3);
    expect(desk.value('SELECT fulfillment_status FROM orders WHERE id = 100')).toBe('partially_fulfilled');
    expect(desk.value('SELECT count(*) FROM order_claims WHERE order_id = 100')).toBe(2);
    expect(desk.ok(admin, 'orders.list', { view: 'to_pack', search: UPS }).rows.map((row) => row.id)).toEqual([100]);

    applyPulledPage(desk.ctx, [del('order', 100, 12)], { cursor: 'c4' });
    expect(desk.value('SELECT count(*) FROM orders')).toBe(0);
    expect(desk.value('SELECT count(*) FROM order_items')).toBe(0);
    expect(desk.value('SELECT count(*) FROM order_search')).toBe(0);
    expect(desk.store.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it("leaves no row of another store after a seller's page", () => {
    // What the file held before (an admin's copy): both stores' items and parcels.
    pullPeople();
    const full = shippedDoc(sharedOrderDoc(100), NOW - HOUR);
    applyPulledPage(desk.ctx, [put('order', full, 10)], { cursor: 'c2' });
    // The seller's copy: only Alder's part, and an entry by an admin the seller's scope doesn't deliver.
    const mine = sellerCopy({ ...full, heldBy: 77 }, 10);
    mine.events.push({ id: 10_050, at: NOW, actorId: 77, actorName: 'Other Admin', stationId: null, stationName: null, kind: 'note', data: { body: 'hi' }, storeId: 10 });
    const seller = new SyncDesk();
    try {
      for (const target of [desk, seller]) {
        const result = applyPulledPage(target.ctx, [put('staff', SELLER_A, 4), put('order', mine, 11)], { cursor: 'c9' });
        expect(result.quarantined).toBe(0);
        for (const table of ['order_items', 'order_stores', 'shipments', 'order_events']) {
          expect(target.value(`SELECT count(*) FROM ${table} WHERE order_id = 100 AND store_id = 20`), table).toBe(0);
        }
        expect(target.value('SELECT name FROM users WHERE id = 77')).toBe('Other Admin');
        expect(target.store.sqlite.pragma('foreign_key_check')).toEqual([]);
      }
      // A fresh seller's file never even learns of store B.
      expect(seller.rows('SELECT id FROM stores')).toEqual([{ id: 10 }]);
      const page = seller.ok(seller.actor(SELLER_A.id), 'orders.get', { orderId: 100 });
      expect(page.items.map((item) => item.sku)).toEqual(['ALD-BOWL']);
    } finally {
      seller.close();
    }
  });

  it('quarantines a malformed row and applies the rest', () => {
    pullPeople();
    const broken = { ...sharedOrderDoc(200), totalCents: -5 };
    const taken = sharedOrderDoc(400, { number: 'SH-100' }); // parses, but its number is another order's
    const result = applyPulledPage(
      desk.ctx,
      [put('order', sharedOrderDoc(100), 10), put('order', broken, 11), 'not a row', { op: 'put', type: 'invoice', id: 5, version: 12 }, put('order', sharedOrderDoc(300), 13), put('order', taken, 14)],
      { cursor: 'c2' },
    );
    expect(result).toEqual({ applied: 2, quarantined: 4, orderIds: [100, 300] });
    expect(desk.rows('SELECT id FROM orders ORDER BY id')).toEqual([{ id: 100 }, { id: 300 }]);
    const set = desk.rows<{ row_type: string | null; row_id: number | null; error: string }>('SELECT row_type, row_id, error FROM sync_quarantine ORDER BY id');
    expect(set.map((row) => [row.row_type, row.row_id])).toEqual([
      ['order', 200],
      [null, null],
      ['invoice', 5],
      ['order', 400],
    ]);
    expect(set[0]!.error).toContain('totalCents');
    expect(set[3]!.error).toMatch(/UNIQUE/);
    // Nothing of the refused rows was left behind, and the page's cursor moved.
    expect(desk.value('SELECT count(*) FROM order_items WHERE order_id IN (200, 400)')).toBe(0);
    expect(readCursor(desk.store)).toBe('c2');
    expect(desk.errors.length).toBe(4);
  });

  it('still applies a row whose store a set-aside row brought first', () => {
    pullPeople();
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c2' });
    const atStore30 = (id: number, number: string): OrderDoc => {
      const doc = sharedOrderDoc(id, { number });
      return { ...doc, storeIds: [30], items: doc.items.map((item) => ({ ...item, storeId: 30 })) };
    };
    // The first names store 30 (unknown here) but can't be written: its number is taken.
    const result = applyPulledPage(desk.ctx, [put('order', atStore30(400, 'SH-100'), 11), put('order', atStore30(500, 'SH-500'), 12)], { cursor: 'c3' });
    expect(result).toEqual({ applied: 1, quarantined: 1, orderIds: [500] });
    expect(desk.rows('SELECT store_id FROM order_stores WHERE order_id = 500')).toEqual([{ store_id: 30 }]);
    expect(desk.store.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('leaves the store and the cursor as they were when the page fails half-way', () => {
    pullPeople();
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c2' });
    const admin = desk.actor(ADMIN.id);
    desk.ok(admin, 'orders.placeHold', { orderId: 100, reason: 'Check stock' });
    const before = JSON.stringify([
      desk.rows('SELECT * FROM orders'),
      desk.rows('SELECT * FROM order_events'),
      desk.rows('SELECT * FROM outbox'),
      desk.rows('SELECT * FROM sync_state'),
      desk.rows('SELECT * FROM sync_base'),
    ]);
    // The process dies after every row is written, just before the cursor is.
    desk.store.tracer = (sql) => {
      if (sql.includes('sync_state')) throw new Error('killed');
    };
    const lastMutation = desk.value('SELECT mutation_id FROM outbox') as string;
    expect(() =>
      applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100, { customerNote: 'new' }), 20), put('order', sharedOrderDoc(300), 21)], {
        cursor: 'c3',
        lastMutationId: lastMutation,
      }),
    ).toThrow('killed');
    desk.store.tracer = null;
    expect(
      JSON.stringify([
        desk.rows('SELECT * FROM orders'),
        desk.rows('SELECT * FROM order_events'),
        desk.rows('SELECT * FROM outbox'),
        desk.rows('SELECT * FROM sync_state'),
        desk.rows('SELECT * FROM sync_base'),
      ]),
    ).toBe(before);
    expect(readCursor(desk.store)).toBe('c2');
  });
});

describe('rebasing pending changes on a pull', () => {
  it('keeps a pending ship visible over an older server state, and does not double it once the server has it', () => {
    pullPeople();
    const base = sharedOrderDoc(100);
    applyPulledPage(desk.ctx, [put('order', base, 10)], { cursor: 'c2' });
    const admin = desk.actor(ADMIN.id);
    desk.clock = NOW - HOUR;
    desk.ok(admin, 'orders.ship', {
      orderId: 100, shipmentId: PARCEL, carrier: 'ups', trackingNumber: UPS, items: [{ itemId: 1001, quantity: 1 }], verificationOverride: 'Counted by hand',
    });
    expect(pendingSummary(desk.store)).toEqual({ pending: 1, oldestPendingAt: NOW - HOUR });
    expect([...unsyncedOrderIds(desk.store, [100, 300])]).toEqual([100]);
    const shippedEmails = () => desk.value("SELECT count(*) FROM notifications WHERE kind = 'shipped'");
    expect(shippedEmails()).toBe(1);

    // The server moved on without the parcel (someone noted something): the desk shows both.
    desk.clock = NOW;
    const noted = { ...base, events: [...base.events, { id: 10_010, at: NOW - 2 * HOUR, actorId: SELLER_B.id, actorName: 'Bo Seller', stationId: null, stationName: null, kind: 'note', data: { body: 'Gift wrap' }, storeId: null }] };
    applyPulledPage(desk.ctx, [put('order', noted, 11)], { cursor: 'c3' });
    const page = desk.ok(admin, 'orders.get', { orderId: 100 });
    expect(page.shipments.map((shipment) => shipment.id)).toEqual([PARCEL]);
    expect(page.fulfillmentStatus).toBe('partially_fulfilled');
    expect(page.items.find((item) => item.id === 1001)!.fulfilledQuantity).toBe(1);
    expect(page.events.map((event) => event.kind).sort()).toEqual(['note', 'paid', 'placed', 'shipped']);
    // Replayed as it was made: at its own time, by its author, from its bench.
    expect(desk.rows("SELECT at, actor_name, station_name FROM order_events WHERE kind = 'shipped'")).toEqual([
      { at: NOW - HOUR, actor_name: 'Ada Admin', station_name: 'Bench 1' },
    ]);
    expect(desk.value('SELECT count(*) FROM outbox')).toBe(1);
    expect(shippedEmails()).toBe(1);
    expect(desk.value('SELECT version FROM sync_base WHERE order_id = 100')).toBe(11);

    // The server applies it (version 12) and the next pull brings its doc with the parcel.
    const mutationId = desk.value('SELECT mutation_id FROM outbox') as string;
    markPushed(desk.ctx, [{ id: mutationId, status: 'applied', version: 12 }]);
    expect(pendingSummary(desk.store)).toEqual({ pending: 0, oldestPendingAt: null });
    expect([...unsyncedOrderIds(desk.store, [100])]).toEqual([]);
    applyPulledPage(desk.ctx, [put('order', shippedDoc(noted, NOW - HOUR), 12)], { cursor: 'c4', lastMutationId: mutationId });
    expect(desk.value('SELECT count(*) FROM shipments')).toBe(1);
    expect(desk.value('SELECT count(*) FROM shipment_items')).toBe(1);
    expect(desk.value("SELECT count(*) FROM order_events WHERE kind = 'shipped'")).toBe(1);
    expect(desk.value('SELECT fulfilled_quantity FROM order_items WHERE id = 1001')).toBe(1);
    expect(desk.value('SELECT count(*) FROM sync_base')).toBe(0);
    expect(shippedEmails()).toBe(1);

    // A pull that still predates the server's version of the change replays it; one that includes it doesn't.
    applyPulledPage(desk.ctx, [put('order', noted, 11)], { cursor: 'c5' });
    expect(desk.value('SELECT count(*) FROM shipments')).toBe(1);
    expect(desk.value("SELECT count(*) FROM order_events WHERE kind = 'shipped'")).toBe(1);
  });

  it('rebases once, on the last doc, when a page holds an order twice', () => {
    pullPeople();
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c2' });
    desk.ok(desk.actor(ADMIN.id), 'orders.addNote', { orderId: 100, body: 'Fragile' });
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 11), put('order', sharedOrderDoc(100, { customerNote: 'later' }), 12)], { cursor: 'c3' });
    expect(desk.value("SELECT count(*) FROM order_events WHERE kind = 'note'")).toBe(1);
    expect(desk.rows('SELECT customer_note, server_version FROM orders')).toEqual([{ customer_note: 'later', server_version: 12 }]);
    expect(desk.value('SELECT version FROM sync_base WHERE order_id = 100')).toBe(12);
  });

  it('leaves a pending change the new state refuses as it is, for the server to answer', () => {
    pullPeople();
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c2' });
    desk.ok(desk.actor(ADMIN.id), 'orders.placeHold', { orderId: 100, reason: 'Check stock' });
    // Meanwhile the order was cancelled on the server: a hold no longer applies.
    const cancelled = sharedOrderDoc(100, { status: 'cancelled', cancelledAt: NOW, cancelledBy: ADMIN.id, cancellationReason: 'Customer asked' });
    applyPulledPage(desk.ctx, [put('order', cancelled, 11)], { cursor: 'c3' });
    expect(desk.rows('SELECT status, on_hold, queue FROM orders')).toEqual([{ status: 'cancelled', on_hold: 0, queue: 'closed' }]);
    expect(desk.rows('SELECT status FROM outbox')).toEqual([{ status: 'pending' }]);
    expect(desk.value("SELECT count(*) FROM order_events WHERE kind = 'hold_placed'")).toBe(0);
    expect(desk.value('SELECT count(*) FROM sync_rejections')).toBe(0);
  });

  it('undoes a change the server rejects, lists it with the reason, and keeps the changes made after it', () => {
    pullPeople();
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c2' });
    const seller = desk.actor(SELLER_A.id);
    desk.ok(seller, 'orders.placeHold', { orderId: 100, reason: 'Check stock' });
    desk.ok(seller, 'orders.addNote', { orderId: 100, body: 'Called the customer' });
    const [hold, note] = desk.rows<{ mutation_id: string }>('SELECT mutation_id FROM outbox ORDER BY id').map((row) => row.mutation_id);
    desk.clock = NOW + HOUR;

    const result = markPushed(desk.ctx, [
      { id: hold!, status: 'rejected', code: 'INVALID_TRANSITION', message: 'This order was cancelled by the customer.' },
    ]);
    expect(result.rejectedOrderIds).toEqual([100]);
    expect(desk.rows('SELECT on_hold, queue FROM orders')).toEqual([{ on_hold: 0, queue: 'to_pack' }]);
    expect(desk.value("SELECT count(*) FROM order_events WHERE kind = 'hold_placed'")).toBe(0);
    expect(desk.value("SELECT count(*) FROM order_events WHERE kind = 'note'")).toBe(1);
    expect(desk.rows('SELECT mutation_id, status, result_code FROM outbox ORDER BY id')).toEqual([
      { mutation_id: hold, status: 'rejected', result_code: 'INVALID_TRANSITION' },
      { mutation_id: note, status: 'pending', result_code: null },
    ]);
    expect(listRejections(desk.store, { orderId: 100 })).toEqual([
      {
        mutation_id: hold,
        summary: 'Put on hold order #SH-100',
        order_id: 100,
        order_number: 'SH-100',
        code: 'INVALID_TRANSITION',
        message: 'This order was cancelled by the customer.',
        made_at: NOW,
        made_by_name: 'Sam Seller',
        rejected_at: NOW + HOUR,
      },
    ]);
    // Answered twice (a retried push): still one entry.
    markPushed(desk.ctx, [{ id: hold!, status: 'rejected', code: 'INVALID_TRANSITION', message: 'again' }]);
    expect(desk.value('SELECT count(*) FROM sync_rejections')).toBe(1);

    // A refused change is never replayed, whatever the server's doc.
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c3' });
    expect(desk.value('SELECT on_hold FROM orders')).toBe(0);
    expect(desk.value("SELECT count(*) FROM order_events WHERE kind = 'note'")).toBe(1);
  });

  it('records a conflict answer as a conflicts row, applied at its version', () => {
    pullPeople();
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c2' });
    desk.ok(desk.actor(ADMIN.id), 'orders.addNote', { orderId: 100, body: 'Fragile' });
    const id = desk.value('SELECT mutation_id FROM outbox') as string;
    markPushed(desk.ctx, [{ id, status: 'conflict', code: 'CANCELLED_ON_SERVER', message: 'The order was cancelled.', version: 15 }]);
    expect(desk.rows('SELECT status, server_version FROM outbox')).toEqual([{ status: 'conflict', server_version: 15 }]);
    expect(desk.rows('SELECT order_id, mutation_id, code FROM conflicts')).toEqual([{ order_id: 100, mutation_id: id, code: 'CANCELLED_ON_SERVER' }]);
    expect(pendingSummary(desk.store).pending).toBe(0);
  });

  it('settles pending changes up to the last mutation the server applied', () => {
    pullPeople();
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c2' });
    const admin = desk.actor(ADMIN.id);
    desk.ok(admin, 'orders.addNote', { orderId: 100, body: 'one' });
    desk.ok(admin, 'orders.addNote', { orderId: 100, body: 'two' });
    const [first] = desk.rows<{ mutation_id: string }>('SELECT mutation_id FROM outbox ORDER BY id').map((row) => row.mutation_id);
    // The server's doc holds the first note (its own entry id); the second is still the desk's alone.
    const doc = sharedOrderDoc(100);
    doc.events.push({ id: 10_020, at: NOW, actorId: ADMIN.id, actorName: 'Ada Admin', stationId: 'station-1', stationName: 'Bench 1', kind: 'note', data: { body: 'one' }, storeId: null });
    applyPulledPage(desk.ctx, [put('order', doc, 13)], { cursor: 'c3', lastMutationId: first });
    expect(desk.rows('SELECT status FROM outbox ORDER BY id')).toEqual([{ status: 'pushed' }, { status: 'pending' }]);
    const notes = desk.rows<{ data: string }>("SELECT data FROM order_events WHERE kind = 'note' ORDER BY id").map((row) => JSON.parse(row.data).body as string);
    expect(notes).toEqual(['one', 'two']);
  });
});

describe('the desk side of sync around the write path', () => {
  it("records each change's order, author and station in the outbox, and keeps the server's copy of a synced order only", () => {
    pullPeople();
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c2' });
    const seller = desk.actor(SELLER_A.id, { id: 'bench-7', name: 'Bench 7' });
    desk.ok(seller, 'orders.addNote', { orderId: 100, body: 'Fragile' });
    expect(desk.rows('SELECT order_id, actor_id, actor_name, station_id, station_name, status FROM outbox')).toEqual([
      { order_id: 100, actor_id: SELLER_A.id, actor_name: 'Sam Seller', station_id: 'bench-7', station_name: 'Bench 7', status: 'pending' },
    ]);
    // The base is the order as it was before the note: the server's doc.
    const base = JSON.parse(desk.value('SELECT doc FROM sync_base WHERE order_id = 100') as string) as OrderDoc;
    expect(base).toEqual(sharedOrderDoc(100));

    // An order that never came from a server (server_version 0, as in the demo store) needs no copy.
    desk.store.sqlite.prepare('UPDATE orders SET server_version = 0 WHERE id = 100').run();
    desk.store.sqlite.prepare('DELETE FROM sync_base').run();
    desk.ok(seller, 'orders.addNote', { orderId: 100, body: 'Again' });
    expect(desk.value('SELECT count(*) FROM sync_base')).toBe(0);
  });

  it("moves a replayed entry out of the way of a server entry with the same id on another order", () => {
    pullPeople();
    applyPulledPage(desk.ctx, [put('order', sharedOrderDoc(100), 10)], { cursor: 'c2' });
    desk.ok(desk.actor(ADMIN.id), 'orders.addNote', { orderId: 100, body: 'Fragile' });
    const localId = desk.value("SELECT id FROM order_events WHERE kind = 'note'") as number;
    // The server numbers another order's entry with that very id.
    const other = sharedOrderDoc(300);
    other.events.push({ id: localId, at: NOW, actorId: null, actorName: 'Storefront', stationId: null, stationName: null, kind: 'note', data: { body: 'server' }, storeId: null });
    const result = applyPulledPage(desk.ctx, [put('order', other, 11)], { cursor: 'c3' });
    expect(result.quarantined).toBe(0);
    expect(desk.rows('SELECT order_id, data FROM order_events WHERE id = ?', localId)).toEqual([{ order_id: 300, data: '{"body":"server"}' }]);
    expect(desk.rows("SELECT order_id, data FROM order_events WHERE kind = 'note' AND order_id = 100")).toEqual([{ order_id: 100, data: '{"body":"Fragile"}' }]);
  });
});
