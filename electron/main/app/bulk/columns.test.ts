import { describe, expect, it } from 'vitest';
import { headerWidth, mapColumns, parseCarrier } from './columns.js';

describe('mapColumns', () => {
  it('finds the columns by their usual names, ignoring case, spaces and punctuation', () => {
    expect(mapColumns(['Order #', 'CARRIER', 'Tracking #'])).toEqual({ ok: true, value: { orderNumber: 0, carrier: 1, trackingNumber: 2 } });
    expect(mapColumns(['notes', 'order_number', 'Tracking URL', 'tracking-number', 'Carrier Name', 'Shipping Carrier'])).toEqual({
      ok: true,
      value: { orderNumber: 1, trackingUrl: 2, trackingNumber: 3, carrierName: 4, carrier: 5 },
    });
  });

  it('names the missing columns and what it found', () => {
    const result = mapColumns(['order', 'tracking', 'weight']);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('Missing: carrier.');
    expect(!result.ok && result.message).toContain('Found: "order", "tracking", "weight".');
  });

  it('refuses two columns that mean the same thing', () => {
    const result = mapColumns(['Order', 'Order Number', 'Carrier', 'Tracking']);
    expect(!result.ok && result.message).toBe('Two columns mean the order number: "Order" and "Order Number". Keep one of them.');
  });
});

describe('parseCarrier', () => {
  it.each([
    ['UPS', 'ups'],
    ['u.p.s.', 'ups'],
    ['United Parcel Service', 'ups'],
    ['USPS', 'usps'],
    ['U.S. Postal Service', 'usps'],
    ['FedEx', 'fedex'],
    ['Fed Ex', 'fedex'],
    ['Federal Express', 'fedex'],
    ['dhl express', 'dhl'],
    [' other ', 'other'],
  ])('%s is %s', (raw, carrier) => expect(parseCarrier(raw)).toBe(carrier));

  it('knows nothing else', () => {
    for (const raw of ['', 'Pony', 'UPSS', 'royal mail']) expect(parseCarrier(raw)).toBeNull();
  });
});

it('headerWidth ignores trailing empty header cells', () => {
  expect(headerWidth(['a', 'b', '', ' '])).toBe(2);
  expect(headerWidth([])).toBe(0);
});
