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
          if (r.ok) {
            expect(r.value).toBe(amount);
            refunded += r.value;
          } else {
            // Each refusal for the right reason: a bad amount, or more than is left.
            expect(r.code).toBe(amount <= 0 ? 'INVALID_INPUT' : 'REFUND_EXCEEDS_CAPTURED');
          }
          expect(refunded).toBeLessThanOrEqual(captured);
          expect(refundableCents(captured, refunded) + refunded).toBe(captured);
        }
      }),
    );
  });

  it('property: refundable is exactly the largest refund approved, even after an over-refund', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_200_000), (captured, refunded) => {
        const refundable = refundableCents(captured, refunded);
        if (refundable > 0) expect(checkRefund(refundable, captured, refunded)).toEqual({ ok: true, value: refundable });
        const over = checkRefund(refundable + 1, captured, refunded);
        expect(over).toMatchObject({ ok: false, code: 'REFUND_EXCEEDS_CAPTURED' });
        // Over-refunded (refunded > captured) counts as nothing left, never as a negative limit.
        if (refunded >= captured) expect(over.ok === false && over.message).toBe('Nothing is left to refund on this payment.');
      }),
    );
  });
});
