import { formatMoney } from './money.js';
import { fail, ok, type Result } from './result.js';

/** Cents that can still be refunded on a payment; never negative. */
export function refundableCents(capturedCents: number, refundedCents: number): number {
  return Math.max(capturedCents - refundedCents, 0);
}

/**
 * Validates a refund amount against what was captured and already refunded.
 * Returns the amount on success so callers can chain on the checked value.
 */
export function checkRefund(amountCents: number, capturedCents: number, refundedCents: number): Result<number> {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    return fail('INVALID_INPUT', 'Enter a refund amount greater than $0.00, in whole cents.', {
      amountCents: 'Enter an amount greater than $0.00.',
    });
  }
  const refundable = refundableCents(capturedCents, refundedCents);
  if (amountCents > refundable) {
    const message =
      refundable === 0
        ? 'Nothing is left to refund on this payment.'
        : `You can refund at most ${formatMoney(refundable)} on this payment.`;
    return fail('REFUND_EXCEEDS_CAPTURED', message, { amountCents: `At most ${formatMoney(refundable)}.` });
  }
  return ok(amountCents);
}
