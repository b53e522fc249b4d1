import { describe, expect, it } from 'vitest';
import { checkPlaceHold } from '../domain/hold.js';
import { checkTracking } from '../domain/tracking.js';
import { bulkHoldInputSchema } from './bulk.js';
import { addNoteInputSchema, placeHoldInputSchema } from './orders.js';
import { shipInputSchema } from './packing.js';

const LOOKS_BLANK = ['\u0085', '\u200B', ' \u200C\u200D ', '\u2060', '\uFEFF', '\u00AD', '\u3000\u200B'];

describe('required texts refuse text that only looks blank', () => {
  it.each(LOOKS_BLANK.map((text) => [JSON.stringify(text), text]))('%s', (_name, text) => {
    expect(addNoteInputSchema.safeParse({ orderId: 1, body: text }).error?.issues[0]?.message).toBe('The note is empty.');
    expect(placeHoldInputSchema.safeParse({ orderId: 1, reason: text }).error?.issues[0]?.message).toBe('Give a reason for the hold.');
    expect(bulkHoldInputSchema.safeParse({ orderIds: [1], reason: text }).success).toBe(false);
    const ship = { orderId: 1, shipmentId: crypto.randomUUID(), carrier: 'other', trackingNumber: 'ABC12345' };
    expect(shipInputSchema.safeParse({ ...ship, verificationOverride: text }).success).toBe(false);
    expect(checkPlaceHold({ status: 'processing', onHold: false }, text)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const other = checkTracking({ carrier: 'other', trackingNumber: 'ABC12345', carrierName: text, trackingUrl: 'https://t.example/1' });
    expect(!other.ok && other.fields?.carrierName).toMatch(/carrier's name/);
  });

  it('keeps visible text, trimmed of invisible characters at the ends', () => {
    expect(addNoteInputSchema.parse({ orderId: 1, body: '\u200B Call first \u0085' }).body).toBe('Call first');
    expect(placeHoldInputSchema.parse({ orderId: 1, reason: '\uFEFFAddress check' }).reason).toBe('Address check');
  });
});

describe('the hold reason limit counts characters as people do, on both sides', () => {
  const emoji = (count: number) => '📦'.repeat(count);

  it('takes 500 emoji (1,000 UTF-16 units), as the renderer and checkPlaceHold do', () => {
    expect(placeHoldInputSchema.safeParse({ orderId: 1, reason: emoji(500) }).success).toBe(true);
    expect(bulkHoldInputSchema.safeParse({ orderIds: [1], reason: emoji(500) }).success).toBe(true);
    expect(checkPlaceHold({ status: 'processing', onHold: false }, emoji(500)).ok).toBe(true);
  });

  it('refuses 501 characters with the same sentence the order page shows', () => {
    expect(placeHoldInputSchema.safeParse({ orderId: 1, reason: emoji(501) }).error?.issues[0]?.message).toBe('At most 500 characters.');
    expect(bulkHoldInputSchema.safeParse({ orderIds: [1], reason: 'x'.repeat(501) }).error?.issues[0]?.message).toBe('At most 500 characters.');
    const domain = checkPlaceHold({ status: 'processing', onHold: false }, emoji(501));
    expect(!domain.ok && domain.fields?.reason).toBe('At most 500 characters.');
  });
});
