import { loadOrderDetail } from '../../../db/queries/order-detail.js';
import { listQueue } from '../../../db/queries/queue.js';
import type { CallName, CallOutput, ParsedInput, StoreSummary } from '../../../shared/contract/index.js';
import { fail, ok, type Result } from '../../../shared/domain/result.js';
import { loadOrderFor, scopeOf, viewerOf } from './access.js';
import { answerWithDetail } from './answer-with-detail.js';
import type { Actor, AppContext } from './context.js';
import { placeHold, releaseHold } from './orders/hold.js';
import { addNote } from './orders/note.js';
import { markPacked } from './packing/pack.js';
import { ship } from './packing/ship.js';
import { customerHandlers } from './customers/handlers.js';
import { importHandlers } from './bulk/handlers.js';
import { notificationHandlers } from './notifications/handlers.js';
import { packingHandlers } from './packing/handlers.js';
import { slipHandlers } from './slips/handlers.js';

/**
 * Calls that answer later because they wait on something outside the database (the mail server,
 * the OS keystore). Every other handler stays synchronous, so a mutation's read-check-write can
 * never straddle an await.
 */
export const ASYNC_CALLS = [
  'notifications.preview',
  'settings.notifications.save',
  'settings.notifications.testSend',
  // Runs in slices with the event loop turning between them, so other calls are served meanwhile.
  'shipments.importCsv',
] as const;
export type AsyncCall = (typeof ASYNC_CALLS)[number];

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  actor: Actor,
) => N extends AsyncCall ? Promise<Result<CallOutput<N>>> : Result<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };
/** A feature's slice of the table; createHandlers checks that the slices cover every call. */
export type HandlerGroup<N extends CallName> = { [K in N]: Handler<K> };

function listStores(ctx: AppContext, actor: Actor): StoreSummary[] {
  let query = ctx.store.q.selectFrom('stores').select(['id', 'slug', 'name', 'is_demo']).orderBy('name');
  if (actor.storeIds !== null) query = query.where('id', 'in', actor.storeIds.length ? [...actor.storeIds] : [-1]);
  return ctx.store.all(query).map((s) => ({ id: s.id, slug: s.slug, name: s.name, isDemo: s.is_demo === 1 }));
}

/**
 * The application: one handler per contract call. Every transport (IPC, web host, tests) serves
 * this same table through dispatch(), which has already parsed the input and checked the role.
 */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...orderHandlers(ctx),
    ...packingHandlers(ctx),
    ...customerHandlers(ctx),
    ...importHandlers(ctx),
    ...slipHandlers(ctx),
    ...notificationHandlers(ctx),
  };
}

type OrderCall =
  | 'session.get'
  | 'stores.list'
  | 'orders.list'
  | 'orders.get'
  | 'orders.markPacked'
  | 'orders.ship'
  | 'orders.placeHold'
  | 'orders.releaseHold'
  | 'orders.addNote';

function orderHandlers(ctx: AppContext): HandlerGroup<OrderCall> {
  const { store } = ctx;
  const detailAfter = answerWithDetail(ctx);

  return {
    'session.get': (_input, actor) => {
      const stores = listStores(ctx, actor);
      return ok({
        user: { id: actor.userId, name: actor.name, email: actor.email, role: actor.role },
        stores,
        station: { id: actor.stationId, name: actor.stationName },
        demo: stores.some((s) => s.isDemo),
      });
    },
    'stores.list': (_input, actor) => ok(listStores(ctx, actor)),
    'orders.list': (input, actor) => {
      if (input.storeId !== undefined && actor.storeIds !== null && !actor.storeIds.includes(input.storeId)) {
        return fail('FORBIDDEN', "That store isn't one of yours.");
      }
      const storeIds = input.storeId !== undefined ? [input.storeId] : actor.storeIds;
      return ok(
        listQueue(store, {
          view: input.view,
          storeIds,
          scope: scopeOf(actor),
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
    'orders.markPacked': detailAfter<'orders.markPacked'>(markPacked),
    'orders.ship': detailAfter<'orders.ship'>(ship),
    'orders.placeHold': detailAfter<'orders.placeHold'>(placeHold),
    'orders.releaseHold': detailAfter<'orders.releaseHold'>(releaseHold),
    'orders.addNote': detailAfter<'orders.addNote'>(addNote),
  };
}
