import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { overrideReasonProblem } from '../shipping/ship-draft.js';
import { canMarkPacked, canPlaceHold, canReleaseHold, canShip, noteProblem } from './rules.js';

type Item = OrderDetail['items'][number];

const item = (over: Partial<Item> = {}): Item => ({
  id: 1,
  storeId: 1,
  storeName: 'Juniper Ceramics',
  title: 'Bud Vase',
  sku: 'JUN-VAS-013',
  barcode: null,
  isDigital: false,
  quantity: 2,
  unitPriceCents: 4699,
  packedQuantity: 0,
  fulfilledQuantity: 0,
  returnedQuantity: 0,
  ...over,
});

// Only the fields the rules read; the rest of OrderDetail is irrelevant here.
const order = (over: Partial<OrderDetail> = {}): OrderDetail =>
  ({ status: 'processing', onHold: false, holdReason: null, items: [item()], ...over }) as OrderDetail;

describe('order action rules', () => {
  it('allows packing and shipping a paid order that is not on hold', () => {
    expect(canMarkPacked(order(), 'seller')).toEqual({ ok: true });
    expect(canShip(order(), 'seller')).toEqual({ ok: true });
  });

  it('explains why an unpaid order cannot be packed or shipped', () => {
    expect(canMarkPacked(order({ status: 'pending' }), 'seller')).toMatchObject({ ok: false, reason: expect.stringMatching(/isn't paid/) });
    expect(canShip(order({ status: 'pending' }), 'seller')).toMatchObject({ ok: false, reason: expect.stringMatching(/isn't paid/) });
  });

  it('blocks packing and shipping while on hold, and offers release instead', () => {
    const held = order({ onHold: true, holdReason: 'Address check' });
    expect(canMarkPacked(held, 'admin')).toMatchObject({ ok: false, reason: expect.stringMatching(/on hold/) });
    expect(canShip(held, 'admin')).toMatchObject({ ok: false, reason: expect.stringMatching(/on hold/) });
    expect(canPlaceHold(held, 'admin')).toMatchObject({ ok: false });
    expect(canReleaseHold(held, 'admin')).toEqual({ ok: true });
    expect(canReleaseHold(order(), 'admin')).toMatchObject({ ok: false });
  });

  it('counts shipped units as packed and ignores digital items', () => {
    const packed = order({ items: [item({ packedQuantity: 1, fulfilledQuantity: 2 }), item({ id: 2, isDigital: true })] });
    expect(canMarkPacked(packed, 'seller')).toMatchObject({ ok: false, reason: expect.stringMatching(/already packed/) });
    expect(canShip(packed, 'seller')).toMatchObject({ ok: false, reason: expect.stringMatching(/already shipped/) });
    const digitalOnly = order({ items: [item({ isDigital: true })] });
    expect(canShip(digitalOnly, 'seller')).toMatchObject({ ok: false, reason: expect.stringMatching(/digital/) });
  });

  it('refuses holds on orders that have shipped', () => {
    expect(canPlaceHold(order({ status: 'shipped' }), 'seller')).toMatchObject({ ok: false, reason: expect.stringMatching(/shipped/) });
  });
});

// Main's requiredTextSchema refuses these; the dialogs must say so on the field first.
const INVISIBLE_ONLY = ['', '  ', '\u200B', '\u0085', ' \u200B\uFEFF\u00AD\u2060 ', '\u3164'];

describe('required texts in the order dialogs', () => {
  it('calls a note of only whitespace or invisible characters empty', () => {
    for (const text of INVISIBLE_ONLY) expect(noteProblem(text)).toBe('The note is empty.');
    expect(noteProblem('\u200BCall before delivery\u0085')).toBeNull();
  });

  it('asks for a visible reason only when the parcel holds unverified units', () => {
    for (const text of INVISIBLE_ONLY) expect(overrideReasonProblem(text, 2)).toBe('Say why these units ship without being verified.');
    expect(overrideReasonProblem('\u200B', 0)).toBeNull();
    expect(overrideReasonProblem('Label torn off', 2)).toBeNull();
  });
});
