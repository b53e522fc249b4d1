import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('claims', () => {
  it('claims an order for a station, shows it to others, and stays off the timeline', () => {
    const claim = f.ok(bench1, 'orders.claim', { orderId });
    expect(claim).toEqual({ stationId: 'station-1', stationName: 'Bench 1', userName: 'Sam Seller', claimedAt: NOW, expiresAt: NOW + CLAIM_TTL_MS, mine: true });
    expect(f.ok(bench2, 'orders.get', { orderId }).claim).toMatchObject({ stationName: 'Bench 1', userName: 'Sam Seller', mine: false });
    expect(f.ok(bench1, 'orders.get', { orderId }).claim).toMatchObject({ mine: true });
    expect(f.ok(bench2, 'orders.list', { view: 'to_pack' }).rows[0]!.claimedBy).toEqual({ stationName: 'Bench 1', userName: 'Sam Seller', mine: false });
    expect(f.count('order_events')).toBe(0);
    expect(outboxNames()).toEqual(['order.claim@1']);
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
        data: { fromStationId: 'station-1', fromStationName: 'Bench 1', fromUserName: 'Sam Seller', claimedSince: NOW },
      }),
    ]);
    expect(f.events).toEqual([{ event: 'orders.changed', payload: { orderIds: [orderId] } }]);
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
    expect(outboxNames()).toEqual(['order.claim@1', 'order.releaseClaim@1']);
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
