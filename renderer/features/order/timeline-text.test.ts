import { describe, expect, it } from 'vitest';
import type { OrderEventView } from '../../../shared/contract/index.js';
import { describeEvent } from './timeline-text.js';

const event = (kind: string, data: Record<string, unknown> = {}): OrderEventView => ({
  id: 1,
  at: 0,
  actorName: 'Sam Seller',
  stationName: 'Packing 1',
  kind,
  data,
});

describe('describeEvent', () => {
  it('names carrier, tracking number and items for a shipment', () => {
    const text = describeEvent(
      event('shipped', { carrierName: 'UPS', trackingNumber: '1Z999AA10123456784', items: [{ itemId: 7, sku: 'JUN-VAS-013', quantity: 2 }], notifyCustomer: false }),
      new Map([[7, 'Bud Vase']]),
    );
    expect(text.title).toBe('Shipped with UPS, tracking number 1Z999AA10123456784 (2 × Bud Vase (JUN-VAS-013)). The customer was not emailed.');
  });

  it('keeps people\'s words apart from the sentence', () => {
    expect(describeEvent(event('hold_placed', { reason: 'Address <b>check</b>' }))).toEqual({
      title: 'Put the order on hold.',
      body: 'Address <b>check</b>',
      tone: 'warning',
    });
    expect(describeEvent(event('note', { body: 'Fragile' })).body).toBe('Fragile');
  });

  it("reads the storefront's customer requests without their internal request ids", () => {
    const cancel = describeEvent(event('cancellation_requested', { requestId: 'cancel-7003', reason: 'Ordered twice' }));
    expect(cancel).toEqual({ title: 'The customer asked to cancel the order.', body: 'Ordered twice', tone: 'warning' });
    const ret = describeEvent(
      event('return_requested', { requestId: 'ret-1', reason: 'not_as_described', description: 'Colour is off', items: [{ itemId: 7, sku: 'JUN-VAS-013', quantity: 1 }] }),
      new Map([[7, 'Bud Vase']]),
    );
    expect(ret).toEqual({ title: 'The customer asked to return 1 × Bud Vase (JUN-VAS-013) (not as described).', body: 'Colour is off', tone: 'warning' });
    expect(JSON.stringify([cancel, ret])).not.toMatch(/cancel-7003|ret-1/);
  });

  it('formats money from cents and ignores malformed amounts', () => {
    expect(describeEvent(event('paid', { amountCents: 7457 })).title).toBe('Payment of $74.57 received.');
    expect(describeEvent(event('paid', { amountCents: 'lots' })).title).toBe('Payment received.');
  });

  it('reads unknown kinds generically with their plain values', () => {
    expect(describeEvent(event('label_printed', { format: 'zpl', copies: 2, nested: { a: 1 } })).title).toBe(
      'Label printed (format: zpl, copies: 2).',
    );
  });

  it('says why a parcel shipped without verification, as free text', () => {
    const text = describeEvent(event('shipped', { carrierName: 'UPS', trackingNumber: '1Z999AA10123456784', verificationOverride: 'Label <b>torn</b>' }));
    expect(text).toEqual({
      title: 'Shipped with UPS, tracking number 1Z999AA10123456784. Shipped without verifying every unit:',
      body: 'Label <b>torn</b>',
      tone: 'warning',
    });
  });

  it('tells scanned units from units ticked by hand', () => {
    const items = [{ itemId: 7, sku: 'JUN-VAS-013', quantity: 1 }];
    expect(describeEvent(event('items_packed', { items, source: 'scan' })).title).toBe('Verified by scanning 1 × JUN-VAS-013.');
    expect(describeEvent(event('items_packed', { items, source: 'manual' })).title).toBe('Packed 1 × JUN-VAS-013.');
  });

  it('names the station a claim was taken from, and a delivery without email', () => {
    expect(describeEvent(event('claim_taken_over', { fromStationName: 'Bench 2', fromUserName: 'Sam' })).title).toBe('Took over packing from Bench 2 (Sam).');
    expect(describeEvent(event('delivered', { shipmentIds: ['a'], notifyCustomer: false })).title).toBe('Marked the parcel delivered. The customer was not emailed.');
  });
});
