import { describe, it, expect } from 'vitest';
import { checkPlaceHold, checkReleaseHold } from './hold.js';
import { ORDER_STATUSES } from './order-status.js';

describe('checkPlaceHold', () => {
  it('returns the trimmed reason', () => {
    expect(checkPlaceHold({ status: 'processing', onHold: false }, '  address check  ')).toEqual({
      ok: true,
      value: 'address check',
    });
  });

  it('only holds pending or processing orders', () => {
    const holdable = ORDER_STATUSES.filter((status) => checkPlaceHold({ status, onHold: false }, 'why').ok);
    expect(holdable).toEqual(['pending', 'processing']);
    const r = checkPlaceHold({ status: 'shipped', onHold: false }, 'why');
    expect(r.ok === false && r.code).toBe('INVALID_TRANSITION');
  });

  it('rejects an order already on hold', () => {
    const r = checkPlaceHold({ status: 'pending', onHold: true }, 'why');
    expect(r).toEqual({ ok: false, code: 'INVALID_TRANSITION', message: 'This order is already on hold.' });
  });

  it('requires a reason of 1..500 characters after trimming', () => {
    const o = { status: 'pending', onHold: false } as const;
    for (const bad of ['', '   ', 'x'.repeat(501)]) {
      const r = checkPlaceHold(o, bad);
      expect(r.ok === false && r.code).toBe('INVALID_INPUT');
      expect(r.ok === false && r.fields?.reason).toBeTruthy();
    }
    expect(checkPlaceHold(o, ` ${'x'.repeat(500)} `).ok).toBe(true);
  });
});

describe('checkReleaseHold', () => {
  it('releases a held order and refuses one not on hold', () => {
    expect(checkReleaseHold({ status: 'pending', onHold: true })).toEqual({ ok: true, value: null });
    const r = checkReleaseHold({ status: 'pending', onHold: false });
    expect(r.ok === false && r.code).toBe('INVALID_TRANSITION');
  });
});
