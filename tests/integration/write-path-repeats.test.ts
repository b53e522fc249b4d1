import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/app/context.js';
import type { OrderDetail } from '../../shared/contract/index.js';
import { Fixture, NOW } from './fixtures.js';

const SHIPMENT = '8a6e0804-2bd0-4672-b79a-d80c6b5a2f1a';
const UPS = '1Z999AA10123456784';
const REQUEST = '5b4c1b7e-9a1f-4c55-8f3e-0c8a5a3f2e11';
const NEW_ADDRESS = { name: 'Casey Customer', street: '1 Lake Rd', city: 'Bend', state: 'OR', zip: '97701' };

let f: Fixture;
let single: number;
let shared: number;
let logged: string[];

beforeEach(() => {
  f = new Fixture();
  logged = [];
  // The app's logger, as the write path calls it at the time of the error.
  f.app.ctx.logError = (message) => logged.push(message);
  single = f.addOrder({ number: 'SH-0000301', status: 'processing', paid: true, ageDays: 2, items: [{ storeId: f.storeA, sku: 'ALD-MUG', quantity: 2 }] });
  shared = f.addSharedOrder('SH-0000302');
});

afterEach(() => f.close());

const notificationIds = (orderId: number): number[] =>
  f.store.sqlite.prepare('SELECT id FROM notifications WHERE order_id = ? ORDER BY id').pluck().all(orderId) as number[];

const shipSingle = () => f.ok(f.sellerA, 'orders.ship', { orderId: single, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS });

describe('an idempotent repeat answers ok and writes nothing', () => {
  it('ship with the same shipmentId: no outbox row, timeline entry, notification or event', () => {
    f.ok(f.sellerA, 'orders.markPacked', { orderId: single });
    shipSingle();
    const before = f.snapshot();
    f.events.length = 0;
    expect(shipSingle().shipments.map((s) => s.id)).toEqual([SHIPMENT]);
    expect(f.snapshot()).toEqual(before);
    expect(f.events).toEqual([]);
  });

  it('resending the confirmation with the same requestId: the first row, unqueued, and nothing announced', () => {
    const first = f.ok(f.admin, 'orders.resendConfirmation', { orderId: single, requestId: REQUEST });
    const before = f.snapshot();
    f.events.length = 0;
    expect(f.ok(f.admin, 'orders.resendConfirmation', { orderId: single, requestId: REQUEST })).toEqual({ ...first, queued: false });
    expect(f.snapshot()).toEqual(before);
    expect(f.events).toEqual([]);
  });

  it('correcting the address to where it already goes, already saved as the default: nothing written', () => {
    const input = { orderId: single, address: NEW_ADDRESS, saveToCustomer: true };
    f.ok(f.admin, 'orders.updateShippingAddress', input);
    const before = { ...f.snapshot(), addresses: JSON.stringify(f.store.sqlite.prepare('SELECT * FROM addresses ORDER BY id').all()) };
    f.events.length = 0;
    f.clock += 1000;
    f.ok(f.admin, 'orders.updateShippingAddress', input);
    expect({ ...f.snapshot(), addresses: JSON.stringify(f.store.sqlite.prepare('SELECT * FROM addresses ORDER BY id').all()) }).toEqual(before);
    expect(f.events).toEqual([]);
  });

  it('retrying when nothing can be retried: the report, and no outbox row', () => {
    const sent = addNotification(single, 'sent', null);
    const before = f.snapshot();
    const report = f.ok(f.admin, 'notifications.retry', { ids: [sent] });
    expect(report).toEqual({ retried: [], refused: [{ id: sent, message: expect.stringMatching(/already sent/) }] });
    expect(f.snapshot()).toEqual(before);
    expect(f.events).toEqual([]);
  });
});

describe('notification rows queued by a mutation are announced', () => {
  it('ship, deliver and an address correction each emit notifications.changed with the rows they queued', () => {
    f.ok(f.admin, 'orders.updateShippingAddress', { orderId: single, address: NEW_ADDRESS });
    const afterAddress = notificationIds(single);
    expect(afterAddress).toHaveLength(1);
    expect(f.events).toContainEqual({ event: 'notifications.changed', payload: { ids: afterAddress } });

    f.ok(f.sellerA, 'orders.markPacked', { orderId: single });
    f.events.length = 0;
    shipSingle();
    const shipped = notificationIds(single).filter((id) => !afterAddress.includes(id));
    expect(shipped).toHaveLength(1);
    expect(f.events).toContainEqual({ event: 'notifications.changed', payload: { ids: shipped } });

    f.events.length = 0;
    f.ok(f.sellerA, 'orders.markDelivered', { orderId: single, notifyCustomer: false });
    const delivered = notificationIds(single).filter((id) => !afterAddress.includes(id) && !shipped.includes(id));
    // A suppressed row is shown on the notifications screen too, so it is announced as well.
    expect(delivered).toHaveLength(1);
    expect(f.events).toContainEqual({ event: 'notifications.changed', payload: { ids: delivered } });
  });
});

describe('an after-commit listener that throws', () => {
  it('does not turn a committed ship into an error; the other announcements still go out and the error is logged', () => {
    f.ok(f.sellerA, 'orders.markPacked', { orderId: single });
    f.events.length = 0;
    f.app.subscribe((event) => {
      if (event === 'orders.changed') throw new Error('window closed');
    });
    const result = f.call(f.sellerA, 'orders.ship', { orderId: single, shipmentId: SHIPMENT, carrier: 'ups', trackingNumber: UPS });
    expect(result).toMatchObject({ ok: true, value: { status: 'shipped' } });
    expect(f.count('shipments')).toBe(1);
    expect(f.events.map((e) => e.event)).toEqual(['orders.changed', 'notifications.changed']);
    expect(logged).toEqual(['after commit (orders.changed) failed']);
  });

  it('in the store: every callback runs, the answer is the committed result, and the error is reported', () => {
    const ran: string[] = [];
    const reported: unknown[] = [];
    f.store.reportCommitListenerError = (error) => reported.push(error);
    const answer = f.store.transaction(() => {
      f.store.execute("INSERT INTO stores (slug, name, is_demo, created_at) VALUES ('cedar', 'Cedar', 0, 0)");
      f.store.onCommit(() => {
        ran.push('first');
        throw new Error('boom');
      });
      f.store.onCommit(() => ran.push('second'));
      return 'committed';
    });
    expect(answer).toBe('committed');
    expect(ran).toEqual(['first', 'second']);
    expect(reported).toEqual([new Error('boom')]);
    expect(f.count('stores')).toBe(3);
  });

  it('in a batch: every savepoint callback runs after the commit, whatever an earlier one threw', () => {
    const ran: number[] = [];
    const reported: unknown[] = [];
    f.store.reportCommitListenerError = (error) => reported.push(error);
    const answer = f.store.batch(() => {
      for (const n of [1, 2, 3]) {
        f.store.transaction(() =>
          f.store.onCommit(() => {
            ran.push(n);
            if (n === 1) throw new Error(`listener ${n}`);
          }),
        );
      }
      return 'batched';
    });
    expect(answer).toBe('batched');
    expect(ran).toEqual([1, 2, 3]);
    expect(reported).toEqual([new Error('listener 1')]);
  });
});

/** A notifications row as the sender leaves it. */
function addNotification(orderId: number, status: 'failed' | 'sent', storeId: number | null): number {
  return Number(
    f.store.sqlite
      .prepare(
        `INSERT INTO notifications (dedupe_key, order_id, store_id, kind, channel, recipient, status, attempts, next_attempt_at, last_error, payload, created_at, updated_at)
         VALUES (?, ?, ?, 'delivered', 'email', 'casey@example.com', ?, 1, NULL, ?, ?, ?, ?)`,
      )
      .run(
        `test:${orderId}:${storeId}:${status}:${Math.random()}`,
        orderId,
        storeId,
        status,
        status === 'failed' ? `550 5.1.1 store ${storeId ?? 'none'} mailbox unavailable` : null,
        JSON.stringify({ kind: 'delivered', orderNumber: 'SH-0000302', customerName: 'Casey Customer', storeNames: ['Alder Goods'], orderDelivered: true, parcels: 1 }),
        NOW,
        NOW,
      ).lastInsertRowid,
  );
}

describe('notifications.retry on a marketplace order two stores share', () => {
  const retried = (actor: Actor): OrderDetail['events'] => f.ok(actor, 'orders.get', { orderId: shared }).events.filter((e) => e.kind === 'notification_retried');

  it("records the retry on the message's store: its seller sees it, the co-seller doesn't", () => {
    const alderEmail = addNotification(shared, 'failed', f.storeA);
    expect(f.ok(f.sellerA, 'notifications.retry', { ids: [alderEmail] }).retried).toEqual([alderEmail]);
    expect(retried(f.sellerA)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ notificationId: alderEmail, lastError: expect.stringMatching(/store \d+ mailbox/) }) }),
    ]);
    expect(retried(f.admin)).toHaveLength(1);
    expect(retried(f.sellerB)).toEqual([]);
  });

  it("an admin's retry of a whole-order message stays order-wide but keeps its error text from the co-sellers", () => {
    const orderWide = addNotification(shared, 'failed', null);
    expect(f.ok(f.admin, 'notifications.retry', { ids: [orderWide] }).retried).toEqual([orderWide]);
    for (const actor of [f.sellerA, f.sellerB, f.admin]) {
      expect(retried(actor)).toEqual([expect.objectContaining({ data: expect.objectContaining({ notificationId: orderWide, lastError: null }) })]);
    }
  });

  it('on a single-store order the error text stays on the entry', () => {
    const own = addNotification(single, 'failed', null);
    f.ok(f.sellerA, 'notifications.retry', { ids: [own] });
    const events = f.ok(f.sellerA, 'orders.get', { orderId: single }).events.filter((e) => e.kind === 'notification_retried');
    expect(events[0]?.data).toMatchObject({ lastError: '550 5.1.1 store none mailbox unavailable' });
  });
});
