import { inScope, type StoreScope } from '../../../../shared/domain/scope.js';
import type { OrderStore } from '../../../../db/store.js';
import { addressSnapshotSchema, type AddressSnapshot } from '../../../../shared/contract/schemas.js';

/** What one packing slip prints: the order as the person printing it may see it. */
export interface SlipData {
  orderNumber: string;
  placedAt: number;
  /** Names of the stores whose items are on this slip (a seller sees only their own). */
  storeNames: string[];
  shipTo: AddressSnapshot | null;
  customerName: string;
  shippingMethod: string | null;
  customerNote: string | null;
  items: SlipItem[];
  /** Digital items in scope: delivered by download, listed as a count so the packer doesn't look for them. */
  digitalItems: number;
}

export interface SlipItem {
  sku: string;
  title: string;
  quantity: number;
  /** Units already sent in an earlier parcel. */
  shipped: number;
}

interface OrderRow {
  number: string;
  placed_at: number;
  customer_name: string;
  shipping_address: string | null;
  shipping_method: string | null;
  customer_note: string | null;
}

interface ItemRow {
  store_id: number;
  store_name: string;
  sku: string;
  title: string;
  quantity: number;
  fulfilled_quantity: number;
  is_digital: number;
}

const shipToSchema = addressSnapshotSchema.nullable();

/**
 * Loads one order's slip within a store scope, or null when the order is gone or none of its
 * items are in scope. Items of other stores never reach the PDF.
 */
export function loadSlipData(store: OrderStore, orderId: number, scope: StoreScope): SlipData | null {
  // Hand-written: read for each order of a batch (packing_slips_500 figure).
  const order = store.selectOne<OrderRow>(
    'SELECT number, placed_at, customer_name, shipping_address, shipping_method, customer_note FROM orders WHERE id = ?',
    [orderId],
  );
  if (!order) return null;
  const rows = store
    .select<ItemRow>(
      `SELECT i.store_id, s.name AS store_name, i.sku, i.title, i.quantity, i.fulfilled_quantity, i.is_digital
       FROM order_items i JOIN stores s ON s.id = i.store_id WHERE i.order_id = ? ORDER BY i.store_id, i.id`,
      [orderId],
    )
    .filter((row) => inScope(scope, row.store_id));
  if (rows.length === 0) return null;
  const storeNames = [...new Set(rows.map((row) => row.store_name))];
  const shipTo = order.shipping_address === null ? null : shipToSchema.parse(JSON.parse(order.shipping_address) as unknown);
  return {
    orderNumber: order.number,
    placedAt: order.placed_at,
    storeNames,
    shipTo,
    customerName: order.customer_name,
    shippingMethod: order.shipping_method,
    customerNote: order.customer_note?.trim() || null,
    items: rows
      .filter((row) => row.is_digital === 0)
      .map((row) => ({ sku: row.sku, title: row.title, quantity: row.quantity, shipped: row.fulfilled_quantity })),
    digitalItems: rows.filter((row) => row.is_digital === 1).length,
  };
}
