import type { OrderStatus } from './order-status.js';
import { fail, ok, type Result } from './result.js';
import { isBlankText, trimInvisible } from './text.js';

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

// What a customer may ask for from the storefront. The shop backend checks requests with these;
// the desk's request screens are to use the same sentences.

/** Whether the customer may ask to cancel: before anything ships, and one open request at a time. */
export function checkCancellationRequest(status: OrderStatus, pendingRequests: number): Result<null> {
  if (!canRequestCancellation(status)) {
    if (status === 'cancelled') return fail('INVALID_TRANSITION', 'This order is already cancelled.');
    if (status === 'returned') return fail('INVALID_TRANSITION', "This order was returned, so it can't be cancelled.");
    return fail('INVALID_TRANSITION', "This order has shipped, so it can't be cancelled. Ask to return it instead.");
  }
  if (pendingRequests > 0) return fail('CONFLICT', 'A cancellation of this order was already asked for and is waiting for an answer.');
  return ok(null);
}

/** Whether the customer may ask to return anything: only once goods are in their hands. */
export function checkReturnAllowed(status: OrderStatus): Result<null> {
  if (canRequestReturn(status)) return ok(null);
  if (status === 'cancelled') return fail('INVALID_TRANSITION', "This order was cancelled, so there is nothing to return.");
  if (status === 'returned') return fail('INVALID_TRANSITION', 'This order was already returned.');
  return fail('INVALID_TRANSITION', "This order hasn't shipped yet, so nothing can be returned. Ask to cancel it instead.");
}

/** A customer's text that must say something: trimmed, refused when blank. */
export function requiredCustomerText(text: string, field: string, emptyMessage: string): Result<string> {
  return isBlankText(text) ? fail('INVALID_INPUT', emptyMessage, { [field]: emptyMessage }) : ok(trimInvisible(text));
}

export interface ReturnableItem {
  id: number;
  sku: string;
  isDigital: boolean;
  fulfilledQuantity: number;
  returnedQuantity: number;
}

/**
 * Units of an item the customer may still ask to return: shipped, less those returned and
 * those in requests still open (pending or approved; a completed return is in returnedQuantity,
 * a rejected one frees its units again).
 */
export function returnableUnits(item: ReturnableItem, openlyRequested: number): number {
  if (item.isDigital) return 0;
  return Math.max(item.fulfilledQuantity - item.returnedQuantity - openlyRequested, 0);
}

/**
 * The items of a return request, named by SKU as the storefront names them: each SKU once,
 * on this order, and never more than is returnable. Field errors are keyed `items.<n>.…`.
 */
export function planReturn(
  items: readonly ReturnableItem[],
  openlyRequested: ReadonlyMap<number, number>,
  requested: ReadonlyArray<{ sku: string; quantity: number }>,
): Result<Array<{ itemId: number; quantity: number }>> {
  if (requested.length === 0) return fail('INVALID_INPUT', 'Choose at least one item to return.', { items: 'Choose an item.' });
  const bySku = new Map(items.map((item) => [item.sku.trim().toUpperCase(), item]));
  const seen = new Set<number>();
  const lines: Array<{ itemId: number; quantity: number }> = [];
  for (const [index, line] of requested.entries()) {
    const item = bySku.get(line.sku.trim().toUpperCase());
    if (!item) return fail('INVALID_INPUT', `${line.sku} isn't on this order.`, { [`items.${index}.sku`]: 'Not an item on this order.' });
    if (seen.has(item.id)) return fail('INVALID_INPUT', `${item.sku} is listed twice.`, { [`items.${index}.sku`]: 'Listed twice.' });
    seen.add(item.id);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      return fail('INVALID_INPUT', 'Return a whole number of units, at least 1.', { [`items.${index}.quantity`]: 'Enter a whole number of at least 1.' });
    }
    if (item.isDigital) {
      return fail('INVALID_INPUT', `${item.sku} is digital, so there is nothing to send back.`, { [`items.${index}.sku`]: "Digital items can't be returned." });
    }
    const left = returnableUnits(item, openlyRequested.get(item.id) ?? 0);
    if (line.quantity > left) {
      const message =
        left === 0
          ? `No unit of ${item.sku} can be returned: none has shipped, or every shipped one is returned or already asked for.`
          : `Only ${left} of ${item.sku} can be returned.`;
      return fail('INVALID_TRANSITION', message, { [`items.${index}.quantity`]: `At most ${left}.` });
    }
    lines.push({ itemId: item.id, quantity: line.quantity });
  }
  return ok(lines);
}
