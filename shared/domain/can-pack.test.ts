import { describe, expect, it } from 'vitest';
import { checkCanPack, type PackableOrder } from './can-pack.js';

type Item = PackableOrder['items'][number];
const item = (over: Partial<Item> = {}): Item => ({ quantity: 2, packedQuantity: 0, fulfilledQuantity: 0, isDigital: false, ...over });
const paid = (over: Partial<PackableOrder> = {}): PackableOrder => ({ status: 'processing', onHold: false, items: [item()], ...over });
const refusal = (order: PackableOrder) => {
  const check = checkCanPack(order);
  return check.ok ? null : { code: check.code, message: check.message };
};

describe('checkCanPack', () => {
  it('lets a paid order that is not on hold be packed while a unit is left', () => {
    expect(checkCanPack(paid())).toEqual({ ok: true, value: null });
    expect(checkCanPack(paid({ items: [item({ packedQuantity: 1 })] }))).toEqual({ ok: true, value: null });
  });

  it('refuses an unpaid order, and any status but processing by name', () => {
    expect(refusal(paid({ status: 'pending' }))).toEqual({ code: 'INVALID_TRANSITION', message: "This order isn't paid yet, so it can't be packed." });
    for (const status of ['shipped', 'delivered', 'cancelled', 'returned'] as const) {
      expect(refusal(paid({ status }))?.message).toBe(`A ${status} order can't be packed.`);
    }
  });

  it('refuses an order on hold, after the status', () => {
    expect(refusal(paid({ onHold: true }))?.message).toBe('This order is on hold. Release the hold before packing.');
    expect(refusal(paid({ onHold: true, status: 'pending' }))?.message).toMatch(/isn't paid/);
  });

  it('says when there is nothing physical to pack', () => {
    expect(refusal(paid({ items: [item({ isDigital: true })] }))?.message).toBe('This order only has digital items, so there is nothing to pack.');
    expect(refusal(paid({ items: [] }))?.message).toBe('This order only has digital items, so there is nothing to pack.');
  });

  it('counts shipped units as packed, and ignores digital items', () => {
    const done = paid({ items: [item({ packedQuantity: 1, fulfilledQuantity: 2 }), item({ isDigital: true, quantity: 5 })] });
    expect(refusal(done)).toEqual({ code: 'INVALID_TRANSITION', message: 'Every item on this order is already packed.' });
  });
});
