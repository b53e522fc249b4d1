import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliveryTargets, orderArrived, type DeliveryParcel } from './delivery.js';
import { ORDER_STATUSES } from './order-status.js';

const parcel = (id: string, deliveredAt: number | null = null): DeliveryParcel => ({ id, deliveredAt });

describe('deliveryTargets', () => {
  const visible = [parcel('a', 100), parcel('b'), parcel('c')];

  it('covers every parcel not yet delivered when none is named, in the order given', () => {
    expect(deliveryTargets(visible, undefined)).toEqual({ ok: true, value: [visible[1], visible[2]] });
  });

  it('covers only the parcel named', () => {
    expect(deliveryTargets(visible, 'c')).toEqual({ ok: true, value: [visible[2]] });
  });

  it("refuses a parcel the caller can't see as not on the order", () => {
    expect(deliveryTargets(visible, 'z')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: "That parcel isn't on this order.",
      fields: { shipmentId: 'Not a parcel of this order.' },
    });
  });

  it('refuses to deliver a parcel twice', () => {
    expect(deliveryTargets(visible, 'a')).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', message: 'That parcel was already marked delivered.' });
    expect(deliveryTargets([parcel('a', 1)], undefined)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'Every parcel of this order was already marked delivered.',
    });
  });

  it('refuses when nothing has shipped', () => {
    expect(deliveryTargets([], undefined)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: 'Nothing on this order has shipped yet, so nothing can be delivered.',
    });
  });

  it('only ever picks undelivered parcels of those visible, and at least one', () => {
    const parcels = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), deliveredAt: fc.option(fc.nat()) }), {
      selector: (p) => p.id,
    });
    fc.assert(
      fc.property(parcels, fc.option(fc.string({ maxLength: 3 }), { nil: undefined }), (list, named) => {
        const targets = deliveryTargets(list, named);
        if (!targets.ok) return;
        expect(targets.value.length).toBeGreaterThan(0);
        for (const target of targets.value) {
          expect(list).toContain(target);
          expect(target.deliveredAt).toBeNull();
        }
      }),
    );
  });
});

describe('orderArrived', () => {
  it('is true only for a shipped, fully fulfilled order whose every parcel arrived', () => {
    const all = [parcel('a', 1), parcel('b', 2)];
    expect(orderArrived({ status: 'shipped', fulfillmentStatus: 'fulfilled' }, all)).toBe(true);
    expect(orderArrived({ status: 'shipped', fulfillmentStatus: 'fulfilled' }, [...all, parcel('c')])).toBe(false);
    expect(orderArrived({ status: 'processing', fulfillmentStatus: 'partially_fulfilled' }, all)).toBe(false);
  });

  it('never delivers an order that is not shipped, or not fully fulfilled', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_STATUSES), fc.constantFrom('unfulfilled', 'partially_fulfilled', 'fulfilled' as const), (status, fulfillmentStatus) => {
        const arrived = orderArrived({ status, fulfillmentStatus }, [parcel('a', 1)]);
        expect(arrived).toBe(status === 'shipped' && fulfillmentStatus === 'fulfilled');
      }),
    );
  });
});
