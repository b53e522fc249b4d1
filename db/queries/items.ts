import type { FulfillableItem } from '../../shared/domain/fulfillment.js';
import type { OrderItem } from '../schema.js';

export type FulfillableRow = Pick<OrderItem, 'id' | 'quantity' | 'fulfilled_quantity' | 'returned_quantity' | 'is_digital'>;

/** An order_items row as the fulfilment rules see it. */
export const toFulfillable = (item: FulfillableRow): FulfillableItem => ({
  id: item.id,
  quantity: item.quantity,
  fulfilledQuantity: item.fulfilled_quantity,
  returnedQuantity: item.returned_quantity,
  isDigital: item.is_digital === 1,
});
