import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  afterShipped,
  applyShipment,
  checkNotHeldForShipping,
  deriveFulfillmentStatus,
  parcelStore,
  planShipment,
  remainingToShip,
  type FulfillableItem,
} from './fulfillment.js';

const item = (over: Partial<FulfillableItem> & { id: number }): FulfillableItem => ({
  quantity: 1,
  fulfilledQuantity: 0,
  returnedQuantity: 0,
  isDigital: false,
  ...over,
});

describe('deriveFulfillmentStatus', () => {
  it('is unfulfilled with no items', () => {
    expect(deriveFulfillmentStatus([], true)).toBe('unfulfilled');
  });

  it('follows physical quantities', () => {
    expect(deriveFulfillmentStatus([item({ id: 1, quantity: 2 })], true)).toBe('unfulfilled');
    expect(deriveFulfillmentStatus([item({ id: 1, quantity: 2, fulfilledQuantity: 1 })], true)).toBe('partially_fulfilled');
    expect(deriveFulfillmentStatus([item({ id: 1, quantity: 2, fulfilledQuantity: 2 })], true)).toBe('fulfilled');
  });

  it('counts digital items as fulfilled only once paid', () => {
    const digital = item({ id: 1, quantity: 3, isDigital: true });
    expect(deriveFulfillmentStatus([digital], false)).toBe('unfulfilled');
    expect(deriveFulfillmentStatus([digital], true)).toBe('fulfilled');
    expect(deriveFulfillmentStatus([digital, item({ id: 2 })], true)).toBe('partially_fulfilled');
  });

  it('ignores returns: returned units still shipped', () => {
    expect(deriveFulfillmentStatus([item({ id: 1, quantity: 2, fulfilledQuantity: 2, returnedQuantity: 2 })], true)).toBe(
      'fulfilled',
    );
  });
});

describe('remainingToShip', () => {
  it('is quantity minus fulfilled for physical items and 0 for digital', () => {
    expect(remainingToShip(item({ id: 1, quantity: 5, fulfilledQuantity: 2 }))).toBe(3);
    expect(remainingToShip(item({ id: 1, quantity: 5, isDigital: true }))).toBe(0);
  });
});

describe('planShipment', () => {
  const items = [
    item({ id: 1, quantity: 3, fulfilledQuantity: 1 }),
    item({ id: 2, quantity: 1, fulfilledQuantity: 1 }),
    item({ id: 3, quantity: 2, isDigital: true }),
    item({ id: 4, quantity: 2 }),
  ];

  it('plans every remaining physical unit when requested is null', () => {
    expect(planShipment(items, null)).toEqual({
      ok: true,
      value: [
        { itemId: 1, quantity: 2 },
        { itemId: 4, quantity: 2 },
      ],
    });
  });

  it('accepts a valid partial request', () => {
    expect(planShipment(items, [{ itemId: 4, quantity: 1 }])).toEqual({ ok: true, value: [{ itemId: 4, quantity: 1 }] });
  });

  it.each([
    ['unknown item', [{ itemId: 99, quantity: 1 }], 'INVALID_INPUT', 'lines.0.itemId'],
    ['duplicate item', [{ itemId: 1, quantity: 1 }, { itemId: 1, quantity: 1 }], 'INVALID_INPUT', 'lines.1.itemId'],
    ['zero quantity', [{ itemId: 1, quantity: 0 }], 'INVALID_INPUT', 'lines.0.quantity'],
    ['negative quantity', [{ itemId: 1, quantity: -1 }], 'INVALID_INPUT', 'lines.0.quantity'],
    ['fractional quantity', [{ itemId: 1, quantity: 1.5 }], 'INVALID_INPUT', 'lines.0.quantity'],
    ['digital item', [{ itemId: 3, quantity: 1 }], 'INVALID_INPUT', 'lines.0.itemId'],
    ['more than remaining', [{ itemId: 1, quantity: 3 }], 'INVALID_TRANSITION', 'lines.0.quantity'],
    ['already shipped item', [{ itemId: 2, quantity: 1 }], 'INVALID_TRANSITION', 'lines.0.quantity'],
  ])('rejects %s', (_name, lines, code, field) => {
    const r = planShipment(items, lines);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(Object.keys(r.fields ?? {})).toEqual([field]);
    }
  });

  it('rejects an empty request', () => {
    const r = planShipment(items, []);
    expect(r.ok === false && r.code).toBe('INVALID_INPUT');
  });

  it('says when everything has already shipped', () => {
    const done = [item({ id: 1, quantity: 2, fulfilledQuantity: 2 }), item({ id: 2, isDigital: true })];
    expect(planShipment(done, null)).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'Every item on this order has already shipped.',
    });
  });

  it('refuses to ship a digital-only order', () => {
    const r = planShipment([item({ id: 1, isDigital: true })], null);
    expect(r.ok === false && r.code).toBe('INVALID_TRANSITION');
  });
});

describe('applyShipment', () => {
  it('adds shipped units without mutating the input', () => {
    const before = [item({ id: 1, quantity: 3 }), item({ id: 2, quantity: 1 })];
    const snapshot = structuredClone(before);
    const after = applyShipment(before, [{ itemId: 1, quantity: 2 }]);
    expect(after.map((i) => i.fulfilledQuantity)).toEqual([2, 0]);
    expect(before).toEqual(snapshot);
    expect(after[0]).not.toBe(before[0]);
  });

  it('throws on lines that did not come from a valid plan', () => {
    expect(() => applyShipment([item({ id: 1 })], [{ itemId: 1, quantity: 2 }])).toThrow(RangeError);
    expect(() => applyShipment([item({ id: 1 })], [{ itemId: 7, quantity: 1 }])).toThrow(RangeError);
  });
});

const itemsArb = fc
  .array(
    fc.record({
      quantity: fc.integer({ min: 1, max: 6 }),
      shippedRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      isDigital: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((rows) =>
    rows.map(
      (r, i): FulfillableItem => ({
        id: i + 1,
        quantity: r.quantity,
        fulfilledQuantity: r.isDigital ? 0 : Math.floor(r.quantity * r.shippedRatio),
        returnedQuantity: 0,
        isDigital: r.isDigital,
      }),
    ),
  );

describe('fulfillment properties', () => {
  it('derived status agrees with item quantities', () => {
    fc.assert(
      fc.property(itemsArb, fc.boolean(), (items, paid) => {
        const status = deriveFulfillmentStatus(items, paid);
        const done = items.map((i) => (i.isDigital ? (paid ? i.quantity : 0) : i.fulfilledQuantity));
        const allDone = items.every((i, k) => done[k] === i.quantity);
        const noneDone = done.every((d) => d === 0);
        expect(status === 'fulfilled').toBe(allDone);
        expect(status === 'unfulfilled').toBe(noneDone);
        if (paid) expect(status === 'fulfilled').toBe(items.every((i) => remainingToShip(i) === 0));
      }),
    );
  });

  it('applying random valid plans never overfills and eventually fulfils', () => {
    const step = fc.record({ mask: fc.nat(), qtySeed: fc.nat(), overship: fc.boolean() });
    fc.assert(
      fc.property(itemsArb, fc.array(step, { maxLength: 10 }), (start, steps) => {
        let items = start;
        for (const { mask, qtySeed, overship } of steps) {
          const open = items.filter((i, k) => remainingToShip(i) > 0 && (mask >> k) % 2 === 1);
          if (open.length === 0) continue;
          const requested = open.map((i) => ({
            itemId: i.id,
            quantity: overship ? remainingToShip(i) + 1 : 1 + (qtySeed % remainingToShip(i)),
          }));
          const plan = planShipment(items, requested);
          expect(plan.ok).toBe(!overship);
          if (!plan.ok) {
            expect(plan.code).toBe('INVALID_TRANSITION');
            continue;
          }
          const totalBefore = items.reduce((s, i) => s + i.fulfilledQuantity, 0);
          items = applyShipment(items, plan.value);
          const totalAfter = items.reduce((s, i) => s + i.fulfilledQuantity, 0);
          expect(totalAfter - totalBefore).toBe(plan.value.reduce((s, l) => s + l.quantity, 0));
          for (const i of items) {
            expect(i.fulfilledQuantity).toBeLessThanOrEqual(i.quantity);
            if (i.isDigital) expect(i.fulfilledQuantity).toBe(0);
          }
          expect(deriveFulfillmentStatus(items, true)).not.toBe('unfulfilled');
        }
        const rest = planShipment(items, null);
        if (rest.ok) items = applyShipment(items, rest.value);
        if (items.some((i) => !i.isDigital)) {
          expect(deriveFulfillmentStatus(items, true)).toBe('fulfilled');
          const again = planShipment(items, null);
          expect(again.ok === false && again.message).toBe('Every item on this order has already shipped.');
        }
      }),
    );
  });
});

describe('checkNotHeldForShipping', () => {
  it('lets an order not on hold ship', () => {
    expect(checkNotHeldForShipping({ onHold: false, holdReason: null })).toEqual({ ok: true, value: null });
  });

  it('refuses a held order, saying why it is held', () => {
    expect(checkNotHeldForShipping({ onHold: true, holdReason: 'Address check' })).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'This order is on hold (Address check). Release the hold before shipping.',
    });
    expect(checkNotHeldForShipping({ onHold: true, holdReason: null })).toMatchObject({
      message: 'This order is on hold (no reason given). Release the hold before shipping.',
    });
  });
});

describe('parcelStore', () => {
  const storeOf = (itemId: number) => (itemId < 10 ? 1 : 2);

  it("is the one store all of the parcel's items come from", () => {
    expect(parcelStore([{ itemId: 1, quantity: 1 }, { itemId: 2, quantity: 3 }], storeOf)).toEqual({ ok: true, value: 1 });
    expect(parcelStore([{ itemId: 11, quantity: 1 }], storeOf)).toEqual({ ok: true, value: 2 });
  });

  it('refuses a parcel spanning stores', () => {
    expect(parcelStore([{ itemId: 1, quantity: 1 }, { itemId: 11, quantity: 1 }], storeOf)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'A parcel ships from one store. This order has items from several stores: choose the items in this parcel.',
    });
  });

  it('succeeds exactly when every line is of one store, and answers that store', () => {
    const lines = fc.array(fc.record({ itemId: fc.integer({ min: 1, max: 20 }), quantity: fc.integer({ min: 1, max: 5 }) }), { minLength: 1 });
    fc.assert(
      fc.property(lines, (plan) => {
        const stores = new Set(plan.map((line) => storeOf(line.itemId)));
        const store = parcelStore(plan, storeOf);
        expect(store.ok).toBe(stores.size === 1);
        if (store.ok) expect(stores).toEqual(new Set([store.value]));
      }),
    );
  });
});

describe('afterShipped', () => {
  it('counts a unit shipped unscanned as packed', () => {
    expect(afterShipped({ sku: 'MUG', packedQuantity: 0, fulfilledQuantity: 0 }, 2)).toEqual({ sku: 'MUG', packedQuantity: 2, fulfilledQuantity: 2 });
  });

  it('keeps units packed for a later parcel as packed', () => {
    expect(afterShipped({ packedQuantity: 3, fulfilledQuantity: 0 }, 1)).toEqual({ packedQuantity: 3, fulfilledQuantity: 1 });
  });

  it('adds the shipped units, never unpacks, and never leaves fewer packed than shipped', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.integer({ min: 1, max: 50 }), (packedQuantity, fulfilledQuantity, quantity) => {
        const after = afterShipped({ packedQuantity, fulfilledQuantity }, quantity);
        expect(after.fulfilledQuantity).toBe(fulfilledQuantity + quantity);
        expect(after.packedQuantity).toBeGreaterThanOrEqual(packedQuantity);
        expect(after.packedQuantity).toBeGreaterThanOrEqual(after.fulfilledQuantity);
        expect(after.packedQuantity).toBe(Math.max(packedQuantity, after.fulfilledQuantity));
      }),
    );
  });
});
