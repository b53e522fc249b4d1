import type { OrderItem } from '../../../../db/schema.js';
import type { PackingItem } from '../../../../shared/domain/packing.js';
import type { OrderStore } from '../../../../db/store.js';
import type { CallActor } from '../context.js';

export function loadItems(store: OrderStore, orderId: number): OrderItem[] {
  // Hand-written: read by every ship, where a Kysely compile costs more than the query (ship_mutation figure).
  return store.select<OrderItem>('SELECT * FROM order_items WHERE order_id = ? ORDER BY id', [orderId]);
}

/** Items the actor may pack or ship: a seller only touches their own stores' items. */
export function itemsInScope(items: OrderItem[], actor: CallActor): OrderItem[] {
  return actor.scope.filter(items, (item) => item.store_id);
}

export { toFulfillable } from '../../../../db/queries/items.js';

/** An order_items row as the packing rules (shared with the packing screen) see it. */
export const toPackable = (item: OrderItem): PackingItem => ({
  id: item.id,
  sku: item.sku,
  barcode: item.barcode,
  quantity: item.quantity,
  packedQuantity: item.packed_quantity,
  fulfilledQuantity: item.fulfilled_quantity,
  isDigital: item.is_digital === 1,
});
