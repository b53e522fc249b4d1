import { fail, ok, type Result } from './result.js';
import type { FulfillmentStatus } from './fulfillment.js';

export const ORDER_STATUSES = ['pending', 'processing', 'shipped', 'delivered', 'cancelled', 'returned'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// The single source of truth for order movement; the desk and the server both consult it.
const EDGES: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered', 'returned'],
  delivered: ['returned'],
  cancelled: [],
  returned: [],
};

/** True when `to` is reachable from `from` in one step. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return EDGES[from].includes(to);
}

/** True for statuses with no way out (cancelled, returned). */
export function isFinalStatus(s: OrderStatus): boolean {
  return EDGES[s].length === 0;
}

function reasonFor(from: OrderStatus, to: OrderStatus): string {
  if (from === to) return `This order is already ${from}.`;
  if (from === 'cancelled') return "This order was cancelled, so its status can't change.";
  if (from === 'returned') return "This order was returned, so its status can't change.";
  if (to === 'cancelled') return `A ${from} order can't be cancelled; start a return instead.`;
  if (to === 'returned') return "This order hasn't shipped, so it can't be returned; cancel it instead.";
  if (from === 'pending' && (to === 'shipped' || to === 'delivered')) {
    return "This order isn't paid yet, so it can't ship.";
  }
  if (to === 'delivered') return "This order hasn't shipped yet, so it can't be marked delivered.";
  if (to === 'pending' || to === 'processing') return `A ${from} order can't go back to ${to}.`;
  return `A ${from} order can't be marked ${to}.`;
}

/**
 * Validates one status change, returning the new status or an INVALID_TRANSITION
 * failure whose message can be shown as-is.
 */
export function checkTransition(from: OrderStatus, to: OrderStatus): Result<OrderStatus> {
  return canTransition(from, to) ? ok(to) : fail('INVALID_TRANSITION', reasonFor(from, to));
}

/**
 * The order status after a shipment changed fulfilment. Shipping only happens while
 * processing (paid, not yet shipped); the order becomes shipped once everything is out.
 */
export function statusAfterFulfillment(current: OrderStatus, fulfillment: FulfillmentStatus): Result<OrderStatus> {
  switch (current) {
    case 'processing':
      return ok(fulfillment === 'fulfilled' ? 'shipped' : 'processing');
    case 'pending':
      return fail('INVALID_TRANSITION', "This order isn't paid yet, so it can't ship.");
    case 'shipped':
      return fail('INVALID_TRANSITION', 'This order has already shipped.');
    case 'delivered':
      return fail('INVALID_TRANSITION', 'This order has already been delivered.');
    case 'cancelled':
      return fail('INVALID_TRANSITION', "This order was cancelled, so it can't ship.");
    case 'returned':
      return fail('INVALID_TRANSITION', "This order was returned, so it can't ship.");
  }
}

/**
 * The order's dates after a parcel left at `now`: shippedAt moves when the status became shipped,
 * fulfilledAt when the fulfilment became fulfilled (the status and fulfilment statusAfterFulfillment
 * and deriveFulfillmentStatus gave).
 */
export function datesAfterShipping(
  order: { shippedAt: number | null; fulfilledAt: number | null },
  status: OrderStatus,
  fulfillment: FulfillmentStatus,
  now: number,
): { shippedAt: number | null; fulfilledAt: number | null } {
  return {
    shippedAt: status === 'shipped' ? now : order.shippedAt,
    fulfilledAt: fulfillment === 'fulfilled' ? now : order.fulfilledAt,
  };
}
