import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up as init } from '../../db/migrations/2026-11-27-init.js';
import { openStore } from '../../db/open.js';
import { resolveActor } from '../../electron/main/app/actor.js';
import type { Actor } from '../../electron/main/app/context.js';
import { createApp } from '../../electron/main/app/create-app.js';
import type { OrderDetail } from '../../shared/contract/index.js';
import { Fixture, NOW } from './fixtures.js';

const UPS = '1Z999AA10123456784';
const FEDEX = '986578788855';
const PARCEL_A = '11111111-1111-4111-8111-111111111111';
const PARCEL_B = '22222222-2222-4222-8222-222222222222';
const NEW_ADDRESS = { name: 'Casey Customer', street: '1 Lake Rd', city: 'Bend', state: 'OR', zip: '97701' };

let f: Fixture;
let sam: Actor;
let samBackRoom: Actor;
let bo: Actor;
let ada: Actor;
let shared: number;

beforeEach(() => {
  f = new Fixture();
  // Each person at their own bench, so a leaked station name is told apart from one's own.
  sam = f.atStation(f.sellerA, 'alder-front', 'Alder Front Bench');
  samBackRoom = f.atStation(f.sellerA, 'alder-back', 'Alder Back Room');
  bo = f.atStation(f.sellerB, 'birch-dock', 'Birch Loading Dock');
  ada = f.atStation(f.admin, 'hq', 'Marketplace HQ');
  shared = f.addSharedOrder('SH-2000001');
});

afterEach(() => f.close());

const get = (actor: Actor, orderId = shared): OrderDetail => f.ok(actor, 'orders.get', { orderId });
const kinds = (order: OrderDetail) => order.events.map((e) => e.kind).sort();
const itemId = (sku: string, orderId = shared) => get(ada, orderId).items.find((i) => i.sku === sku)!.id;

/** Everything both sellers do on their halves of one order, plus the admin's order-wide work. */
function workTheOrder(): void {
  f.ok(ada, 'orders.placeHold', { orderId: shared, reason: 'Confirm the address with the customer' });
  f.ok(ada, 'orders.releaseHold', { orderId: shared });
  f.ok(ada, 'orders.updateShippingAddress', { orderId: shared, address: NEW_ADDRESS });
  f.ok(ada, 'orders.addNote', { orderId: shared, body: 'Customer asked for one box if possible.' });
  f.ok(ada, 'orders.resendConfirmation', { orderId: shared, requestId: '99999999-9999-4999-8999-999999999999' });

  f.ok(sam, 'orders.claim', { orderId: shared });
  f.ok(samBackRoom, 'orders.claim', { orderId: shared, takeOver: true });
  f.ok(bo, 'orders.claim', { orderId: shared });

  f.ok(samBackRoom, 'orders.markPacked', { orderId: shared, source: 'scan' });
  f.ok(samBackRoom, 'orders.addNote', { orderId: shared, body: 'Alder secret: bowl has a hairline chip, sent anyway.' });
  f.ok(samBackRoom, 'orders.ship', { orderId: shared, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS });

  f.ok(bo, 'orders.markPacked', { orderId: shared, source: 'manual' });
  f.ok(bo, 'orders.addNote', { orderId: shared, body: 'Birch secret: spoons from the seconds bin.' });
  f.ok(bo, 'orders.ship', { orderId: shared, shipmentId: PARCEL_B, carrier: 'fedex', trackingNumber: FEDEX });

  // Both parcels at once: one entry per store.
  f.ok(ada, 'orders.markDelivered', { orderId: shared });
}

const ORDER_WIDE = ['confirmation_resent', 'hold_placed', 'hold_released', 'note', 'shipping_address_changed'];
const OWN_PART = ['claim_taken_over', 'delivered', 'items_packed', 'note', 'shipped'];

describe("the timeline of a shared order, seen by each of its sellers", () => {
  it("shows a seller their own store's entries and the order-wide ones, never the other seller's", () => {
    workTheOrder();
    const forSam = get(sam);
    const forBo = get(bo);

    expect(kinds(forSam)).toEqual([...ORDER_WIDE, ...OWN_PART].sort());
    expect(kinds(forBo)).toEqual([...ORDER_WIDE, ...OWN_PART].filter((k) => k !== 'claim_taken_over').sort());

    // Sam's own entries are all there, whole.
    expect(forSam.events.find((e) => e.kind === 'shipped')).toMatchObject({
      actorName: 'Sam Seller',
      stationName: 'Alder Back Room',
      data: { shipmentId: PARCEL_A, trackingNumber: UPS, items: [{ itemId: itemId('ALD-BOWL'), sku: 'ALD-BOWL', quantity: 1 }] },
    });
    expect(forSam.events.find((e) => e.kind === 'claim_taken_over')?.data).toEqual({
      fromStationId: 'alder-front',
      fromStationName: 'Alder Front Bench',
      fromUserName: 'Sam Seller',
      claimedSince: NOW,
      storeIds: [f.storeA],
    });
    expect(forSam.events.find((e) => e.kind === 'delivered')?.data).toEqual({ shipmentIds: [PARCEL_A], orderDelivered: true, notifyCustomer: true });
    expect(forBo.events.find((e) => e.kind === 'delivered')?.data).toEqual({ shipmentIds: [PARCEL_B], orderDelivered: true, notifyCustomer: true });
    expect(forBo.events.find((e) => e.kind === 'items_packed')).toMatchObject({
      actorName: 'Bo Seller',
      stationName: 'Birch Loading Dock',
      data: { items: [{ sku: 'BIR-SPOON', quantity: 2 }], source: 'manual' },
    });

    // Nothing of the other seller anywhere in what the desk sends: names, benches, items,
    // tracking, parcels, notes.
    const samSees = JSON.stringify(forSam);
    for (const leak of ['Bo Seller', 'Birch Loading Dock', 'birch-dock', 'Birch & Co', 'BIR-SPOON', FEDEX, PARCEL_B, 'Birch secret']) {
      expect(samSees).not.toContain(leak);
    }
    const boSees = JSON.stringify(forBo);
    for (const leak of ['Sam Seller', 'Alder Back Room', 'Alder Front Bench', 'alder-', 'Alder Goods', 'ALD-BOWL', UPS, PARCEL_A, 'Alder secret']) {
      expect(boSees).not.toContain(leak);
    }
    // The order-wide entries reach both, with who made them.
    for (const order of [forSam, forBo]) {
      expect(order.events.filter((e) => e.actorName === 'Ada Admin').map((e) => e.kind).sort()).toEqual([...ORDER_WIDE, 'delivered'].sort());
      expect(JSON.stringify(order)).toContain('Customer asked for one box if possible.');
    }
  });

  it('shows an admin every entry of every store', () => {
    workTheOrder();
    const all = get(ada);
    const byKind = (kind: string) => all.events.filter((e) => e.kind === kind);
    expect(byKind('shipped').map((e) => e.data.trackingNumber).sort()).toEqual([FEDEX, UPS].sort());
    expect(byKind('items_packed').map((e) => e.actorName).sort()).toEqual(['Bo Seller', 'Sam Seller']);
    expect(byKind('note').map((e) => e.data.body).sort()).toEqual([
      'Alder secret: bowl has a hairline chip, sent anyway.',
      'Birch secret: spoons from the seconds bin.',
      'Customer asked for one box if possible.',
    ]);
    expect(byKind('delivered').map((e) => e.data.shipmentIds)).toEqual(expect.arrayContaining([[PARCEL_A], [PARCEL_B]]));
    expect(byKind('claim_taken_over')).toHaveLength(1);
    expect(all.events).toHaveLength(get(sam).events.length + get(bo).events.length - ORDER_WIDE.length);
    // Each store's entries are tagged with it; order-wide ones with none.
    const tags = f.store.sqlite
      .prepare('SELECT kind, store_id AS storeId, actor_id AS actorId FROM order_events WHERE order_id = ? ORDER BY id')
      .all(shared) as Array<{ kind: string; storeId: number | null; actorId: number }>;
    for (const row of tags) {
      if (row.actorId === f.admin.userId && row.kind !== 'delivered') expect(row.storeId).toBeNull();
      if (row.actorId === f.sellerA.userId) expect(row.storeId).toBe(f.storeA);
      if (row.actorId === f.sellerB.userId) expect(row.storeId).toBe(f.storeB);
    }
  });

  it("splits an admin's work across stores into one entry per store, each with only that store's share", () => {
    f.ok(ada, 'orders.markPacked', { orderId: shared, source: 'scan' });
    f.ok(bo, 'orders.claim', { orderId: shared });
    f.ok(sam, 'orders.claim', { orderId: shared });
    f.ok(ada, 'orders.claim', { orderId: shared, takeOver: true });

    const packed = (actor: Actor) => get(actor).events.filter((e) => e.kind === 'items_packed').map((e) => e.data.items);
    expect(packed(sam)).toEqual([[{ itemId: itemId('ALD-BOWL'), sku: 'ALD-BOWL', quantity: 1 }]]);
    expect(packed(bo)).toEqual([[{ itemId: itemId('BIR-SPOON'), sku: 'BIR-SPOON', quantity: 2 }]]);
    expect(packed(ada)).toHaveLength(2);

    const takenFrom = (actor: Actor) => get(actor).events.filter((e) => e.kind === 'claim_taken_over').map((e) => e.data);
    expect(takenFrom(sam)).toEqual([expect.objectContaining({ fromStationName: 'Alder Front Bench', fromUserName: 'Sam Seller', storeIds: [f.storeA] })]);
    expect(takenFrom(bo)).toEqual([expect.objectContaining({ fromStationName: 'Birch Loading Dock', fromUserName: 'Bo Seller', storeIds: [f.storeB] })]);
    expect(takenFrom(ada)).toHaveLength(2);
    expect(JSON.stringify(get(bo))).not.toContain('Alder Front Bench');
  });

  it("shows order-wide changes a seller makes to the other seller too, with who made them", () => {
    f.ok(sam, 'orders.placeHold', { orderId: shared, reason: 'Waiting on the customer' });
    f.ok(sam, 'orders.releaseHold', { orderId: shared });
    f.ok(sam, 'orders.updateShippingAddress', { orderId: shared, address: NEW_ADDRESS });
    const forBo = get(bo);
    expect(forBo.events.map((e) => [e.kind, e.actorName])).toEqual([
      ['shipping_address_changed', 'Sam Seller'],
      ['hold_released', 'Sam Seller'],
      ['hold_placed', 'Sam Seller'],
    ]);
  });

  it("keeps a seller's note to the stores of the order they work for, once per store, and for everyone when they work for all of them", () => {
    const s = f.store.sqlite;
    const storeC = Number(s.prepare("INSERT INTO stores (slug, name, is_demo, created_at) VALUES ('cedar', 'Cedar Supply', 0, ?)").run(NOW).lastInsertRowid);
    const moId = Number(s.prepare("INSERT INTO users (email, name, role, created_at) VALUES ('mo@example.com', 'Mo Twostores', 'seller', ?)").run(NOW).lastInsertRowid);
    s.prepare('INSERT INTO store_members (store_id, user_id) VALUES (?, ?), (?, ?)').run(f.storeA, moId, storeC, moId);
    const mo = resolveActor(f.store, moId, { id: 'mo-bench', name: 'Mo Bench' })!;
    const threeStores = f.addOrder({
      number: 'SH-2000002',
      status: 'processing',
      paid: true,
      ageDays: 1,
      items: [
        { storeId: f.storeA, sku: 'ALD-CUP', quantity: 1 },
        { storeId: f.storeB, sku: 'BIR-FORK', quantity: 1 },
        { storeId: storeC, sku: 'CED-BOARD', quantity: 1 },
      ],
    });
    const alderAndCedar = f.addOrder({
      number: 'SH-2000003',
      status: 'processing',
      paid: true,
      ageDays: 1,
      items: [
        { storeId: f.storeA, sku: 'ALD-JUG', quantity: 1 },
        { storeId: storeC, sku: 'CED-SPOON', quantity: 1 },
      ],
    });
    f.ok(mo, 'orders.addNote', { orderId: threeStores, body: 'For Alder and Cedar only.' });
    f.ok(mo, 'orders.addNote', { orderId: alderAndCedar, body: 'Mo packs all of this one.' });

    const notes = (actor: Actor, orderId: number) => get(actor, orderId).events.filter((e) => e.kind === 'note').map((e) => e.data.body);
    expect(notes(mo, threeStores)).toEqual(['For Alder and Cedar only.', 'For Alder and Cedar only.']);
    expect(notes(sam, threeStores)).toEqual(['For Alder and Cedar only.']);
    expect(notes(bo, threeStores)).toEqual([]);
    expect(notes(ada, threeStores)).toHaveLength(2);
    expect(s.prepare("SELECT store_id FROM order_events WHERE order_id = ? AND kind = 'note' ORDER BY store_id").pluck().all(threeStores)).toEqual([
      f.storeA,
      storeC,
    ]);
    expect(notes(sam, alderAndCedar)).toEqual(['Mo packs all of this one.']);
    expect(s.prepare("SELECT store_id FROM order_events WHERE order_id = ? AND kind = 'note'").pluck().all(alderAndCedar)).toEqual([null]);
  });

  it("reads a seller's timeline newest first through the timeline index, without sorting", () => {
    const statements: Array<{ sql: string; params: readonly unknown[] }> = [];
    f.store.tracer = (sql, params) => statements.push({ sql, params });
    get(sam);
    f.store.tracer = null;
    const timeline = statements.filter((s) => s.sql.includes('FROM order_events'));
    expect(timeline).toHaveLength(1);
    const plan = f.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${timeline[0]!.sql}`).all(...timeline[0]!.params) as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail)).toEqual(['SEARCH order_events USING INDEX order_events_timeline (order_id=?)']);
  });
});

describe('migrating timeline entries to stores', () => {
  it("tags each old entry with the stores its data names, splitting one about several stores, and leaves order-wide ones NULL", () => {
    const packedBy = (actor: Actor) => f.ok(actor, 'orders.markPacked', { orderId: shared });
    packedBy(sam);
    packedBy(bo);
    f.ok(sam, 'orders.ship', { orderId: shared, shipmentId: PARCEL_A, carrier: 'ups', trackingNumber: UPS });
    f.ok(bo, 'orders.ship', { orderId: shared, shipmentId: PARCEL_B, carrier: 'fedex', trackingNumber: FEDEX });
    const bowl = itemId('ALD-BOWL');
    const spoon = itemId('BIR-SPOON');
    const file = f.file;
    f.store.close();

    // Put the store back the way 2026-11-30-notifications left it, with entries as the old
    // write path made them (one per action, whatever stores it touched).
    const old = new Sqlite(file);
    const oldIndex = /CREATE INDEX order_events_order[^;]*;/.exec(init)![0];
    old.exec(`DROP INDEX order_events_timeline; ${oldIndex} ALTER TABLE order_events DROP COLUMN store_id; DELETE FROM order_events;`);
    old.prepare("DELETE FROM schema_migrations WHERE name = '2026-12-01-event-stores'").run();
    const insert = old.prepare(
      'INSERT INTO order_events (id, order_id, at, actor_id, actor_name, station_id, station_name, kind, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const by = (id: number, actor: Actor, kind: string, data: unknown) =>
      insert.run(id, shared, NOW + id, actor.userId, actor.name, actor.stationId, actor.stationName, kind, JSON.stringify(data));
    const items = [
      { itemId: bowl, sku: 'ALD-BOWL', quantity: 1 },
      { itemId: spoon, sku: 'BIR-SPOON', quantity: 2 },
    ];
    by(1, ada, 'hold_placed', { reason: 'Check' });
    by(2, ada, 'items_packed', { items, source: 'scan' });
    by(3, ada, 'claim_taken_over', { fromStationId: 'x', fromStationName: 'Old Bench', fromUserName: 'Someone', claimedSince: NOW, storeIds: [f.storeA, f.storeB] });
    by(4, sam, 'shipped', { shipmentId: PARCEL_A, trackingNumber: UPS, items: [items[0]] });
    by(5, bo, 'shipped', { shipmentId: 'not-a-known-parcel', trackingNumber: FEDEX, items: [items[1]] });
    by(6, ada, 'delivered', { shipmentIds: [PARCEL_A, PARCEL_B], orderDelivered: true, notifyCustomer: true });
    by(7, ada, 'delivered', { shipmentId: PARCEL_B });
    by(8, sam, 'note', { body: 'Alder only' });
    by(9, ada, 'note', { body: 'For everyone' });
    by(10, ada, 'returned', { items });
    by(11, ada, 'delivered', { digital: true });
    by(12, ada, 'shipping_address_changed', { from: {}, to: {} });
    // Bo no longer works for Birch: his old note can't be placed, so it stays the order's.
    by(13, bo, 'note', { body: 'From a former Birch seller' });
    old.prepare('DELETE FROM store_members WHERE user_id = ?').run(f.sellerB.userId);
    old.close();

    const reopened = openStore(file);
    try {
      const rows = (reopened.sqlite.prepare('SELECT id, at, actor_name AS actor, kind, store_id AS storeId, data FROM order_events ORDER BY id').all() as Array<{
        id: number;
        at: number;
        actor: string;
        kind: string;
        storeId: number | null;
        data: string;
      }>).map((r) => ({ ...r, data: JSON.parse(r.data) as unknown }));
      const A = f.storeA;
      const B = f.storeB;
      const takeOver = { fromStationId: 'x', fromStationName: 'Old Bench', fromUserName: 'Someone', claimedSince: NOW };
      expect(rows.map(({ id, kind, storeId, data }) => ({ id, kind, storeId, data }))).toEqual([
        { id: 1, kind: 'hold_placed', storeId: null, data: { reason: 'Check' } },
        { id: 2, kind: 'items_packed', storeId: A, data: { items: [items[0]], source: 'scan' } },
        { id: 3, kind: 'claim_taken_over', storeId: A, data: { ...takeOver, storeIds: [A] } },
        { id: 4, kind: 'shipped', storeId: A, data: { shipmentId: PARCEL_A, trackingNumber: UPS, items: [items[0]] } },
        { id: 5, kind: 'shipped', storeId: B, data: { shipmentId: 'not-a-known-parcel', trackingNumber: FEDEX, items: [items[1]] } },
        { id: 6, kind: 'delivered', storeId: A, data: { shipmentIds: [PARCEL_A], orderDelivered: true, notifyCustomer: true } },
        { id: 7, kind: 'delivered', storeId: B, data: { shipmentId: PARCEL_B } },
        { id: 8, kind: 'note', storeId: A, data: { body: 'Alder only' } },
        { id: 9, kind: 'note', storeId: null, data: { body: 'For everyone' } },
        { id: 10, kind: 'returned', storeId: A, data: { items: [items[0]] } },
        { id: 11, kind: 'delivered', storeId: null, data: { digital: true } },
        { id: 12, kind: 'shipping_address_changed', storeId: null, data: { from: {}, to: {} } },
        { id: 13, kind: 'note', storeId: null, data: { body: 'From a former Birch seller' } },
        // The other stores' shares of entries 2, 3, 6 and 10, in that order.
        { id: 14, kind: 'items_packed', storeId: B, data: { items: [items[1]], source: 'scan' } },
        { id: 15, kind: 'claim_taken_over', storeId: B, data: { ...takeOver, storeIds: [B] } },
        { id: 16, kind: 'delivered', storeId: B, data: { shipmentIds: [PARCEL_B], orderDelivered: true, notifyCustomer: true } },
        { id: 17, kind: 'returned', storeId: B, data: { items: [items[1]] } },
      ]);
      // A split-off share keeps the time, person and bench of the entry it came from.
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const [share, original] of [[14, 2], [15, 3], [16, 6], [17, 10]] as const) {
        expect(byId.get(share)).toMatchObject({ at: byId.get(original)!.at, actor: byId.get(original)!.actor });
      }
      expect(reopened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'order_events' ORDER BY name").pluck().all()).toEqual([
        'order_events_timeline',
      ]);
      expect(reopened.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'migrated_event_parts'").pluck().get()).toBe(0);
      expect(reopened.sqlite.pragma('foreign_key_check')).toEqual([]);

      // Read through the app, each seller sees only their share.
      const app = createApp(reopened, { now: () => NOW, newId: () => crypto.randomUUID(), selfCheck: true, logError: () => {} });
      const timeline = (actor: Actor) => {
        const result = app.dispatch(actor, 'orders.get', { orderId: shared });
        if (!result.ok) throw new Error(result.message);
        return JSON.stringify((result.value as OrderDetail).events);
      };
      const samSees = timeline(sam);
      expect(samSees).toContain('Alder only');
      for (const leak of ['BIR-SPOON', FEDEX, PARCEL_B]) expect(samSees).not.toContain(leak);
      expect((JSON.parse(samSees) as unknown[]).length).toBe(11);
    } finally {
      reopened.close();
    }
  });
});
