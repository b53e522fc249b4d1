import { canHold } from './hold.js';
import type { OrderStatus } from './order-status.js';

export const QUEUES = ['awaiting_payment', 'to_pack', 'on_hold', 'shipped', 'closed'] as const;
export type Queue = (typeof QUEUES)[number];

/**
 * The fulfilment-queue tab for an order. Stored denormalized for indexing, so it must
 * stay a pure function of status and hold; recompute it whenever either changes.
 * A hold flag left on a shipped or final order is ignored so it can't hide that order.
 */
export function queueOf(o: { status: OrderStatus; onHold: boolean }): Queue {
  if (o.onHold && canHold(o.status)) return 'on_hold';
  switch (o.status) {
    case 'pending':
      return 'awaiting_payment';
    case 'processing':
      return 'to_pack';
    case 'shipped':
    case 'delivered':
      return 'shipped';
    case 'cancelled':
    case 'returned':
      return 'closed';
  }
}
