import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/app/context.js';
import { Fixture } from './fixtures.js';

const REQUEST_1 = '11111111-1111-4111-8111-111111111111';
const REQUEST_2 = '22222222-2222-4222-8222-222222222222';
const REQUEST_3 = '33333333-3333-4333-8333-333333333333';

let f: Fixture;
let shared: number;
let single: number;

beforeEach(() => {
  f = new Fixture();
  // Alder's bowl ($15) and Birch's two spoons ($30), one customer, one payment.
  shared = f.addSharedOrder('SH-0000401');
  single = f.addOrder({ number: 'SH-0000402', status: 'processing', paid: true, ageDays: 2, items: [{ storeId: f.storeA, sku: 'ALD-MUG', quantity: 1 }] });
  // A $1 discount and $3.31 tax on the shared order: 4500 + 500 shipping + 331 − 100.
  f.store.sqlite
    .prepare('UPDATE orders SET discount_cents = 100, tax_cents = 331, total_cents = 5231, captured_cents = 5231 WHERE id = ?')
    .run(shared);
});

afterEach(() => f.close());

// By largest remainder (shared/domain/money-share.ts): discount 33.3 / 66.7 → 33 / 67;
// tax on 1467 / 2933 of 4400 → 110.4 / 220.6 → 110 / 221. 1577 + 3154 + 500 shipping = 5231.
const ALDER = { subtotalCents: 1500, discountCents: 33, taxCents: 110, totalCents: 1577 };
const BIRCH = { subtotalCents: 3000, discountCents: 67, taxCents: 221, totalCents: 3154 };

const rowOf = (actor: Actor, orderId: number, search?: string) =>
  f.ok(actor, 'orders.list', { view: 'all', ...(search === undefined ? {} : { search }) }).rows.find((r) => r.id === orderId)!;

describe('the money of an order two stores share', () => {
  it("shows each seller their own items' subtotal, discount, tax and total, without shipping or the payment", () => {
    expect(f.ok(f.sellerA, 'orders.get', { orderId: shared }).money).toEqual({
      currency: 'USD',
      scope: 'own_items',
      ...ALDER,
      shippingCents: null,
      capturedCents: null,
      refundedCents: null,
    });
    expect(f.ok(f.sellerB, 'orders.get', { orderId: shared }).money).toMatchObject({ scope: 'own_items', ...BIRCH, shippingCents: null });
  });

  it('shows an admin the whole order', () => {
    expect(f.ok(f.admin, 'orders.get', { orderId: shared }).money).toEqual({
      currency: 'USD',
      scope: 'order',
      subtotalCents: 4500,
      shippingCents: 500,
      taxCents: 331,
      discountCents: 100,
      totalCents: 5231,
      capturedCents: 5231,
      refundedCents: 0,
    });
  });

  it("shows a seller the whole order, shipping included, when every store on it is theirs", () => {
    expect(f.ok(f.sellerA, 'orders.get', { orderId: single }).money).toMatchObject({ scope: 'order', shippingCents: 500, totalCents: 2000 });
  });

  it("the queue row shows the same share, in the queue and in search results", () => {
    expect(rowOf(f.sellerA, shared)).toMatchObject({ totalCents: ALDER.totalCents, moneyScope: 'own_items', itemCount: 1 });
    expect(rowOf(f.sellerB, shared)).toMatchObject({ totalCents: BIRCH.totalCents, moneyScope: 'own_items', itemCount: 2 });
    expect(rowOf(f.sellerA, shared, 'SH-0000401')).toMatchObject({ totalCents: ALDER.totalCents, moneyScope: 'own_items' });
    expect(rowOf(f.sellerA, single)).toMatchObject({ totalCents: 2000, moneyScope: 'order', itemCount: 1 });
    expect(rowOf(f.admin, shared)).toMatchObject({ totalCents: 5231, moneyScope: 'order', itemCount: 3 });
  });
});

describe('resending the order confirmation', () => {
  it('is refused to a seller on an order shared with another store, writing nothing', () => {
    const before = f.snapshot();
    const refused = f.call(f.sellerA, 'orders.resendConfirmation', { orderId: shared, requestId: REQUEST_1 });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/shared with other stores/) });
    expect(f.snapshot()).toEqual(before);
    expect(f.ok(f.admin, 'orders.resendConfirmation', { orderId: shared, requestId: REQUEST_1 }).queued).toBe(true);
  });

  it('is limited to one a minute per order, for everyone; a repeated request is still answered as before', () => {
    const first = f.ok(f.sellerA, 'orders.resendConfirmation', { orderId: single, requestId: REQUEST_1 });
    const before = f.snapshot();
    f.clock += 15_000;
    const tooSoon = f.call(f.sellerA, 'orders.resendConfirmation', { orderId: single, requestId: REQUEST_2 });
    expect(tooSoon).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: expect.stringMatching(/try again in 45 s/) });
    expect(f.call(f.admin, 'orders.resendConfirmation', { orderId: single, requestId: REQUEST_3 })).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(f.ok(f.sellerA, 'orders.resendConfirmation', { orderId: single, requestId: REQUEST_1 })).toEqual({ ...first, queued: false });
    expect(f.snapshot()).toEqual(before);

    f.clock += 45_000;
    expect(f.ok(f.sellerA, 'orders.resendConfirmation', { orderId: single, requestId: REQUEST_2 }).queued).toBe(true);
    // Another order is not held up by this one.
    expect(f.ok(f.admin, 'orders.resendConfirmation', { orderId: shared, requestId: REQUEST_3 }).queued).toBe(true);
  });
});
