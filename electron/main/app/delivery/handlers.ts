import { answerWithDetail } from '../answer-with-detail.js';
import type { AppContext } from '../context.js';
import type { HandlerGroup } from '../handler-types.js';
import { markDelivered } from './mark-delivered.js';

export type DeliveryCall = 'orders.markDelivered';

/** What happens to a parcel after it leaves: for now, delivery recorded by hand. */
export function deliveryHandlers(ctx: AppContext): HandlerGroup<DeliveryCall> {
  const detailAfter = answerWithDetail(ctx);
  return {
    'orders.markDelivered': detailAfter<'orders.markDelivered'>(markDelivered),
  };
}
