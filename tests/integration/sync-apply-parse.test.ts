import { describe, expect, it } from 'vitest';
import { parsePulledRow } from '../../electron/main/app/sync/parse-row.js';
import { orderDocSchema, type OrderDoc } from '../../shared/contract/sync-protocol.js';
import { put, sharedOrderDoc, STORE_A } from './sync-apply-harness.js';

describe('parsing a pulled row', () => {
  it('answers an order exactly as the contract schema does, addresses normalised the same way', () => {
    // As a server might send it: untrimmed, a blank second line, a lower-case state.
    const sloppy = { name: '  Casey ', street: '12 Elm St', street2: '', city: 'Portland', state: 'or', zip: '97201', country: 'US', phone: null };
    const doc = sharedOrderDoc(100, { billingAddress: sloppy as unknown as OrderDoc['billingAddress'] });
    for (let round = 0; round < 2; round++) {
      const parsed = parsePulledRow(put('order', doc, 7));
      expect(parsed).toEqual({ ok: true, kind: 'order', row: put('order', doc, 7), doc: orderDocSchema.parse(doc) });
      if (parsed.ok && parsed.kind === 'order') expect(parsed.doc.billingAddress).toMatchObject({ name: 'Casey', street2: null, state: 'OR' });
    }
  });

  it('names the field of a bad address, every time it is seen', () => {
    const doc = sharedOrderDoc(100);
    const bad = { ...doc, shippingAddress: { ...doc.shippingAddress!, zip: 'ABCDE' } };
    for (let round = 0; round < 2; round++) {
      const parsed = parsePulledRow(put('order', bad, 7));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed).toMatchObject({ type: 'order', id: 100, version: 7, error: expect.stringMatching(/^shippingAddress\.zip: /) });
    }
    expect(orderDocSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses a doc whose id is not the row id, and a row that is not a row', () => {
    expect(parsePulledRow({ op: 'put', type: 'store', id: 11, version: 1, data: STORE_A })).toMatchObject({ ok: false, error: "data.id 10 is not the row's id" });
    expect(parsePulledRow({ op: 'move', type: 'order', id: 1, version: 1 })).toMatchObject({ ok: false, type: 'order', id: 1, version: 1 });
    expect(parsePulledRow({ op: 'del', type: 'staff', id: 3, version: 9 })).toEqual({ ok: true, kind: 'del', row: { op: 'del', type: 'staff', id: 3, version: 9 } });
  });
});
