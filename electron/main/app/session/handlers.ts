import type { StoreSummary } from '../../../../shared/contract/index.js';
import { ok } from '../../../../shared/domain/result.js';
import type { CallActor, AppContext } from '../context.js';
import type { HandlerGroup } from '../handler-types.js';

export type SessionCall = 'session.get' | 'stores.list';

function listStores(ctx: AppContext, actor: CallActor): StoreSummary[] {
  const query = ctx.store.q.selectFrom('stores').select(['id', 'slug', 'name', 'is_demo']).orderBy('name');
  // Filtered here rather than in SQL: a desk has a handful of stores.
  return actor.scope.filter(ctx.store.all(query), (s) => s.id).map((s) => ({ id: s.id, slug: s.slug, name: s.name, isDemo: s.is_demo === 1 }));
}

/** Who is at this desk and which stores they see. */
export function sessionHandlers(ctx: AppContext): HandlerGroup<SessionCall> {
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
  };
}
