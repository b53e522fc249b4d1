import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkRefund, refundableCents } from './refunds.js';

describe('refundableCents', () => {
  it('is captured minus refunded, floored at zero', () => {
    expect(refundableCents(1000, 250)).toBe(750);
    expect(refundableCents(1000, 1000)).toBe(0);
    expect(refundableCents(1000, 1200)).toBe(0);
  });
});

describe('checkRefund', () => {
  it('approves an amount within what is refundable', () => {
    expect(checkRefund(750, 1000, 250)).toEqual({ ok: true, value: 750 });
  });

  it.each([0, -5, 1.5, Number.NaN])('rejects %s as INVALID_INPUT', (amount) => {
    const r = checkRefund(amount, 1000, 0);
    expect(r.ok === false && r.code).toBe('INVALID_INPUT');
  });

  it('rejects more than refundable, naming the limit as money', () => {
    const r = checkRefund(123457, 200000, 76544);
    expect(r).toMatchObject({ ok: false, code: 'REFUND_EXCEEDS_CAPTURED' });
    expect(r.ok === false && r.message).toContain('$1,234.56');
  });

  it('says when nothing is left', () => {
    const r = checkRefund(1, 500, 500);
    expect(r.ok === false && r.code).toBe('REFUND_EXCEEDS_CAPTURED');
  });

  it('property: approved refunds never sum above captured', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.array(fc.integer({ min: -100, max: 400_000 }), { maxLength: 30 }), (captured, attempts) => {
        let refunded = 0;
        for (const amount of attempts) {
          const before = refundableCents(captured, refunded);
          const r = checkRefund(amount, captured, refunded);
          expect(r.ok).toBe(amount > 0 && amount <= before);
          if (r.ok) refunded += r.value;
          expect(refunded).toBeLessThanOrEqual(captured);
          expect(refundableCents(captured, refunded)).toBeGreaterThanOrEqual(0);
          expect(refundableCents(captured, refunded) + refunded).toBe(captured);
        }
      }),
    );
  });

  it('property: refundable is never negative', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (captured, refunded) => {
        expect(refundableCents(captured, refunded)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
