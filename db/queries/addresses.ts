import type { Address } from '../schema.js';
import type { OrderStore } from '../store.js';

export type AddressType = Address['type'];

/** A customer's address book: billing before shipping, each type's default first, then oldest first. */
export function listAddresses(store: OrderStore, userId: number): Address[] {
  return store.all(
    store.q
      .selectFrom('addresses')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('type')
      .orderBy('is_default', 'desc')
      .orderBy('id'),
  );
}

export function findAddress(store: OrderStore, addressId: number): Address | undefined {
  return store.first(store.q.selectFrom('addresses').selectAll().where('id', '=', addressId));
}

/** Customers only: staff accounts have no address book on the desk. */
export function findCustomer(store: OrderStore, userId: number): { id: number; name: string } | undefined {
  return store.first(store.q.selectFrom('users').select(['id', 'name']).where('id', '=', userId).where('role', '=', 'customer'));
}
