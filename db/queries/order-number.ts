import type { Order } from '../schema.js';
import type { OrderStore } from '../store.js';

/** An order by its public number (SH-1035600), as printed on the packing slip. */
export function findOrderByNumber(store: OrderStore, number: string): Order | undefined {
  return store.first(store.q.selectFrom('orders').selectAll().where('number', '=', number));
}
