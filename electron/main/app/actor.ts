import type { OrderStore } from '../../../db/store.js';
import type { Actor } from './context.js';

export interface Station {
  id: string;
  name: string;
}

/**
 * Loads a staff member as an actor. Customers and unknown users get null: they never operate
 * the desk.
 */
export function resolveActor(store: OrderStore, userId: number, station: Station): Actor | null {
  const user = store.first(store.q.selectFrom('users').selectAll().where('id', '=', userId));
  if (!user || user.role === 'customer') return null;
  const storeIds =
    user.role === 'admin'
      ? null
      : store
          .all(store.q.selectFrom('store_members').select('store_id').where('user_id', '=', userId).orderBy('store_id'))
          .map((row) => row.store_id);
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    storeIds,
    stationId: station.id,
    stationName: station.name,
  };
}

/** The first admin, else the first seller: who the desk acts as until sign-in arrives with sync. */
export function defaultStaffUserId(store: OrderStore): number | null {
  const row = store.first(
    store.q
      .selectFrom('users')
      .select('id')
      .where('role', 'in', ['admin', 'seller'])
      .orderBy((eb) => eb.case().when('role', '=', 'admin').then(0).else(1).end())
      .orderBy('id')
      .limit(1),
  );
  return row?.id ?? null;
}
