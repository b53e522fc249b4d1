import type { OrderItem } from '../../../../db/schema.js';
import type { OrderStore } from '../../../../db/store.js';
import type { FulfillableItem } from '../../../../shared/domain/fulfillment.js';
import type { Actor } from '../context.js';

export function loadItems(store: OrderStore, orderId: number): OrderItem[] {
  return store.all(store.q.selectFrom('order_items').selectAll().where('order_id', '=', orderId).orderBy('id'));
}

/** Items the actor may pack or ship: a seller only touches their own stores' items. */
export function itemsInScope(items: OrderItem[], actor: Actor): OrderItem[] {
  return actor.storeIds === null ? items : items.filter((item) => actor.storeIds!.includes(item.store_id));
}

export const toFulfillable = (item: OrderItem): FulfillableItem => ({
  id: item.id,
  quantity: item.quantity,
  fulfilledQuantity: item.fulfilled_quantity,
  returnedQuantity: item.returned_quantity,
  isDigital: item.is_digital === 1,
});
