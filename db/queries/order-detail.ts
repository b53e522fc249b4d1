import { z } from 'zod';
import {
  addressSnapshotSchema,
  type Claim,
  type OrderDetail,
  type OrderEventView,
  type ShipmentView,
} from '../../shared/contract/schemas.js';
import { moneyFor, orderFigures, storeItemsOf } from '../../shared/domain/money-share.js';
import type { Order, OrderEvent, Shipment } from '../schema.js';

interface ItemRow {
  id: number;
  store_id: number;
  store_name: string;
  title: string;
  sku: string;
  barcode: string | null;
  is_digital: number;
  quantity: number;
  unit_price_cents: number;
  packed_quantity: number;
  fulfilled_quantity: number;
  returned_quantity: number;
}
import type { OrderStore } from '../store.js';
import { shownClaims, toClaimView } from './claims.js';
import type { Scope } from './scope.js';
import { unsyncedOrderIds } from './sync-outbox.js';

const TIMELINE_LIMIT = 500;
const eventDataSchema = z.record(z.string(), z.unknown());

// The order page is read after every mutation and on every scan: hand-written SQL keeps it
// well under a millisecond (scan_open_order figure; see OrderStore.select).

export function findOrder(store: OrderStore, orderId: number): Order | undefined {
  return store.selectOne<Order>('SELECT * FROM orders WHERE id = ?', [orderId]);
}

/** The stores an order's items belong to. */
export function orderStoreIds(store: OrderStore, orderId: number): number[] {
  return store.select<{ store_id: number }>('SELECT store_id FROM order_stores WHERE order_id = ?', [orderId]).map((r) => r.store_id);
}

function parseJson<T>(text: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(text));
}

/**
 * The order's newest timeline entries the viewer may read: every entry for an admin; for a
 * seller, the entries about the whole order (store_id NULL) and those about their own stores'
 * parts, never another store's. Runs on every order open: it walks order_events_timeline
 * (order_id, id, store_id) newest first and decides each entry on the index, reading only the
 * rows it returns, with no sort.
 */
export function loadTimeline(store: OrderStore, orderId: number, scope: Scope, limit = TIMELINE_LIMIT): OrderEvent[] {
  return scope.match({
    everyStore: () =>
      store.select<OrderEvent>('SELECT * FROM order_events WHERE order_id = ? ORDER BY id DESC LIMIT ?', [orderId, limit]),
    stores: (storeIds) => {
      const own = storeIds.length === 0 ? '' : ` OR store_id IN (${storeIds.map(() => '?').join(', ')})`;
      return store.select<OrderEvent>(
        `SELECT * FROM order_events WHERE order_id = ? AND (store_id IS NULL${own}) ORDER BY id DESC LIMIT ?`,
        [orderId, ...storeIds, limit],
      );
    },
  });
}

/** Who is looking: their store scope, their station (to tell own claims apart) and the time. */
export interface Viewer {
  scope: Scope;
  stationId: string;
  now: number;
}

/**
 * The station packing an order, if its claim hasn't expired. Only claims on the viewer's own
 * stores count (every store for an admin); among several, another station's comes first.
 */
export function loadClaim(store: OrderStore, orderId: number, viewer: Viewer): Claim | null {
  const claim = shownClaims(store, [orderId], viewer.scope, viewer.stationId, viewer.now).get(orderId);
  return claim ? toClaimView(claim, viewer.stationId) : null;
}

/** The order page: everything a person needs to pack, ship or answer a customer, within scope. */
export function loadOrderDetail(store: OrderStore, order: Order, viewer: Viewer): OrderDetail {
  const scope = viewer.scope;
  const allItems = store.select<ItemRow>(
    `SELECT i.id, i.store_id, s.name AS store_name, i.title, i.sku, i.barcode, i.is_digital, i.quantity, i.unit_price_cents,
       i.packed_quantity, i.fulfilled_quantity, i.returned_quantity
     FROM order_items i JOIN stores s ON s.id = i.store_id WHERE i.order_id = ? ORDER BY i.id`,
    [order.id],
  );
  const items = scope.filter(allItems, (item) => item.store_id);
  const money = moneyFor(
    orderFigures(order),
    storeItemsOf(allItems.map((i) => ({ storeId: i.store_id, quantity: i.quantity, unitPriceCents: i.unit_price_cents }))),
    scope.storeIds,
  );
  const shipmentRows = scope.filter(
    store.select<Shipment>('SELECT * FROM shipments WHERE order_id = ? ORDER BY shipped_at, id', [order.id]),
    (shipment) => shipment.store_id,
  );
  const shipmentItems = shipmentRows.length
    ? store.select<{ shipment_id: string; order_item_id: number; quantity: number }>(
        `SELECT si.shipment_id, si.order_item_id, si.quantity FROM shipment_items si JOIN shipments s ON s.id = si.shipment_id
         WHERE s.order_id = ?`,
        [order.id],
      )
    : [];
  const shipments: ShipmentView[] = shipmentRows.map((s) => ({
    id: s.id,
    storeId: s.store_id,
    carrier: s.carrier,
    carrierName: s.carrier_name,
    trackingNumber: s.tracking_number,
    trackingUrl: s.tracking_url,
    method: s.method,
    shippedAt: s.shipped_at,
    deliveredAt: s.delivered_at,
    items: shipmentItems
      .filter((line) => line.shipment_id === s.id)
      .map((line) => ({ orderItemId: line.order_item_id, quantity: line.quantity })),
  }));
  const events: OrderEventView[] = loadTimeline(store, order.id, scope)
    .map((e) => ({
      id: e.id,
      at: e.at,
      actorName: e.actor_name,
      stationName: e.station_name,
      kind: e.kind,
      data: parseJson(e.data, eventDataSchema),
    }));
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    fulfillmentStatus: order.fulfillment_status,
    paymentStatus: order.payment_status,
    queue: order.queue,
    onHold: order.on_hold === 1,
    holdReason: order.hold_reason,
    customer: { id: order.customer_id, name: order.customer_name, email: order.customer_email, phone: order.customer_phone },
    billingAddress: parseJson(order.billing_address, addressSnapshotSchema),
    shippingAddress: order.shipping_address === null ? null : parseJson(order.shipping_address, addressSnapshotSchema),
    shippingMethod: order.shipping_method,
    money: {
      currency: order.currency,
      ...money,
      // The payment is the whole order's, like its shipping: shown only with the whole order's money.
      capturedCents: money.scope === 'order' ? order.captured_cents : null,
      refundedCents: money.scope === 'order' ? order.refunded_cents : null,
    },
    customerNote: order.customer_note,
    estimatedDeliveryDate: order.estimated_delivery_date,
    cancellationReason: order.cancellation_reason,
    placedAt: order.placed_at,
    paidAt: order.paid_at,
    shippedAt: order.shipped_at,
    deliveredAt: order.delivered_at,
    cancelledAt: order.cancelled_at,
    items: items.map((i) => ({
      id: i.id,
      storeId: i.store_id,
      storeName: i.store_name,
      title: i.title,
      sku: i.sku,
      barcode: i.barcode,
      isDigital: i.is_digital === 1,
      quantity: i.quantity,
      unitPriceCents: i.unit_price_cents,
      packedQuantity: i.packed_quantity,
      fulfilledQuantity: i.fulfilled_quantity,
      returnedQuantity: i.returned_quantity,
    })),
    hiddenItemCount: allItems.length - items.length,
    shipments,
    events,
    claim: loadClaim(store, order.id, viewer),
    unsynced: unsyncedOrderIds(store, [order.id]).size > 0,
  };
}
