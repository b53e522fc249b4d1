import type { AppContext } from '../context.js';
import type { HandlerGroup } from '../handlers.js';
import { answerWithDetail } from '../answer-with-detail.js';
import { placeHold, releaseHold } from '../orders/hold.js';
import { ok } from '../../../../shared/domain/result.js';
import { applyToEach } from '../bulk/apply-to-each.js';
import { claimOrder, releaseOwnClaim } from './claim.js';
import { markDelivered } from '../delivery/mark-delivered.js';
import { lookupOrder } from './lookup.js';
import { updateShippingAddress } from '../customers/shipping-address.js';

export type PackingCall =
  | 'orders.lookup'
  | 'orders.claim'
  | 'orders.releaseClaim'
  | 'orders.markDelivered'
  | 'orders.updateShippingAddress'
  | 'orders.bulkHold'
  | 'orders.bulkRelease';

/** The packing station's calls: find an order from a scan, claim it, and the order-level fixes around packing. */
export function packingHandlers(ctx: AppContext): HandlerGroup<PackingCall> {
  const detailAfter = answerWithDetail(ctx);
  return {
    'orders.lookup': (input, actor) => lookupOrder(ctx.store, actor, input.code),
    'orders.claim': (input, actor) => claimOrder(ctx, actor, input),
    'orders.releaseClaim': detailAfter<'orders.releaseClaim'>(releaseOwnClaim),
    'orders.markDelivered': detailAfter<'orders.markDelivered'>(markDelivered),
    'orders.updateShippingAddress': detailAfter<'orders.updateShippingAddress'>(updateShippingAddress),
    'orders.bulkHold': (input, actor) =>
      ok(applyToEach(ctx, actor, input.orderIds, (orderId) => placeHold(ctx, actor, { orderId, reason: input.reason }))),
    'orders.bulkRelease': (input, actor) =>
      ok(applyToEach(ctx, actor, input.orderIds, (orderId) => releaseHold(ctx, actor, { orderId }))),
  };
}
