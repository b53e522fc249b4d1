import { describe, expect, it } from 'vitest';
import { addressChanged, checkAddressChange, saveToCustomerRefused, type AddressChangeState } from './address-change.js';
import { ORDER_STATUSES } from './order-status.js';

const open: AddressChangeState = { status: 'processing', hasShippingAddress: true, parcels: 0 };
const refusal = (state: AddressChangeState) => {
  const check = checkAddressChange(state);
  return check.ok ? null : { code: check.code, message: check.message };
};

describe('checkAddressChange', () => {
  it('lets the address change while nothing has shipped and the order is still to ship', () => {
    expect(checkAddressChange(open)).toEqual({ ok: true, value: null });
    expect(checkAddressChange({ ...open, status: 'pending' })).toEqual({ ok: true, value: null });
  });

  it('refuses once a parcel has left, whatever the status says', () => {
    expect(refusal({ ...open, parcels: 1 })).toEqual({
      code: 'INVALID_TRANSITION',
      message: 'Part of this order has already shipped to the old address, so it can no longer change. Contact the carrier to redirect the parcel.',
    });
  });

  it('names the final status of a cancelled or returned order', () => {
    expect(refusal({ ...open, status: 'cancelled' })?.message).toBe("This order was cancelled, so its address can't change.");
    expect(refusal({ ...open, status: 'returned' })?.message).toBe("This order was returned, so its address can't change.");
  });

  it('refuses a shipped or delivered order even with no parcel on record', () => {
    for (const status of ['shipped', 'delivered'] as const) {
      expect(refusal({ ...open, status })?.message).toBe('This order has already shipped, so its address can no longer change.');
    }
  });

  it('says an order of only digital items has no address, before anything else', () => {
    for (const status of ORDER_STATUSES) {
      expect(refusal({ status, hasShippingAddress: false, parcels: 2 })?.message).toBe('This order has only digital items, so it has no shipping address.');
    }
  });
});

describe('addressChanged', () => {
  const from = { name: 'Ada', street: '1 Main St', street2: null, city: 'Springfield', state: 'IL', zip: '62701', country: 'US', phone: null };

  it('is false for the same address, a missing optional field counting as none', () => {
    expect(addressChanged(from, { ...from })).toBe(false);
    expect(addressChanged(from, { ...from, street2: undefined, phone: undefined })).toBe(false);
  });

  it('is true when any field differs, the phone included (the carrier calls it)', () => {
    for (const field of ['name', 'street', 'street2', 'city', 'state', 'zip', 'country', 'phone'] as const) {
      expect(addressChanged(from, { ...from, [field]: 'other' })).toBe(true);
    }
  });
});

describe('saveToCustomerRefused', () => {
  it("is a FORBIDDEN that tells the seller they can still correct the order", () => {
    expect(saveToCustomerRefused()).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: "Only an admin can change a customer's saved addresses. Correct the order without saving it.",
    });
  });
});
