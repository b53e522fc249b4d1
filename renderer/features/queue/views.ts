import type { QueueView } from '../../../shared/contract/index.js';

export const VIEW_LABELS: Readonly<Record<QueueView, string>> = {
  to_pack: 'To pack',
  shipped: 'Shipped',
  on_hold: 'On hold',
  awaiting_payment: 'Awaiting payment',
  closed: 'Closed',
  all: 'All',
};

/** What an empty tab means, as a sentence. */
export const EMPTY_VIEW_TEXT: Readonly<Record<QueueView, string>> = {
  to_pack: 'Nothing to pack: every paid order has been packed or shipped.',
  shipped: 'No orders have shipped yet.',
  on_hold: 'No orders are on hold.',
  awaiting_payment: 'No orders are waiting for payment.',
  closed: 'No orders have been cancelled or returned.',
  all: 'There are no orders yet.',
};

export const AGE_OPTIONS = [0, 1, 2, 3, 7, 14, 30] as const;
