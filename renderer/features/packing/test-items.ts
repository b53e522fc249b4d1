import type { OrderItemView } from '../../../shared/contract/index.js';

/** An order line as the order page shows it, for the packing tests: a vase of one store, two units. */
export const packItem = (over: Partial<OrderItemView>): OrderItemView => ({
  id: 1,
  storeId: 1,
  storeName: 'Juniper Ceramics',
  title: 'Bud Vase',
  sku: 'JUN-VAS-013',
  barcode: '0123456789012',
  isDigital: false,
  quantity: 2,
  unitPriceCents: 4699,
  packedQuantity: 0,
  fulfilledQuantity: 0,
  returnedQuantity: 0,
  ...over,
});
