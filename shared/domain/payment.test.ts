import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PAYMENT_STATUSES, derivePaymentStatus, isPaid } from './payment.js';

describe('derivePaymentStatus', () => {
  it.each([
    [{ totalCents: 1000, capturedCents: 0, refundedCents: 0, failed: true }, 'failed'],
    [{ totalCents: 1000, capturedCents: 0, refundedCents: 0, failed: false }, 'pending'],
    [{ totalCents: 1000, capturedCents: 1000, refundedCents: 0, failed: false }, 'paid'],
    [{ totalCents: 1000, capturedCents: 1000, refundedCents: 1, failed: false }, 'partially_refunded'],
    [{ totalCents: 1000, capturedCents: 1000, refundedCents: 1000, failed: false }, 'refunded'],
    // A later successful capture wins over an earlier failure flag.
    [{ totalCents: 1000, capturedCents: 1000, refundedCents: 0, failed: true }, 'paid'],
  ] as const)('%o -> %s', (p, expected) => {
    expect(derivePaymentStatus(p)).toBe(expected);
  });

  it('property: agrees with captured and refunded amounts', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), fc.nat(1_000_000), fc.boolean(), (total, captured, refunded, failed) => {
        const s = derivePaymentStatus({ totalCents: total, capturedCents: captured, refundedCents: refunded, failed });
        expect(PAYMENT_STATUSES).toContain(s);
        expect(s === 'pending' || s === 'failed').toBe(captured === 0);
        if (captured === 0) expect(s).toBe(failed ? 'failed' : 'pending');
        if (captured > 0) {
          expect(s === 'refunded').toBe(refunded >= captured);
          expect(s === 'partially_refunded').toBe(refunded > 0 && refunded < captured);
          expect(s === 'paid').toBe(refunded === 0);
        }
        expect(isPaid(s)).toBe(captured > refunded && captured > 0);
      }),
    );
  });
});

describe('isPaid', () => {
  it('is true only while money is held', () => {
    expect(PAYMENT_STATUSES.filter(isPaid)).toEqual(['paid', 'partially_refunded']);
  });
});
