import type { OrderStatus } from './order-status.js';
import { fail, ok, type Result } from './result.js';
import { charCount, trimInvisible } from './text.js';

export interface HoldState {
  status: OrderStatus;
  onHold: boolean;
}

export const HOLD_REASON_MAX = 500;

/** A hold only means something while the order can still be packed. */
export function canHold(status: OrderStatus): boolean {
  return status === 'pending' || status === 'processing';
}

/**
 * Validates putting an order on hold; returns the trimmed reason to store.
 */
export function checkPlaceHold(o: HoldState, reason: string): Result<string> {
  if (!canHold(o.status)) {
    return fail('INVALID_TRANSITION', `A ${o.status} order can't be put on hold; only orders not yet shipped can.`);
  }
  if (o.onHold) return fail('INVALID_TRANSITION', 'This order is already on hold.');
  const trimmed = trimInvisible(reason);
  if (trimmed.length === 0) {
    return fail('INVALID_INPUT', 'Say why the order is on hold.', { reason: 'Enter a reason.' });
  }
  // Counted in code points so an emoji doesn't eat two characters of the allowance.
  if (charCount(trimmed) > HOLD_REASON_MAX) {
    return fail('INVALID_INPUT', `Keep the hold reason to ${HOLD_REASON_MAX} characters.`, {
      reason: `At most ${HOLD_REASON_MAX} characters.`,
    });
  }
  return ok(trimmed);
}

/**
 * Validates releasing a hold. Any status is accepted: clearing a stale flag is always safe.
 */
export function checkReleaseHold(o: { onHold: boolean; status?: OrderStatus }): Result<null> {
  return o.onHold ? ok(null) : fail('INVALID_TRANSITION', "This order isn't on hold.");
}
