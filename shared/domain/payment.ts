export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'partially_refunded', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface PaymentAmounts {
  totalCents: number;
  capturedCents: number;
  refundedCents: number;
  /** True when the latest capture attempt failed. */
  failed: boolean;
}

/**
 * Derives payment status from money actually moved; never set by hand.
 * `totalCents` is carried so callers can pass a payment row as is, but the status
 * deliberately depends only on captures and refunds, not on what was expected.
 */
export function derivePaymentStatus(p: PaymentAmounts): PaymentStatus {
  if (p.capturedCents <= 0) return p.failed ? 'failed' : 'pending';
  if (p.refundedCents >= p.capturedCents) return 'refunded';
  if (p.refundedCents > 0) return 'partially_refunded';
  return 'paid';
}

/**
 * True while the seller holds money for the order: 'paid' and 'partially_refunded'.
 * 'refunded' is false because nothing is held any more, so nothing should ship or unlock.
 */
export function isPaid(status: PaymentStatus): boolean {
  return status === 'paid' || status === 'partially_refunded';
}
