import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Fixture } from './fixtures.js';

let f: Fixture;
let a1: number;
let a2: number;
let heldA: number;
let shippedA: number;
let onlyB: number;

beforeEach(() => {
  f = new Fixture();
  a1 = f.addOrder({ number: 'SH-2000001', status: 'processing', paid: true, ageDays: 3, items: [{ storeId: f.storeA, sku: 'ALD-MUG', quantity: 1 }] });
  a2 = f.addOrder({ number: 'SH-2000002', status: 'pending', paid: false, ageDays: 2, items: [{ storeId: f.storeA, sku: 'ALD-CUP', quantity: 1 }] });
  heldA = f.addOrder({ number: 'SH-2000003', status: 'processing', paid: true, ageDays: 2, items: [{ storeId: f.storeA, sku: 'ALD-JAR', quantity: 1 }] });
  shippedA = f.addOrder({ number: 'SH-2000004', status: 'shipped', paid: true, ageDays: 9, items: [{ storeId: f.storeA, sku: 'ALD-VASE', quantity: 1, fulfilled: 1 }] });
  onlyB = f.addOrder({ number: 'SH-2000005', status: 'processing', paid: true, ageDays: 1, items: [{ storeId: f.storeB, sku: 'BIR-SPOON', quantity: 1 }] });
  f.ok(f.admin, 'orders.placeHold', { orderId: heldA, reason: 'Fraud check' });
  f.events.length = 0;
});

afterEach(() => f.close());

const holdState = () => f.store.sqlite.prepare('SELECT id, on_hold, hold_reason, queue FROM orders ORDER BY id').all();

describe('bulk holds', () => {
  it('holds each good order whole and reports each refusal, without touching refused orders', () => {
    const eventsBefore = f.count('order_events');
    const report = f.ok(f.sellerA, 'orders.bulkHold', { orderIds: [a1, a2, heldA, shippedA, onlyB, 999_999, a1], reason: 'Out of boxes' });
    expect(report.applied).toEqual([
      { orderId: a1, number: 'SH-2000001' },
      { orderId: a2, number: 'SH-2000002' },
    ]);
    expect(report.refused).toEqual([
      { orderId: heldA, number: 'SH-2000003', code: 'INVALID_TRANSITION', message: 'This order is already on hold.' },
      { orderId: shippedA, number: 'SH-2000004', code: 'INVALID_TRANSITION', message: expect.stringContaining("can't be put on hold") },
      { orderId: onlyB, number: null, code: 'FORBIDDEN', message: "This order isn't in any of your stores." },
      { orderId: 999_999, number: null, code: 'FORBIDDEN', message: "This order isn't in any of your stores." },
    ]);
    const state = holdState() as Array<{ id: number; on_hold: number; hold_reason: string | null; queue: string }>;
    expect(state.find((o) => o.id === a1)).toMatchObject({ on_hold: 1, hold_reason: 'Out of boxes', queue: 'on_hold' });
    expect(state.find((o) => o.id === heldA)).toMatchObject({ hold_reason: 'Fraud check' });
    expect(state.find((o) => o.id === onlyB)).toMatchObject({ on_hold: 0 });
    expect(state.find((o) => o.id === shippedA)).toMatchObject({ on_hold: 0, queue: 'shipped' });
    expect(f.count('order_events')).toBe(eventsBefore + 2);
    expect(f.store.sqlite.prepare("SELECT count(*) FROM outbox WHERE name = 'order.placeHold@1'").pluck().get()).toBe(3);
  });

  it('an admin gets NOT_FOUND, with no number, for an order that does not exist', () => {
    const report = f.ok(f.admin, 'orders.bulkHold', { orderIds: [onlyB, 424_242], reason: 'Weather' });
    expect(report.applied).toEqual([{ orderId: onlyB, number: 'SH-2000005' }]);
    expect(report.refused).toEqual([{ orderId: 424_242, number: null, code: 'NOT_FOUND', message: expect.any(String) }]);
  });

  it('a failure inside one order rolls back that order only', () => {
    // The second order's timeline insert fails: its hold must not stay half-applied.
    f.store.sqlite.exec(`CREATE TRIGGER no_events_for_${a2} BEFORE INSERT ON order_events WHEN NEW.order_id = ${a2} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const report = f.ok(f.admin, 'orders.bulkHold', { orderIds: [a1, a2], reason: 'Inventory count' });
    expect(report.applied.map((r) => r.orderId)).toEqual([a1]);
    expect(report.refused).toEqual([{ orderId: a2, number: 'SH-2000002', code: 'INTERNAL', message: expect.any(String) }]);
    expect(f.store.sqlite.prepare('SELECT on_hold FROM orders WHERE id = ?').pluck().get(a2)).toBe(0);
  });

  it('refuses an empty reason before touching anything', () => {
    const before = f.snapshot();
    expect(f.call(f.admin, 'orders.bulkHold', { orderIds: [a1], reason: '  ' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(f.snapshot()).toEqual(before);
  });
});

describe('bulk release', () => {
  it('releases held orders and reports those that were not held', () => {
    const report = f.ok(f.sellerA, 'orders.bulkRelease', { orderIds: [heldA, a1, onlyB] });
    expect(report).toEqual({
      applied: [{ orderId: heldA, number: 'SH-2000003' }],
      refused: [
        { orderId: a1, number: 'SH-2000001', code: 'INVALID_TRANSITION', message: "This order isn't on hold." },
        { orderId: onlyB, number: null, code: 'FORBIDDEN', message: "This order isn't in any of your stores." },
      ],
    });
    expect(f.ok(f.sellerA, 'orders.get', { orderId: heldA })).toMatchObject({ onHold: false, queue: 'to_pack' });
  });
});
