import { describe, expect, it } from 'vitest';
import type { OrderDetail, OrderItemView } from '../../../shared/contract/index.js';
import { checkOverrideReason, checkTrackingDraft, type ShipDraft } from '../shipping/ship-draft.js';
import { defaultQuantities, packProgress, planPackShipment, unverifiedInParcel, verifiedOf } from './pack-rules.js';
import { packItem } from './test-items.js';

const item = packItem;

const order = (items: OrderItemView[]): OrderDetail => ({ id: 9, items }) as OrderDetail;
const vase = item({ id: 1, quantity: 2 });
const mug = item({ id: 2, sku: 'JUN-MUG-001', quantity: 1 });
const ebook = item({ id: 3, sku: 'JUN-EBK-001', isDigital: true, quantity: 1, barcode: null });

const draft = (over: Partial<ShipDraft> = {}): ShipDraft => ({
  tracking: { text: '1Z999AA10123456784', other: false, carrierName: '', trackingUrl: '' },
  carrier: null,
  quantities: null,
  overrideReason: null,
  notifyCustomer: true,
  ...over,
});

describe('packing progress', () => {
  it('counts local ticks on top of what main has recorded, never past the quantity', () => {
    expect(verifiedOf(item({ packedQuantity: 1 }), { 1: 1 })).toBe(2);
    expect(verifiedOf(item({ packedQuantity: 1 }), { 1: 5 })).toBe(2);
  });

  it('is ready only when every physical unit left to ship is verified; digital items never count', () => {
    const o = order([vase, mug, ebook]);
    expect(packProgress(o, {})).toEqual({ verified: 0, total: 3, ready: false });
    expect(packProgress(o, { 1: 2 })).toEqual({ verified: 2, total: 3, ready: false });
    expect(packProgress(o, { 1: 2, 2: 1 })).toEqual({ verified: 3, total: 3, ready: true });
  });

  it('leaves shipped units out of what is left to verify', () => {
    const o = order([item({ id: 1, quantity: 3, packedQuantity: 2, fulfilledQuantity: 2 })]);
    expect(packProgress(o, {})).toEqual({ verified: 0, total: 1, ready: false });
    expect(packProgress(o, { 1: 1 })).toEqual({ verified: 1, total: 1, ready: true });
  });
});

describe('the parcel', () => {
  it('holds the verified units by default, and every unit left with an override', () => {
    const o = order([vase, mug]);
    expect(defaultQuantities(o, { 1: 1 }, false)).toEqual({ 1: 1, 2: 0 });
    expect(defaultQuantities(o, { 1: 1 }, true)).toEqual({ 1: 2, 2: 1 });
  });

  it('fills in one store only: a parcel ships from one store', () => {
    const o = order([vase, item({ id: 5, storeId: 2, quantity: 1 })]);
    expect(defaultQuantities(o, {}, true)).toEqual({ 1: 2, 5: 0 });
  });

  it('ships verified units with the detected carrier and its link', () => {
    const plan = planPackShipment(order([vase, mug]), { 1: 2, 2: 1 }, draft(), 'uuid');
    expect(plan).toEqual({
      ok: true,
      value: {
        orderId: 9,
        shipmentId: 'uuid',
        carrier: 'ups',
        trackingNumber: '1Z999AA10123456784',
        items: [
          { itemId: 1, quantity: 2 },
          { itemId: 2, quantity: 1 },
        ],
        notifyCustomer: true,
      },
    });
  });

  it('refuses unverified units without an override, and sends the reason with one', () => {
    const o = order([vase, mug]);
    const quantities = { 1: 2, 2: 1 };
    expect(unverifiedInParcel(o, { 1: 1 }, quantities)).toBe(2);
    const blocked = planPackShipment(o, { 1: 1 }, draft({ quantities }), 'uuid');
    expect(blocked.ok === false && blocked.code).toBe('NOT_VERIFIED');
    const overridden = planPackShipment(o, { 1: 1 }, draft({ overrideReason: 'Label torn' }), 'uuid');
    expect(overridden.ok && overridden.value.verificationOverride).toBe('Label torn');
    expect(overridden.ok && overridden.value.items).toEqual([
      { itemId: 1, quantity: 2 },
      { itemId: 2, quantity: 1 },
    ]);
  });

  it('refuses a bad tracking number with the reason, and needs a name and https link for another carrier', () => {
    const bad = planPackShipment(order([vase]), { 1: 2 }, draft({ tracking: { text: '1Z999AA10123456785', other: false, carrierName: '', trackingUrl: '' } }), 'u');
    expect(bad.ok === false && bad.message).toMatch(/check digit/);
    const other = (trackingUrl: string) =>
      planPackShipment(order([vase]), { 1: 2 }, draft({ tracking: { text: 'BK-2231-77', other: true, carrierName: 'Bike courier', trackingUrl } }), 'u');
    expect(other('javascript:alert(1)').ok).toBe(false);
    const good = other('https://bikes.example/t/BK223177');
    expect(good.ok && [good.value.carrier, good.value.carrierName, good.value.trackingUrl]).toEqual([
      'other',
      'Bike courier',
      'https://bikes.example/t/BK223177',
    ]);
  });

  it('has nothing to ship before anything is verified', () => {
    const plan = planPackShipment(order([vase]), {}, draft(), 'u');
    expect(plan.ok === false && plan.message).toMatch(/Nothing is verified/);
  });
});

describe('texts the packing station sends', () => {
  it('refuses an override reason of only whitespace or invisible characters, as main does', () => {
    for (const reason of ['', ' ', '\u200B', '\u0085', '\uFEFF\u200D\u00AD']) {
      expect(checkOverrideReason(reason)).toMatchObject({ ok: false, message: 'Say why, for the timeline: for example "barcode label missing".' });
    }
    expect(checkOverrideReason('\u200B barcode label missing \u0085')).toEqual({ ok: true, value: 'barcode label missing' });
    expect(checkOverrideReason('x'.repeat(501))).toMatchObject({ ok: false, message: 'Keep the reason under 500 characters.' });
  });

  it('takes a tracking field of only invisible characters as not filled in yet', () => {
    const tracking = (text: string) => checkTrackingDraft({ text, other: false, carrierName: '', trackingUrl: '' });
    expect(tracking('\u200B\u0085')).toEqual({ ok: false, reason: 'Scan or type the tracking number.', empty: true });
    expect(tracking('\u200B1Z999AA10123456784\u0085')).toMatchObject({ ok: true, carrier: 'ups', trackingNumber: '1Z999AA10123456784' });
  });
});
