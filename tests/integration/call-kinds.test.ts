import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withScope } from '../../electron/main/app/access.js';
import { createDispatch, type Dispatch } from '../../electron/main/app/dispatch.js';
import type { Handlers } from '../../electron/main/app/handler-types.js';
import { createHandlers } from '../../electron/main/app/handlers.js';
import { runMutation } from '../../electron/main/app/write-path/pipeline.js';
import { calls, type CallName } from '../../shared/contract/index.js';
import { ok } from '../../shared/domain/result.js';
import { Fixture } from './fixtures.js';

let f: Fixture;
let orderId: number;
let logged: Array<{ message: string; error: unknown }>;

beforeEach(() => {
  f = new Fixture();
  logged = [];
  f.app.ctx.logError = (message, error) => logged.push({ message, error });
  orderId = f.addOrder({ number: 'SH-0000401', status: 'processing', paid: true, ageDays: 1, items: [{ storeId: f.storeA, sku: 'ALD-MUG', quantity: 1 }] });
});

afterEach(() => f.close());

/** The real table with some handlers swapped for ones that break their call's declared kind. */
function dispatchWith(wrong: Partial<Handlers>, selfCheck = true): Dispatch {
  return createDispatch(f.app.ctx, { ...createHandlers(f.app.ctx), ...wrong } as Handlers, { selfCheck });
}

const writeNote = () =>
  f.store.execute(`INSERT INTO order_events (order_id, at, actor_name, kind, data) VALUES (?, 0, 'Nobody', 'note', '{}')`, [orderId]);

const viaWritePath = () =>
  runMutation(f.app.ctx, withScope(f.admin), { name: 'test.sneak@1', args: {} }, () => ok(null));

function expectRefusedAsInternal(dispatch: Dispatch, name: CallName, input: unknown, rule: RegExp): void {
  const result = dispatch(f.admin, name, input) as { ok: boolean; code?: string };
  expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
  expect(logged.map(({ error }) => (error instanceof Error ? error.message : String(error)))).toEqual([expect.stringMatching(rule)]);
}

describe('the dispatcher enforces each call’s declared kind', () => {
  it('declares the calls that are not synced changes as local', () => {
    const local = Object.entries(calls).filter(([, definition]) => definition.kind === 'local').map(([name]) => name);
    expect(local.sort()).toEqual([
      'session.signIn',
      'session.signOut',
      'session.useDemo',
      'settings.notifications.save',
      'settings.notifications.testSend',
      'shipments.importCancel',
      'slips.cancel',
      'slips.start',
      'sync.now',
    ]);
  });

  it('refuses a query that enters the write path, before it writes an outbox row', () => {
    const dispatch = dispatchWith({ 'orders.get': () => viaWritePath() as never });
    const outbox = f.count('outbox');
    expectRefusedAsInternal(dispatch, 'orders.get', { orderId }, /orders\.get is declared a query but ran the write path/);
    expect(f.count('outbox')).toBe(outbox);
  });

  it('refuses a query or local call in the write path even without the self-check, as the app runs', () => {
    const dispatch = dispatchWith({ 'orders.get': () => viaWritePath() as never, 'slips.cancel': () => viaWritePath() as never }, false);
    const outbox = f.count('outbox');
    expect(dispatch(f.admin, 'orders.get', { orderId })).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(dispatch(f.admin, 'slips.cancel', { jobId: '8a6e0804-2bd0-4672-b79a-d80c6b5a2f1a' })).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(f.count('outbox')).toBe(outbox);
  });

  it('refuses a query that writes to the database', () => {
    const dispatch = dispatchWith({
      'orders.list': () => {
        writeNote();
        return ok({ rows: [], nextCursor: null });
      },
    });
    expectRefusedAsInternal(dispatch, 'orders.list', {}, /orders\.list is declared a query but wrote/);
  });

  it('refuses a local call that enters the write path, before it writes an outbox row', () => {
    const dispatch = dispatchWith({ 'slips.cancel': () => viaWritePath() as never });
    const outbox = f.count('outbox');
    expectRefusedAsInternal(dispatch, 'slips.cancel', { jobId: '8a6e0804-2bd0-4672-b79a-d80c6b5a2f1a' }, /slips\.cancel is declared a local but ran the write path/);
    expect(f.count('outbox')).toBe(outbox);
  });

  it('refuses a mutation that writes around the write path', () => {
    const dispatch = dispatchWith({
      'orders.addNote': () => {
        writeNote();
        return ok(null) as never;
      },
    });
    expectRefusedAsInternal(dispatch, 'orders.addNote', { orderId, body: 'hi' }, /orders\.addNote is declared a mutation but wrote rows without going through the write path/);
  });

  it('refuses a mutation that answers ok without going through the write path', () => {
    const dispatch = dispatchWith({ 'orders.releaseHold': () => ok(null) as never });
    expectRefusedAsInternal(dispatch, 'orders.releaseHold', { orderId }, /orders\.releaseHold is declared a mutation but answered ok without/);
  });

  it('lets a mutation refuse without reaching the write path, and lets the real handlers through', () => {
    const refused = f.app.dispatch(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', address: { name: '' } });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(f.app.dispatch(f.admin, 'orders.addNote', { orderId, body: 'Fragile' })).toMatchObject({ ok: true });
    expect(f.app.dispatch(f.admin, 'orders.get', { orderId })).toMatchObject({ ok: true });
    expect(logged).toEqual([]);
  });
});
