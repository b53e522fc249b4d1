import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderDocSchema, type OrderDoc } from '../../shared/contract/sync-protocol.js';
import { applyMutation } from './apply.js';
import { scopeOrderDoc } from './scope.js';
import { actorArb, deepFreeze, mutationArb, orderDocArb, shippableArb, unshippedArb } from './test-arbitraries.js';
import { T0, counter } from './test-support.js';

const partOf = (doc: OrderDoc, storeIds: readonly number[]) => {
  const outside = (storeId: number) => !storeIds.includes(storeId);
  return {
    items: doc.items.filter((item) => outside(item.storeId)),
    shipments: doc.shipments.filter((p) => outside(p.storeId)),
    events: doc.events.filter((e) => e.storeId !== null && outside(e.storeId)),
  };
};

describe('applyMutation, whatever the order and the mutation', () => {
  it("never changes another store's part of the order, never writes to its input, and hands back a valid document", () => {
    const anyChange = fc.tuple(fc.oneof(orderDocArb, unshippedArb), actorArb, mutationArb).map(([doc, actor, mutation]) => ({ doc, actor, mutation }));
    const changedBy = new Map<string, number>();
    fc.assert(
      fc.property(fc.oneof(anyChange, shippableArb), ({ doc, actor, mutation }) => {
        const before = structuredClone(doc);
        const result = applyMutation(deepFreeze(doc), mutation, actor, T0, counter());
        expect(doc).toEqual(before);
        if (!result.ok) return;
        orderDocSchema.parse(result.value);
        if (!result.changed) expect(result.value).toBe(doc);
        else changedBy.set(mutation.name, (changedBy.get(mutation.name) ?? 0) + 1);
        if (actor.storeIds !== null) {
          // A seller acts only on their stores' items, parcels and entries.
          expect(partOf(result.value, actor.storeIds)).toEqual(partOf(doc, actor.storeIds));
          expect(actor.storeIds.some((id) => doc.storeIds.includes(id))).toBe(true);
        }
        // Shipping and packing never count past the ordered quantity.
        for (const item of result.value.items) {
          expect(item.fulfilledQuantity).toBeLessThanOrEqual(item.quantity);
          expect(item.packedQuantity).toBeLessThanOrEqual(item.quantity);
        }
      }),
      { numRuns: 2000 },
    );
    // The property said something about every kind of change.
    for (const name of ['order.ship@1', 'order.markPacked@1', 'order.placeHold@1', 'order.releaseHold@1', 'order.addNote@1', 'order.markDelivered@1', 'order.updateShippingAddress@1']) {
      expect(changedBy.get(name) ?? 0, name).toBeGreaterThan(0);
    }
  });

  it('refuses a seller of none of the order\'s stores, whatever they push', () => {
    fc.assert(
      fc.property(orderDocArb, mutationArb, (doc, mutation) => {
        const outsider = { userId: 99, name: 'Elsewhere', role: 'seller' as const, storeIds: [42], stationId: 's', stationName: 'S' };
        expect(applyMutation(doc, mutation, outsider, T0, counter())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      }),
    );
  });

  it('ship, then scope, then the same ship again is idempotent, on the copy and on the whole order', () => {
    let shipped = 0;
    fc.assert(
      fc.property(shippableArb, ({ doc, actor, mutation }) => {
        const first = applyMutation(doc, mutation, actor, T0, counter());
        if (!first.ok) {
          // Only an actor with nothing left to ship in this order is refused.
          expect(first.code).toMatch(/FORBIDDEN|INVALID_INPUT|INVALID_TRANSITION/);
          return;
        }
        shipped += 1;
        expect(first.changed).toBe(true);
        const copy = scopeOrderDoc(first.value, actor.storeIds);
        expect(copy).not.toBeNull();
        expect(applyMutation(copy!, mutation, actor, T0 + 5000, counter())).toEqual({ ok: true, value: copy, changed: false });
        expect(applyMutation(first.value, mutation, actor, T0 + 5000, counter())).toEqual({ ok: true, value: first.value, changed: false });
      }),
      { numRuns: 300 },
    );
    // The property said something: most generated parcels did ship.
    expect(shipped).toBeGreaterThan(100);
  });

  it('applies a mutation to a seller\'s copy as to their part of the whole order', () => {
    // What a seller's desk computes on its copy agrees with what the server does on the order.
    fc.assert(
      fc.property(orderDocArb, actorArb, mutationArb, (doc, actor, mutation) => {
        fc.pre(actor.storeIds !== null);
        const copy = scopeOrderDoc(doc, actor.storeIds);
        fc.pre(copy !== null);
        const onWhole = applyMutation(doc, mutation, actor, T0, counter());
        const onCopy = applyMutation(copy!, mutation, actor, T0, counter());
        // The one thing a copy can't know: another store's parcel has left, which fixes the
        // address. The seller's desk allows that correction and the server refuses it.
        const addressBlind = mutation.name === 'order.updateShippingAddress@1' && doc.shipments.some((p) => !actor.storeIds!.includes(p.storeId));
        if (addressBlind) return;
        if (!onWhole.ok || !onCopy.ok) {
          expect(onCopy).toEqual(onWhole);
          return;
        }
        const scopedAfter = scopeOrderDoc(onWhole.value, actor.storeIds)!;
        expect(onCopy.value.items).toEqual(scopedAfter.items);
        expect(onCopy.value.shipments).toEqual(scopedAfter.shipments);
        expect(onCopy.value.onHold).toBe(scopedAfter.onHold);
      }),
      { numRuns: 300 },
    );
  });
});
