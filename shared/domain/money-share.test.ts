import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, moneyFor, storeShares, type OrderFigures, type StoreItems } from './money-share.js';

describe('apportion', () => {
  it('gives each part the floor of its exact share and the leftover cents to the largest remainders', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(apportion(7, [1, 2])).toEqual([2, 5]); // 2.33 / 4.67: the larger remainder gets the cent
    expect(apportion(1, [5, 5])).toEqual([1, 0]); // a tie goes to the earlier part
    expect(apportion(5, [0, 0])).toEqual([3, 2]);
    expect(apportion(0, [])).toEqual([]);
  });

  it('refuses amounts that are not whole cents, and an amount with nowhere to go', () => {
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(10, [-1, 2])).toThrow(RangeError);
    expect(() => apportion(10, [])).toThrow(RangeError);
  });

  it('always sums to the amount, each part within a cent of its exact share, also past 2^53 products', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 8 }), (amount, weights) => {
        const parts = apportion(amount, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
        const effective = weights.every((w) => w === 0) ? weights.map(() => 1) : weights;
        const total = effective.reduce((a, b) => a + b, 0);
        parts.forEach((part, i) => {
          expect(Number.isSafeInteger(part)).toBe(true);
          expect(Math.abs(part - (amount * effective[i]!) / total)).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });
});

/** An order as the shop builds it: subtotal = items, total = subtotal + shipping + tax − discount. */
const orderArb = fc
  .record({
    stores: fc.uniqueArray(fc.record({ storeId: fc.integer({ min: 1, max: 50 }), itemsCents: fc.integer({ min: 0, max: 5_000_000 }) }), {
      minLength: 1,
      maxLength: 5,
      selector: (s) => s.storeId,
    }),
    shippingCents: fc.integer({ min: 0, max: 10_000 }),
    taxBps: fc.integer({ min: 0, max: 1_500 }),
    discountPermille: fc.integer({ min: 0, max: 1_000 }),
  })
  .map(({ stores, shippingCents, taxBps, discountPermille }) => {
    const subtotalCents = stores.reduce((sum, s) => sum + s.itemsCents, 0);
    const discountCents = Math.floor((subtotalCents * discountPermille) / 1_000);
    const taxCents = Math.round(((subtotalCents - discountCents) * taxBps) / 10_000);
    const order: OrderFigures = { subtotalCents, shippingCents, taxCents, discountCents, totalCents: subtotalCents + shippingCents + taxCents - discountCents };
    return { order, stores: stores as StoreItems[] };
  });

describe('storeShares', () => {
  it('splits a two-store order: subtotal by items, discount and tax by share, cents by largest remainder', () => {
    const order: OrderFigures = { subtotalCents: 3000, shippingCents: 599, taxCents: 199, discountCents: 100, totalCents: 3698 };
    const shares = storeShares(order, [
      { storeId: 2, itemsCents: 2000 },
      { storeId: 1, itemsCents: 1000 },
    ]);
    expect(shares).toEqual([
      // 1000/3000 of the discount is 33.3, of the tax (1000 − 33 of 2900) 66.37 …
      { storeId: 1, subtotalCents: 1000, discountCents: 33, taxCents: 66, totalCents: 1033 },
      { storeId: 2, subtotalCents: 2000, discountCents: 67, taxCents: 133, totalCents: 2066 },
    ]);
  });

  it("the stores' shares sum exactly to the order's subtotal, discount and tax, and with shipping to its total", () => {
    fc.assert(
      fc.property(orderArb, ({ order, stores }) => {
        const shares = storeShares(order, stores);
        const sum = (pick: (s: (typeof shares)[number]) => number) => shares.reduce((total, s) => total + pick(s), 0);
        expect(sum((s) => s.subtotalCents)).toBe(order.subtotalCents);
        expect(sum((s) => s.discountCents)).toBe(order.discountCents);
        expect(sum((s) => s.taxCents)).toBe(order.taxCents);
        expect(sum((s) => s.totalCents) + order.shippingCents).toBe(order.totalCents);
        for (const share of shares) {
          expect(share.discountCents).toBeLessThanOrEqual(share.subtotalCents);
          expect(share.totalCents).toBeGreaterThanOrEqual(0);
        }
        // A store's subtotal is exactly its own items when the order's subtotal is their sum.
        expect(shares.map((s) => s.subtotalCents)).toEqual([...stores].sort((a, b) => a.storeId - b.storeId).map((s) => s.itemsCents));
      }),
    );
  });

  it('does not depend on the order the stores are listed in', () => {
    fc.assert(
      fc.property(orderArb, ({ order, stores }) => {
        expect(storeShares(order, [...stores].reverse())).toEqual(storeShares(order, stores));
      }),
    );
  });
});

describe('moneyFor', () => {
  const order: OrderFigures = { subtotalCents: 3000, shippingCents: 599, taxCents: 199, discountCents: 100, totalCents: 3698 };
  const stores: StoreItems[] = [
    { storeId: 1, itemsCents: 1000 },
    { storeId: 2, itemsCents: 2000 },
  ];

  it('shows an admin, or a seller who runs every store on the order, the whole order with its shipping', () => {
    const whole = { scope: 'order', subtotalCents: 3000, discountCents: 100, taxCents: 199, shippingCents: 599, totalCents: 3698 };
    expect(moneyFor(order, stores, null)).toEqual(whole);
    expect(moneyFor(order, stores, [1, 2, 7])).toEqual(whole);
    expect(moneyFor(order, [{ storeId: 1, itemsCents: 3000 }], [1])).toEqual(whole);
  });

  it("shows a co-seller their own items' share, without the order's shipping", () => {
    expect(moneyFor(order, stores, [1])).toEqual({ scope: 'own_items', subtotalCents: 1000, discountCents: 33, taxCents: 66, shippingCents: null, totalCents: 1033 });
    expect(moneyFor(order, stores, [2, 9])).toEqual({ scope: 'own_items', subtotalCents: 2000, discountCents: 67, taxCents: 133, shippingCents: null, totalCents: 2066 });
  });
});
