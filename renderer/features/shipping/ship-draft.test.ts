import { describe, expect, it } from 'vitest';
import type { OrderDetail, OrderItemView } from '../../../shared/contract/index.js';
import { verifiedUnits } from '../../../shared/domain/packing.js';
import { packItem } from '../packing/test-items.js';
import {
  emptyShipDraft,
  fieldErrorsOfAnswer,
  firstStoreQuantities,
  parcelLines,
  planDialogShipment,
  shippableItems,
  unverifiedUnits,
  withCarrier,
  type ShipDraft,
} from './ship-draft.js';

const UPS = '1Z999AA10123456784';
const vase = packItem({ id: 1, quantity: 2, packedQuantity: 2 });
const mug = packItem({ id: 2, sku: 'JUN-MUG-001', quantity: 1 });
const ebook = packItem({ id: 3, sku: 'JUN-EBK-001', isDigital: true, quantity: 1, barcode: null });
const otherStore = packItem({ id: 4, sku: 'OAK-BWL-001', storeId: 2, quantity: 3 });
const order = (items: OrderItemView[]): OrderDetail => ({ id: 9, items }) as OrderDetail;
const verified = (item: OrderItemView) => verifiedUnits(item);

/** The order page's draft as it opens: every unit of the first store's items. */
const dialogDraft = (o: OrderDetail, over: Partial<ShipDraft> = {}): ShipDraft => ({
  ...emptyShipDraft('ups'),
  quantities: firstStoreQuantities(o),
  overrideReason: '',
  tracking: { text: UPS, other: false, carrierName: '', trackingUrl: '' },
  ...over,
});

describe('the parcel', () => {
  it('lists physical items with units left, and fills in only the first store', () => {
    const o = order([vase, ebook, mug, otherStore]);
    expect(shippableItems(o).map((i) => i.id)).toEqual([1, 2, 4]);
    expect(firstStoreQuantities(o)).toEqual({ 1: 2, 2: 1, 4: 0 });
  });

  it('never puts more in the parcel than is left, nor a digital item', () => {
    expect(parcelLines([vase, ebook, mug], { 1: 5, 2: 0, 3: 1 })).toEqual([{ itemId: 1, quantity: 2 }]);
  });

  it('counts the units beyond what was verified', () => {
    expect(unverifiedUnits([vase, mug], { 1: 2, 2: 1 }, verified)).toBe(1);
    expect(unverifiedUnits([vase, mug], { 1: 2, 2: 0 }, verified)).toBe(0);
  });

  it('opens the name and link fields with the "other" carrier', () => {
    expect(withCarrier(emptyShipDraft('ups'), 'other').tracking.other).toBe(true);
    expect(withCarrier(emptyShipDraft('other'), 'fedex')).toMatchObject({ carrier: 'fedex', tracking: { other: false } });
  });
});

describe('the order page\'s shipment', () => {
  it('leaves the items out when the parcel holds every unit left of a one-store order', () => {
    const o = order([vase]);
    expect(planDialogShipment(o, dialogDraft(o), 'p-1', verified)).toEqual({
      ok: true,
      value: { orderId: 9, shipmentId: 'p-1', carrier: 'ups', trackingNumber: UPS, notifyCustomer: true },
    });
  });

  it('names the items of a part parcel', () => {
    const o = order([vase, mug]);
    const plan = planDialogShipment(o, dialogDraft(o, { quantities: { 1: 1, 2: 0 } }), 'p-1', verified);
    expect(plan).toMatchObject({ ok: true, value: { items: [{ itemId: 1, quantity: 1 }] } });
  });

  it('reports every problem at once, on its field', () => {
    const o = order([mug]);
    const draft = dialogDraft(o, { tracking: { text: '', other: false, carrierName: '', trackingUrl: '' }, quantities: { 2: 0 } });
    const plan = planDialogShipment(o, draft, 'p-1', verified);
    expect(plan.ok).toBe(false);
    expect(plan.ok || Object.keys(plan.errors).sort()).toEqual(['items', 'trackingNumber']);
  });

  it('needs a visible reason for unverified units, and sends it trimmed', () => {
    const o = order([mug]);
    const blank = planDialogShipment(o, dialogDraft(o, { overrideReason: '\u200B ' }), 'p-1', verified);
    expect(blank).toEqual({ ok: false, errors: { verificationOverride: 'Say why these units ship without being verified.' } });
    const given = planDialogShipment(o, dialogDraft(o, { overrideReason: ' Label torn off\u200B' }), 'p-1', verified);
    expect(given).toMatchObject({ ok: true, value: { verificationOverride: 'Label torn off' } });
  });

  it('sends the name and https link of another carrier, and refuses any other link', () => {
    const o = order([vase]);
    const other = (trackingUrl: string) =>
      planDialogShipment(o, dialogDraft(o, { carrier: 'other', tracking: { text: 'ABC-12345', other: true, carrierName: 'Bike courier', trackingUrl } }), 'p-1', verified);
    expect(other('https://bikes.example/t/ABC-12345')).toMatchObject({ ok: true, value: { carrier: 'other', carrierName: 'Bike courier', trackingUrl: 'https://bikes.example/t/ABC-12345' } });
    expect(other('javascript:alert(1)')).toMatchObject({ ok: false, errors: { trackingUrl: expect.stringMatching(/https/i) } });
  });
});

describe('main\'s answer on the form', () => {
  it('shows a line error on the item it was sent for, and other errors under their own key', () => {
    const sent = { orderId: 9, shipmentId: 'p-1', carrier: 'ups' as const, trackingNumber: UPS, notifyCustomer: true, items: [{ itemId: 1, quantity: 1 }, { itemId: 2, quantity: 1 }] };
    expect(fieldErrorsOfAnswer({ 'items.1.quantity': 'Only 0 left.', trackingNumber: 'Bad.' }, sent)).toEqual({ 'item.2': 'Only 0 left.', trackingNumber: 'Bad.' });
    expect(fieldErrorsOfAnswer(undefined, sent)).toEqual({});
  });
});
