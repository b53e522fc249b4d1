import { z } from 'zod';
import {
  addressSnapshotSchema,
  type OrderDetail,
  type OrderEventView,
  type ShipmentView,
} from '../../shared/contract/schemas.js';
import type { Order } from '../schema.js';
import type { OrderStore } from '../store.js';
import { inScope, type StoreScope } from './scope.js';

const TIMELINE_LIMIT = 500;
const eventDataSchema = z.record(z.string(), z.unknown());

export function findOrder(store: OrderStore, orderId: number): Order | undefined {
  return store.first(store.q.selectFrom('orders').selectAll().where('id', '=', orderId));
}

/** The stores an order's items belong to. */
export function orderStoreIds(store: OrderStore, orderId: number): number[] {
  return store.all(store.q.selectFrom('order_stores').select('store_id').where('order_id', '=', orderId)).map((r) => r.store_id);
}

function parseJson<T>(text: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(text));
}

/** The order page: everything a person needs to pack, ship or answer a customer, within scope. */
export function loadOrderDetail(store: OrderStore, order: Order, scope: StoreScope): OrderDetail {
  const allItems = store.all(
    store.q
      .selectFrom('order_items as i')
      .innerJoin('stores as s', 's.id', 'i.store_id')
      .select([
        'i.id',
        'i.store_id',
        's.name as store_name',
        'i.title',
        'i.sku',
        'i.barcode',
        'i.is_digital',
        'i.quantity',
        'i.unit_price_cents',
        'i.packed_quantity',
        'i.fulfilled_quantity',
        'i.returned_quantity',
      ])
      .where('i.order_id', '=', order.id)
      .orderBy('i.id'),
  );
  const items = allItems.filter((item) => inScope(scope, item.store_id));
  const shipmentRows = store.all(
    store.q.selectFrom('shipments').selectAll().where('order_id', '=', order.id).orderBy('shipped_at').orderBy('id'),
  ).filter((shipment) => inScope(scope, shipment.store_id));
  const shipmentItems = shipmentRows.length
    ? store.all(
        store.q
          .selectFrom('shipment_items')
          .selectAll()
          .where(
            'shipment_id',
            'in',
            shipmentRows.map((s) => s.id),
          ),
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
  const events: OrderEventView[] = store
    .all(
      store.q
        .selectFrom('order_events')
        .selectAll()
        .where('order_id', '=', order.id)
        .orderBy('id', 'desc')
        .limit(TIMELINE_LIMIT),
    )
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
    customer: { name: order.customer_name, email: order.customer_email, phone: order.customer_phone },
    billingAddress: parseJson(order.billing_address, addressSnapshotSchema),
    shippingAddress: order.shipping_address === null ? null : parseJson(order.shipping_address, addressSnapshotSchema),
    shippingMethod: order.shipping_method,
    money: {
      currency: order.currency,
      subtotalCents: order.subtotal_cents,
      shippingCents: order.shipping_cents,
      taxCents: order.tax_cents,
      discountCents: order.discount_cents,
      totalCents: order.total_cents,
      capturedCents: order.captured_cents,
      refundedCents: order.refunded_cents,
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
  };
}
