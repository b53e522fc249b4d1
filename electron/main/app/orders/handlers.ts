import { loadOrderDetail } from '../../../../db/queries/order-detail.js';
import { listQueue } from '../../../../db/queries/queue.js';
import { fail, ok } from '../../../../shared/domain/result.js';
import { loadOrderFor, viewerOf } from '../access.js';
import { answerWithDetail } from '../answer-with-detail.js';
import type { AppContext } from '../context.js';
import type { HandlerGroup } from '../handler-types.js';
import { placeHold, releaseHold } from './hold.js';
import { addNote } from './note.js';

export type OrderCall = 'orders.list' | 'orders.get' | 'orders.placeHold' | 'orders.releaseHold' | 'orders.addNote';

/** The queue, one order's page, and what anyone may do to an order whatever its stage: hold it, note it. */
export function orderHandlers(ctx: AppContext): HandlerGroup<OrderCall> {
  const { store } = ctx;
  const detailAfter = answerWithDetail(ctx);

  return {
    'orders.list': (input, actor) => {
      const stores = input.storeId === undefined ? actor.scope : actor.scope.narrowTo(input.storeId);
      if (stores === null) return fail('FORBIDDEN', "That store isn't one of yours.");
      return ok(
        listQueue(store, {
          view: input.view,
          stores,
          scope: actor.scope,
          minAgeDays: input.minAgeDays,
          search: input.search,
          sort: input.sort,
          cursor: input.cursor,
          limit: input.limit,
          now: ctx.now(),
          stationId: actor.stationId,
        }),
      );
    },
    'orders.get': (input, actor) => {
      const order = loadOrderFor(store, actor, input.orderId);
      return order.ok ? ok(loadOrderDetail(store, order.value, viewerOf(actor, ctx.now()))) : order;
    },
    'orders.placeHold': detailAfter<'orders.placeHold'>(placeHold),
    'orders.releaseHold': detailAfter<'orders.releaseHold'>(releaseHold),
    'orders.addNote': detailAfter<'orders.addNote'>(addNote),
  };
}
