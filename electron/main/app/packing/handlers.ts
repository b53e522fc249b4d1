import { answerWithDetail } from '../answer-with-detail.js';
import type { AppContext } from '../context.js';
import type { HandlerGroup } from '../handler-types.js';
import { claimOrder, releaseOwnClaim } from './claim.js';
import { lookupOrder } from './lookup.js';
import { markPacked } from './pack.js';
import { ship } from './ship.js';

export type PackingCall = 'orders.lookup' | 'orders.claim' | 'orders.releaseClaim' | 'orders.markPacked' | 'orders.ship';

/** The packing station: find an order from a scan, claim it, pack it, ship it. */
export function packingHandlers(ctx: AppContext): HandlerGroup<PackingCall> {
  const detailAfter = answerWithDetail(ctx);
  return {
    'orders.lookup': (input, actor) => lookupOrder(ctx.store, actor, input.code),
    'orders.claim': (input, actor) => claimOrder(ctx, actor, input),
    'orders.releaseClaim': detailAfter<'orders.releaseClaim'>(releaseOwnClaim),
    'orders.markPacked': detailAfter<'orders.markPacked'>(markPacked),
    'orders.ship': detailAfter<'orders.ship'>(ship),
  };
}
