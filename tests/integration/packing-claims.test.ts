import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up as packing } from '../../db/migrations/2026-11-28-packing.js';
import { openStore } from '../../db/open.js';
import { createApp } from '../../electron/main/app/create-app.js';
import type { Actor } from '../../electron/main/app/context.js';
import { CLAIM_TTL_MS } from '../../shared/domain/packing.js';
import { Fixture, NOW } from './fixtures.js';

let f: Fixture;
let orderId: number;
let shipped: number;
/** Two packing stations: Sam at Bench 1, the admin at Bench 2. */
let bench1: Actor;
let bench2: Actor;

beforeEach(() => {
  f = new Fixture();
  orderId = f.addOrder({
    number: 'SH-1035600',
    status: 'processing',
    paid: true,
    ageDays: 2,
    items: [{ storeId: f.storeA, sku: 'ALD-MUG', quantity: 1 }],
  });
  shipped = f.addOrder({ number: 'SH-1035601', status: 'shipped', paid: true, ageDays: 5, items: [{ storeId: f.storeA, sku: 'ALD-BOWL', quantity: 1, fulfilled: 1 }] });
  bench1 = f.atStation(f.sellerA, 'station-1', 'Bench 1');
  bench2 = f.atStation(f.admin, 'station-2', 'Bench 2');
});

afterEach(() => f.close());

const claimRows = () => f.store.sqlite.prepare('SELECT order_id, station_id, claimed_at, expires_at FROM order_claims').all();
const outboxNames = () => f.store.sqlite.prepare('SELECT name FROM outbox ORDER BY id').pluck().all();
const outboxArgs = () => (f.store.sqlite.prepare('SELECT args FROM outbox ORDER BY id').pluck().all() as string[]).map((args) => JSON.parse(args) as unknown);
const changed = (...orderIds: number[]) => ({ event: 'orders.changed', payload: { orderIds } });

describe('claims', () => {
  it('claims an order for a station, shows it to others, and stays off the timeline', () => {
    const claim = f.ok(bench1, 'orders.claim', { orderId });
    expect(claim).toEqual({ stationId: 'station-1', stationName: 'Bench 1', userName: 'Sam Seller', claimedAt: NOW, expiresAt: NOW + CLAIM_TTL_MS, mine: true });
    expect(f.ok(bench2, 'orders.get', { orderId }).claim).toMatchObject({ stationName: 'Bench 1', userName: 'Sam Seller', mine: false });
    expect(f.ok(bench1, 'orders.get', { orderId }).claim).toMatchObject({ mine: true });
    expect(f.ok(bench2, 'orders.list', { view: 'to_pack' }).rows[0]!.claimedBy).toEqual({
      stationName: 'Bench 1',
      userName: 'Sam Seller',
      mine: false,
      expiresAt: NOW + CLAIM_TTL_MS,
    });
    expect(f.count('order_events')).toBe(0);
    expect(outboxNames()).toEqual(['order.claim@2']);
    expect(outboxArgs()).toEqual([{ orderId, takeOver: false, storeIds: [f.storeA] }]);
  });

  it('warns a second station with who and since when, changing nothing', () => {
    f.ok(bench1, 'orders.claim', { orderId });
    f.clock += 5 * 60_000;
    const before = { claims: claimRows(), snapshot: f.snapshot() };
    const warned = f.call(bench2, 'orders.claim', { orderId });
    expect(warned).toMatchObject({
      ok: false,
      code: 'CLAIMED_ELSEWHERE',
      message: expect.stringMatching(/^Bench 1 \(Sam Seller\) has been packing this order since \d{1,2}:\d\d [AP]M\.$/),
      fields: { stationName: 'Bench 1', userName: 'Sam Seller', claimedAt: new Date(NOW).toISOString() },
    });
    expect({ claims: claimRows(), snapshot: f.snapshot() }).toEqual(before);
  });

  it('renews its own claim, keeping the time it started', () => {
    f.ok(bench1, 'orders.claim', { orderId });
    f.clock += 10 * 60_000;
    const renewed = f.ok(bench1, 'orders.claim', { orderId });
    expect(renewed).toMatchObject({ claimedAt: NOW, expiresAt: f.clock + CLAIM_TTL_MS });
    // Still fresh past the first claim's expiry, thanks to the renewal.
    f.clock = NOW + CLAIM_TTL_MS + 60_000;
    expect(f.call(bench2, 'orders.claim', { orderId })).toMatchObject({ ok: false, code: 'CLAIMED_ELSEWHERE' });
  });

  it('takes over after the warning and records it on the timeline, naming the previous station', () => {
    f.ok(bench1, 'orders.claim', { orderId });
    const taken = f.ok(bench2, 'orders.claim', { orderId, takeOver: true });
    expect(taken).toMatchObject({ stationId: 'station-2', stationName: 'Bench 2', userName: 'Ada Admin', mine: true });
    const order = f.ok(bench1, 'orders.get', { orderId });
    expect(order.claim).toMatchObject({ stationName: 'Bench 2', mine: false });
    expect(order.events).toEqual([
      expect.objectContaining({
        kind: 'claim_taken_over',
        actorName: 'Ada Admin',
        stationName: 'Bench 2',
        data: { fromStationId: 'station-1', fromStationName: 'Bench 1', fromUserName: 'Sam Seller', claimedSince: NOW, storeIds: [f.storeA] },
      }),
    ]);
    // One for the claim, one for the take-over (from its timeline entry, not twice).
    expect(f.events).toEqual([changed(orderId), changed(orderId)]);
  });

  it('lets an expired claim go without a warning or a takeover entry', () => {
    f.ok(bench1, 'orders.claim', { orderId });
    f.clock = NOW + CLAIM_TTL_MS;
    expect(f.ok(bench2, 'orders.get', { orderId }).claim).toBeNull();
    expect(f.ok(bench2, 'orders.list', { view: 'to_pack' }).rows[0]!.claimedBy).toBeNull();
    const claim = f.ok(bench2, 'orders.claim', { orderId });
    expect(claim).toMatchObject({ stationId: 'station-2', claimedAt: f.clock });
    expect(f.count('order_events')).toBe(0);
  });

  it('releases only its own claim', () => {
    f.ok(bench1, 'orders.claim', { orderId });
    const outboxBefore = f.count('outbox');
    expect(f.ok(bench2, 'orders.releaseClaim', { orderId }).claim).toMatchObject({ stationName: 'Bench 1' });
    expect(f.count('outbox')).toBe(outboxBefore);
    expect(f.ok(bench1, 'orders.releaseClaim', { orderId }).claim).toBeNull();
    expect(claimRows()).toEqual([]);
    expect(outboxNames()).toEqual(['order.claim@2', 'order.releaseClaim@2']);
    expect(f.ok(bench2, 'orders.claim', { orderId })).toMatchObject({ stationId: 'station-2' });
  });

  it('shipping the last items lets go of the claim', () => {
    f.ok(bench1, 'orders.claim', { orderId });
    f.ok(bench1, 'orders.markPacked', { orderId, source: 'scan' });
    const order = f.ok(bench1, 'orders.ship', { orderId, shipmentId: crypto.randomUUID(), carrier: 'ups', trackingNumber: '1Z999AA10123456784' });
    expect(order.status).toBe('shipped');
    expect(order.claim).toBeNull();
    expect(claimRows()).toEqual([]);
  });

  it('keeps the claim while items are left to ship', () => {
    const two = f.addOrder({ number: 'SH-1035602', status: 'processing', paid: true, ageDays: 1, items: [{ storeId: f.storeA, sku: 'ALD-CUP', quantity: 2 }] });
    f.ok(bench1, 'orders.claim', { orderId: two });
    const cup = f.ok(bench1, 'orders.markPacked', { orderId: two }).items[0]!;
    f.ok(bench1, 'orders.ship', { orderId: two, shipmentId: crypto.randomUUID(), carrier: 'ups', trackingNumber: '1Z999AA10123456784', items: [{ itemId: cup.id, quantity: 1 }] });
    expect(f.ok(bench1, 'orders.get', { orderId: two }).claim).toMatchObject({ mine: true });
  });

  it('refuses a claim on an order with nothing to pack, and on another store’s order', () => {
    expect(f.call(bench1, 'orders.claim', { orderId: shipped })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    const sellerB = f.atStation(f.sellerB, 'station-3', 'Bench 3');
    expect(f.call(sellerB, 'orders.claim', { orderId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(f.call(sellerB, 'orders.releaseClaim', { orderId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(claimRows()).toEqual([]);
    expect(f.count('outbox')).toBe(0);
  });
});

describe('claims on a multi-store order: each seller claims their own store’s part', () => {
  let multi: number;
  /** Sam packs Alder Goods at Bench 1; Bo packs Birch & Co at Bench 3; Ada the admin is at Bench 2. */
  let sam: Actor;
  let bo: Actor;
  const UPS = '1Z999AA10123456784';
  const storeRows = () =>
    f.store.sqlite.prepare('SELECT store_id, station_id, claimed_at, expires_at FROM order_claims WHERE order_id = ? ORDER BY store_id').all(multi);

  beforeEach(() => {
    multi = f.addOrder({
      number: 'SH-1035610',
      status: 'processing',
      paid: true,
      ageDays: 3,
      items: [
        { storeId: f.storeA, sku: 'ALD-PLATE', quantity: 1 },
        { storeId: f.storeB, sku: 'BIR-SPOON', quantity: 2 },
      ],
    });
    sam = bench1;
    bo = f.atStation(f.sellerB, 'station-3', 'Bench 3');
  });

  it('two sellers each claim and pack their own part without a warning, and shipping a part lets go of its claim only', () => {
    expect(f.ok(sam, 'orders.claim', { orderId: multi })).toMatchObject({ stationId: 'station-1', mine: true });
    f.clock += 60_000;
    expect(f.ok(bo, 'orders.claim', { orderId: multi })).toMatchObject({ stationId: 'station-3', claimedAt: f.clock, mine: true });
    expect(storeRows()).toEqual([
      { store_id: f.storeA, station_id: 'station-1', claimed_at: NOW, expires_at: NOW + CLAIM_TTL_MS },
      { store_id: f.storeB, station_id: 'station-3', claimed_at: f.clock, expires_at: f.clock + CLAIM_TTL_MS },
    ]);
    expect(f.count('order_events')).toBe(0);

    f.ok(sam, 'orders.markPacked', { orderId: multi, source: 'scan' });
    f.ok(bo, 'orders.markPacked', { orderId: multi, source: 'scan' });
    const afterSam = f.ok(sam, 'orders.ship', { orderId: multi, shipmentId: crypto.randomUUID(), carrier: 'ups', trackingNumber: UPS });
    expect(afterSam.status).toBe('processing');
    expect(storeRows()).toEqual([expect.objectContaining({ store_id: f.storeB, station_id: 'station-3' })]);
    // Bo renews and ships his part as if Sam had never been there.
    expect(f.ok(bo, 'orders.claim', { orderId: multi })).toMatchObject({ stationId: 'station-3' });
    const afterBo = f.ok(bo, 'orders.ship', { orderId: multi, shipmentId: crypto.randomUUID(), carrier: 'ups', trackingNumber: UPS });
    expect(afterBo.status).toBe('shipped');
    expect(storeRows()).toEqual([]);
  });

  it('warns a second station of the same store, naming the first, and changes nothing', () => {
    f.ok(sam, 'orders.claim', { orderId: multi });
    f.ok(bo, 'orders.claim', { orderId: multi });
    const otherAlderBench = f.atStation(f.sellerA, 'station-4', 'Bench 4');
    const before = { claims: claimRows(), snapshot: f.snapshot(), events: f.events.length };
    expect(f.call(otherAlderBench, 'orders.claim', { orderId: multi })).toMatchObject({
      ok: false,
      code: 'CLAIMED_ELSEWHERE',
      fields: { stationName: 'Bench 1', userName: 'Sam Seller' },
    });
    expect({ claims: claimRows(), snapshot: f.snapshot(), events: f.events.length }).toEqual(before);
  });

  it("an admin packing the whole order conflicts with the sellers' claims, and takes over both", () => {
    f.ok(sam, 'orders.claim', { orderId: multi });
    f.clock += 60_000;
    f.ok(bo, 'orders.claim', { orderId: multi });
    // The longest-held claim is the one named.
    expect(f.call(bench2, 'orders.claim', { orderId: multi })).toMatchObject({
      ok: false,
      code: 'CLAIMED_ELSEWHERE',
      fields: { stationName: 'Bench 1', userName: 'Sam Seller' },
    });
    f.ok(sam, 'orders.releaseClaim', { orderId: multi });
    expect(f.call(bench2, 'orders.claim', { orderId: multi })).toMatchObject({ ok: false, fields: { stationName: 'Bench 3', userName: 'Bo Seller' } });
    f.ok(sam, 'orders.claim', { orderId: multi });
    const taken = f.ok(bench2, 'orders.claim', { orderId: multi, takeOver: true });
    expect(taken).toMatchObject({ stationId: 'station-2', claimedAt: f.clock, mine: true });
    expect(storeRows()).toEqual([
      expect.objectContaining({ store_id: f.storeA, station_id: 'station-2' }),
      expect.objectContaining({ store_id: f.storeB, station_id: 'station-2' }),
    ]);
    const takeOvers = f.ok(bench2, 'orders.get', { orderId: multi }).events.filter((e) => e.kind === 'claim_taken_over');
    expect(takeOvers.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        { fromStationId: 'station-1', fromStationName: 'Bench 1', fromUserName: 'Sam Seller', claimedSince: f.clock, storeIds: [f.storeA] },
        { fromStationId: 'station-3', fromStationName: 'Bench 3', fromUserName: 'Bo Seller', claimedSince: NOW + 60_000, storeIds: [f.storeB] },
      ]),
    );
    expect(takeOvers).toHaveLength(2);
    // Each seller is now warned about the admin, who is packing their store's items.
    expect(f.call(sam, 'orders.claim', { orderId: multi })).toMatchObject({ ok: false, code: 'CLAIMED_ELSEWHERE', fields: { stationName: 'Bench 2' } });
    expect(f.call(bo, 'orders.claim', { orderId: multi })).toMatchObject({ ok: false, code: 'CLAIMED_ELSEWHERE', fields: { stationName: 'Bench 2' } });
    expect(f.ok(bo, 'orders.get', { orderId: multi }).claim).toMatchObject({ stationName: 'Bench 2', userName: 'Ada Admin', mine: false });
  });

  it("a seller is warned about an admin's claim on the whole order", () => {
    f.ok(bench2, 'orders.claim', { orderId: multi });
    expect(storeRows()).toHaveLength(2);
    expect(f.call(bo, 'orders.claim', { orderId: multi })).toMatchObject({ ok: false, code: 'CLAIMED_ELSEWHERE', fields: { stationName: 'Bench 2', userName: 'Ada Admin' } });
  });

  it('expires each store’s claim on its own', () => {
    f.ok(sam, 'orders.claim', { orderId: multi });
    f.clock = NOW + 10 * 60_000;
    f.ok(bo, 'orders.claim', { orderId: multi });
    f.clock = NOW + CLAIM_TTL_MS;
    // Sam's part is free again; Bo's is not.
    expect(f.ok(sam, 'orders.get', { orderId: multi }).claim).toBeNull();
    expect(f.ok(bench2, 'orders.get', { orderId: multi }).claim).toMatchObject({ stationName: 'Bench 3' });
    const alderBench = f.atStation(f.sellerA, 'station-4', 'Bench 4');
    expect(f.ok(alderBench, 'orders.claim', { orderId: multi })).toMatchObject({ stationId: 'station-4', claimedAt: f.clock });
    expect(f.call(bench2, 'orders.claim', { orderId: multi })).toMatchObject({ ok: false, fields: { stationName: 'Bench 3' } });
    f.clock = NOW + 10 * 60_000 + CLAIM_TTL_MS;
    expect(f.call(bench2, 'orders.claim', { orderId: multi })).toMatchObject({ ok: false, fields: { stationName: 'Bench 4' } });
    expect(f.count('order_events')).toBe(0);
  });

  it("takes over one store's part, leaving the other store's claim alone", () => {
    f.ok(sam, 'orders.claim', { orderId: multi });
    f.ok(bo, 'orders.claim', { orderId: multi });
    const alderBench = f.atStation(f.sellerA, 'station-4', 'Bench 4');
    expect(f.ok(alderBench, 'orders.claim', { orderId: multi, takeOver: true })).toMatchObject({ stationId: 'station-4' });
    expect(storeRows()).toEqual([
      expect.objectContaining({ store_id: f.storeA, station_id: 'station-4' }),
      expect.objectContaining({ store_id: f.storeB, station_id: 'station-3' }),
    ]);
    const events = f.ok(alderBench, 'orders.get', { orderId: multi }).events;
    expect(events.map((e) => [e.kind, e.data])).toEqual([
      ['claim_taken_over', { fromStationId: 'station-1', fromStationName: 'Bench 1', fromUserName: 'Sam Seller', claimedSince: NOW, storeIds: [f.storeA] }],
    ]);
    expect(f.call(sam, 'orders.claim', { orderId: multi })).toMatchObject({ ok: false, fields: { stationName: 'Bench 4' } });
  });

  it("releases only the caller's stores, even for another seller at the same bench", () => {
    const boAtBench1 = f.atStation(f.sellerB, 'station-1', 'Bench 1');
    f.ok(sam, 'orders.claim', { orderId: multi });
    f.ok(boAtBench1, 'orders.claim', { orderId: multi });
    expect(storeRows()).toEqual([
      expect.objectContaining({ store_id: f.storeA, station_id: 'station-1' }),
      expect.objectContaining({ store_id: f.storeB, station_id: 'station-1' }),
    ]);
    expect(f.ok(sam, 'orders.releaseClaim', { orderId: multi }).claim).toBeNull();
    expect(storeRows()).toEqual([expect.objectContaining({ store_id: f.storeB, station_id: 'station-1' })]);
    expect(outboxArgs().at(-1)).toEqual({ orderId: multi, storeIds: [f.storeA] });
    // Releasing again has nothing of Sam's to drop: nothing written, nothing sent.
    const outbox = f.count('outbox');
    f.ok(sam, 'orders.releaseClaim', { orderId: multi });
    expect(f.count('outbox')).toBe(outbox);
    expect(f.ok(boAtBench1, 'orders.get', { orderId: multi }).claim).toMatchObject({ mine: true, userName: 'Bo Seller' });
  });

  it("never shows a seller who is packing another store's part", () => {
    f.ok(bo, 'orders.claim', { orderId: multi });
    f.clock += 60_000;
    const samSees = () => ({
      detail: f.ok(sam, 'orders.get', { orderId: multi }),
      row: f.ok(sam, 'orders.list', { view: 'to_pack' }).rows.find((row) => row.id === multi)!,
    });
    let seen = samSees();
    expect(seen.detail.claim).toBeNull();
    expect(seen.row.claimedBy).toBeNull();
    expect(JSON.stringify(seen)).not.toMatch(/Bench 3|Bo Seller|station-3/);

    f.ok(sam, 'orders.claim', { orderId: multi });
    seen = samSees();
    expect(seen.detail.claim).toMatchObject({ stationName: 'Bench 1', mine: true });
    expect(seen.row.claimedBy).toMatchObject({ stationName: 'Bench 1', mine: true });
    expect(JSON.stringify(seen)).not.toMatch(/Bench 3|Bo Seller|station-3/);
    // Bo sees only his own; the admin sees the claim held longest.
    expect(f.ok(bo, 'orders.get', { orderId: multi }).claim).toMatchObject({ stationName: 'Bench 3', mine: true });
    expect(f.ok(bench2, 'orders.get', { orderId: multi }).claim).toMatchObject({ stationName: 'Bench 3', mine: false });
    expect(f.ok(bench2, 'orders.list', { view: 'to_pack' }).rows.find((row) => row.id === multi)!.claimedBy).toMatchObject({
      stationName: 'Bench 3',
      userName: 'Bo Seller',
    });
  });

  it('announces claims, take-overs and releases after commit, but not a plain renewal or a refusal', () => {
    f.ok(sam, 'orders.claim', { orderId: multi });
    expect(f.events).toEqual([changed(multi)]);
    f.clock += 60_000;
    f.ok(sam, 'orders.claim', { orderId: multi });
    f.ok(sam, 'orders.claim', { orderId: multi });
    expect(f.events).toHaveLength(1);
    f.ok(bo, 'orders.claim', { orderId: multi });
    expect(f.events).toEqual([changed(multi), changed(multi)]);
    f.call(bench2, 'orders.claim', { orderId: multi });
    expect(f.events).toHaveLength(2);
    f.ok(bench2, 'orders.claim', { orderId: multi, takeOver: true });
    expect(f.events).toHaveLength(3);
    // Another person at the admin's bench shows a different name: that is news.
    f.ok(f.atStation(f.sellerB, 'station-2', 'Bench 2'), 'orders.claim', { orderId: multi });
    expect(f.events).toHaveLength(4);
    f.ok(bench2, 'orders.releaseClaim', { orderId: multi });
    expect(f.events).toEqual([changed(multi), changed(multi), changed(multi), changed(multi), changed(multi)]);
    f.ok(bench2, 'orders.releaseClaim', { orderId: multi });
    expect(f.events).toHaveLength(5);
    // Renewing a claim that lapsed is a new claim: others had stopped seeing it.
    f.ok(sam, 'orders.claim', { orderId: multi });
    f.clock += CLAIM_TTL_MS;
    f.ok(sam, 'orders.claim', { orderId: multi });
    expect(f.events).toHaveLength(7);
  });

  it('announces nothing when a claim fails on an order with nothing to pack', () => {
    expect(f.call(sam, 'orders.claim', { orderId: shipped })).toMatchObject({ ok: false });
    expect(f.events).toEqual([]);
  });
});

describe('migrating per-order claims to per-store claims', () => {
  it('gives each claim the stores its holder packs, keeping its times, and drops claims on no store of theirs', () => {
    const multi = f.addOrder({
      number: 'SH-1035620',
      status: 'processing',
      paid: true,
      ageDays: 1,
      items: [
        { storeId: f.storeA, sku: 'ALD-PLATE', quantity: 1 },
        { storeId: f.storeB, sku: 'BIR-SPOON', quantity: 1 },
      ],
    });
    const multi2 = f.addOrder({
      number: 'SH-1035621',
      status: 'processing',
      paid: true,
      ageDays: 1,
      items: [
        { storeId: f.storeA, sku: 'ALD-CUP', quantity: 1 },
        { storeId: f.storeB, sku: 'BIR-FORK', quantity: 1 },
      ],
    });
    const file = f.file;
    f.store.close();

    // Put the store back the way 2026-11-28-packing left it, with per-order claims in it.
    const old = new Sqlite(file);
    const oldClaims = /CREATE TABLE order_claims[\s\S]*?CREATE INDEX order_claims_station[^;]*;/.exec(packing)![0];
    old.exec(`DROP TABLE order_claims; ${oldClaims}`);
    old.prepare("DELETE FROM schema_migrations WHERE name = '2026-11-29-store-claims'").run();
    const insert = old.prepare(
      'INSERT INTO order_claims (order_id, station_id, station_name, user_id, user_name, claimed_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(multi, 'station-1', 'Bench 1', f.sellerA.userId, 'Sam Seller', NOW, NOW + CLAIM_TTL_MS);
    insert.run(multi2, 'station-2', 'Bench 2', f.admin.userId, 'Ada Admin', NOW - 1, NOW - 1 + CLAIM_TTL_MS);
    // Bo claimed an Alder-only order (he was moved off that store since): nothing of his to keep.
    insert.run(orderId, 'station-3', 'Bench 3', f.sellerB.userId, 'Bo Seller', NOW, NOW + CLAIM_TTL_MS);
    old.close();

    const reopened = openStore(file);
    try {
      expect(reopened.sqlite.prepare('SELECT * FROM order_claims ORDER BY order_id, store_id').all()).toEqual([
        { order_id: multi, store_id: f.storeA, station_id: 'station-1', station_name: 'Bench 1', user_id: f.sellerA.userId, user_name: 'Sam Seller', claimed_at: NOW, expires_at: NOW + CLAIM_TTL_MS },
        { order_id: multi2, store_id: f.storeA, station_id: 'station-2', station_name: 'Bench 2', user_id: f.admin.userId, user_name: 'Ada Admin', claimed_at: NOW - 1, expires_at: NOW - 1 + CLAIM_TTL_MS },
        { order_id: multi2, store_id: f.storeB, station_id: 'station-2', station_name: 'Bench 2', user_id: f.admin.userId, user_name: 'Ada Admin', claimed_at: NOW - 1, expires_at: NOW - 1 + CLAIM_TTL_MS },
      ]);
      expect(reopened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'order_claims' AND sql IS NOT NULL").pluck().all()).toEqual([
        'order_claims_station',
      ]);
      expect(reopened.sqlite.pragma('foreign_key_check')).toEqual([]);
      // The migrated claims work as claims: Sam's still warns another Alder bench, Bo's half is free.
      const app = createApp(reopened, { now: () => NOW + 60_000, newId: () => crypto.randomUUID(), selfCheck: true, logError: () => {} });
      expect(app.dispatch(f.atStation(f.sellerA, 'station-4', 'Bench 4'), 'orders.claim', { orderId: multi })).toMatchObject({
        ok: false,
        code: 'CLAIMED_ELSEWHERE',
        fields: { stationName: 'Bench 1' },
      });
      expect(app.dispatch(f.atStation(f.sellerB, 'station-3', 'Bench 3'), 'orders.claim', { orderId: multi })).toMatchObject({ ok: true });
    } finally {
      reopened.close();
    }
  });
});
