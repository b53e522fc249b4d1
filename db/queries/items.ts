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

export type ItemFieldsRow = Pick<
  OrderItem,
  'id' | 'store_id' | 'title' | 'sku' | 'barcode' | 'is_digital' | 'quantity' | 'unit_price_cents' | 'packed_quantity' | 'fulfilled_quantity' | 'returned_quantity'
>;

/** An order_items row's own fields as the contract names them: the order page's items and the sync doc's. */
export const itemFields = (item: ItemFieldsRow) => ({
  id: item.id,
  storeId: item.store_id,
  title: item.title,
  sku: item.sku,
  barcode: item.barcode,
  isDigital: item.is_digital === 1,
  quantity: item.quantity,
  unitPriceCents: item.unit_price_cents,
  packedQuantity: item.packed_quantity,
  fulfilledQuantity: item.fulfilled_quantity,
  returnedQuantity: item.returned_quantity,
});
