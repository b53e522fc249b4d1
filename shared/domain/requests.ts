import type { OrderStatus } from './order-status.js';
import { fail, ok, type Result } from './result.js';

export const CANCELLATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CancellationStatus = (typeof CANCELLATION_STATUSES)[number];

export const RETURN_STATUSES = ['pending', 'approved', 'rejected', 'completed'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

type RequestStatus = CancellationStatus | ReturnStatus;

function requestReason(kind: 'cancellation' | 'return', from: RequestStatus, to: RequestStatus): string {
  if (from === to) return `This ${kind} request is already ${from}.`;
  if (from === 'pending' && to === 'completed') return 'Approve this return before completing it.';
  if (from === 'rejected') return `This ${kind} request was rejected, so it can't change.`;
  if (from === 'completed') return 'This return is already completed.';
  if (from === 'approved' && kind === 'cancellation') return "This cancellation was already approved, so it can't change.";
  return `A ${from} ${kind} request can't be marked ${to}.`;
}

/** Validates a cancellation request moving from `from` to `to` (pending → approved | rejected). */
export function checkCancellationTransition(
  from: CancellationStatus,
  to: CancellationStatus,
): Result<CancellationStatus> {
  return from === 'pending' && (to === 'approved' || to === 'rejected')
    ? ok(to)
    : fail('INVALID_TRANSITION', requestReason('cancellation', from, to));
}

/** Validates a return request moving from `from` to `to` (pending → approved | rejected; approved → completed). */
export function checkReturnTransition(from: ReturnStatus, to: ReturnStatus): Result<ReturnStatus> {
  const allowed =
    (from === 'pending' && (to === 'approved' || to === 'rejected')) || (from === 'approved' && to === 'completed');
  return allowed ? ok(to) : fail('INVALID_TRANSITION', requestReason('return', from, to));
}

/** Cancelling is only possible before the order ships; afterwards it is a return. */
export function canRequestCancellation(status: OrderStatus): boolean {
  return status === 'pending' || status === 'processing';
}

/** A return needs goods in the customer's hands, so only shipped or delivered orders qualify. */
export function canRequestReturn(status: OrderStatus): boolean {
  return status === 'shipped' || status === 'delivered';
}
