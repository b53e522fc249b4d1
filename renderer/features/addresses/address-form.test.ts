import type { OrderDetail } from '../../../shared/contract/index.js';
import { describe, expect, it } from 'vitest';
import { addressEditBlock, addressInput, checkDraft, draftFrom, fieldErrorsFrom, formErrorsFrom, stateOptions, type AddressDraft } from './address-form.js';

const good: AddressDraft = { name: 'Ann Lee', street: '1 Main St', street2: '', city: 'Albany', state: 'NY', zip: '12207', phone: '' };

describe('address form', () => {
  it('accepts a good address and sends blanks as null', () => {
    expect(checkDraft(good)).toEqual({ ok: true });
    expect(addressInput(good)).toMatchObject({ street2: null, phone: null, country: 'US' });
    expect(checkDraft({ ...good, zip: '12207-1234' })).toEqual({ ok: true });
  });

  it('puts each mistake on its own field', () => {
    const result = checkDraft({ ...good, zip: '1220', state: '', name: ' ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields.zip).toMatch(/ZIP/);
    expect(result.fields.state).toMatch(/state/i);
    expect(result.fields.name).toMatch(/name/i);
    expect(result.fields.city).toBeUndefined();
  });

  it('maps main’s dotted field paths onto the inputs and keeps the rest', () => {
    const mapped = fieldErrorsFrom({ 'address.zip': 'Bad ZIP.', label: 'Too long.', 'address.country': 'US only.' }, ['zip', 'label', 'state']);
    expect(mapped.fields).toEqual({ zip: 'Bad ZIP.', label: 'Too long.' });
    expect(mapped.other).toEqual(['US only.']);
    expect(fieldErrorsFrom(undefined, ['zip'])).toEqual({ fields: {}, other: [] });
    expect(fieldErrorsFrom({ address: 'Unchanged.' }, ['zip'])).toEqual({ fields: {}, other: [] });
  });

  it('keeps an unknown stored state visible so it can be fixed', () => {
    expect(stateOptions('NY').some((o) => o.value === 'NY')).toBe(true);
    expect(stateOptions('ZZ')[1]).toEqual({ value: 'ZZ', label: 'ZZ (not a US state)' });
    expect(draftFrom({ name: 'a', street: 'b', city: 'c', state: ' ny ', zip: '1', country: 'US' }).state).toBe('NY');
  });

  it('blocks the edit with main\'s sentence once anything has shipped, or when there is nothing to ship', () => {
    const address = { name: 'a', street: 'b', city: 'c', state: 'NY', zip: '12207', country: 'US' as const };
    const base = { status: 'processing' as const, shippingAddress: address, shipments: [] };
    expect(addressEditBlock(base)).toBeNull();
    expect(addressEditBlock({ ...base, status: 'shipped' })).toBe('This order has already shipped, so its address can no longer change.');
    expect(addressEditBlock({ ...base, shipments: [{} as OrderDetail['shipments'][number]] })).toMatch(/^Part of this order has already shipped/);
    expect(addressEditBlock({ ...base, shippingAddress: null })).toBe('This order has only digital items, so it has no shipping address.');
    expect(addressEditBlock({ ...base, status: 'cancelled' })).toBe("This order was cancelled, so its address can't change.");
  });
});

describe('formErrorsFrom', () => {
  it('marks fields and keeps the banner short when every mistake has a field', () => {
    expect(formErrorsFrom({ message: 'address.zip: Bad ZIP.', fields: { 'address.zip': 'Bad ZIP.' } }, ['zip'])).toEqual({
      fields: { zip: 'Bad ZIP.' },
      banner: 'Fix the marked fields and save again.',
    });
  });

  it('puts what no field can show in the banner', () => {
    expect(formErrorsFrom({ message: 'Not saved.', fields: { 'address.country': 'US only.' } }, ['zip'])).toEqual({ fields: {}, banner: 'Not saved. US only.' });
    expect(formErrorsFrom({ message: 'The order has shipped.' }, ['zip'])).toEqual({ fields: {}, banner: 'The order has shipped.' });
  });
});
