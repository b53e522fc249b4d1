import { orderDocSchema, type OrderDoc } from '../../shared/contract/sync-protocol.js';
import type { UsAddress } from '../../shared/domain/address.js';
import type { CancellationRequestTable, Order, OrderEvent, OrderItem, ReturnRequestTable, Shipment } from '../schema.js';
import type { OrderStore } from '../store.js';
import { itemFields } from './items.js';

/**
 * The server's copy of an order this desk has unconfirmed changes on (sync_base): what the order
 * is rebuilt from when the server refuses one of them, before the others are replayed. Taken
 * from the local rows at the first unconfirmed change (keepServerBase, by the write path), and
 * replaced by each pulled doc while changes remain; dropped once none do.
 */

// The columns read below, typed from db/schema.ts rather than restated.
type ItemRow = Omit<OrderItem, 'order_id'>;
type ShipmentRow = Omit<Shipment, 'order_id'>;
type EventRow = Omit<OrderEvent, 'order_id'>;

const address = (json: string): UsAddress => JSON.parse(json) as UsAddress;

/**
 * An order as an OrderDoc, read from the local rows: the inverse of DocWriter.putOrder, so a doc
 * written and read back is the same doc. Parsed against the schema, so a bad base is never kept:
 * null when the order isn't on file or its rows don't make a valid doc (an order seeded or
 * changed before sync, say).
 */
export function orderDocOf(store: OrderStore, orderId: number): OrderDoc | null {
  const order = store.selectOne<Order>('SELECT * FROM orders WHERE id = ?', [orderId]);
  if (!order) return null;
  const customer = store.selectOne<{ sms_consent: number }>('SELECT sms_consent FROM users WHERE id = ?', [order.customer_id]);
  const storeIds = store.select<{ store_id: number }>('SELECT store_id FROM order_stores WHERE order_id = ? ORDER BY store_id', [orderId]);
  const items = store.select<ItemRow>(
    `SELECT id, store_id, product_id, title, sku, barcode, is_digital, quantity, unit_price_cents, packed_quantity, fulfilled_quantity,
       returned_quantity FROM order_items WHERE order_id = ? ORDER BY id`,
    [orderId],
  );
  const shipments = store.select<ShipmentRow>(
    `SELECT id, store_id, carrier, carrier_name, tracking_number, tracking_url, method, shipped_at, delivered_at, created_by, station_id
     FROM shipments WHERE order_id = ? ORDER BY shipped_at, id`,
    [orderId],
  );
  const lines = store.select<{ shipment_id: string; order_item_id: number; quantity: number }>(
    `SELECT si.shipment_id, si.order_item_id, si.quantity FROM shipment_items si JOIN shipments s ON s.id = si.shipment_id
     WHERE s.order_id = ? ORDER BY si.order_item_id`,
    [orderId],
  );
  const events = store.select<EventRow>(
    'SELECT id, at, actor_id, actor_name, station_id, station_name, kind, data, store_id FROM order_events WHERE order_id = ? ORDER BY id',
    [orderId],
  );
  const cancellations = store.select<Omit<CancellationRequestTable, 'order_id'>>(
    'SELECT id, requested_by, reason, status, decided_by, decided_at, decision_note, created_at FROM cancellation_requests WHERE order_id = ? ORDER BY created_at, id',
    [orderId],
  );
  const returns = store.select<Omit<ReturnRequestTable, 'order_id'>>(
    `SELECT id, requested_by, reason, description, status, refund_cents, decided_by, decided_at, decision_note, completed_at, created_at
     FROM return_requests WHERE order_id = ? ORDER BY created_at, id`,
    [orderId],
  );
  const returnLines = store.select<{ return_request_id: string; order_item_id: number; quantity: number }>(
    `SELECT ri.return_request_id, ri.order_item_id, ri.quantity FROM return_request_items ri JOIN return_requests r ON r.id = ri.return_request_id
     WHERE r.order_id = ? ORDER BY ri.order_item_id`,
    [orderId],
  );
  const doc: OrderDoc = {
    id: order.id,
    number: order.number,
    storeIds: storeIds.map((row) => row.store_id),
    customer: {
      id: order.customer_id,
      name: order.customer_name,
      email: order.customer_email,
      phone: order.customer_phone,
      smsConsent: customer?.sms_consent === 1,
    },
    status: order.status,
    fulfillmentStatus: order.fulfillment_status,
    paymentStatus: order.payment_status,
    onHold: order.on_hold === 1,
    holdReason: order.hold_reason,
    heldAt: order.held_at,
    heldBy: order.held_by,
    billingAddress: address(order.billing_address),
    shippingAddress: order.shipping_address === null ? null : address(order.shipping_address),
    shippingMethod: order.shipping_method,
    currency: order.currency,
    subtotalCents: order.subtotal_cents,
    shippingCents: order.shipping_cents,
    taxCents: order.tax_cents,
    discountCents: order.discount_cents,
    totalCents: order.total_cents,
    capturedCents: order.captured_cents,
    refundedCents: order.refunded_cents,
    paymentFailed: order.payment_failed === 1,
    stripePaymentIntentId: order.stripe_payment_intent_id,
    customerNote: order.customer_note,
    estimatedDeliveryDate: order.estimated_delivery_date,
    cancellationReason: order.cancellation_reason,
    cancelledAt: order.cancelled_at,
    cancelledBy: order.cancelled_by,
    placedAt: order.placed_at,
    paidAt: order.paid_at,
    fulfilledAt: order.fulfilled_at,
    shippedAt: order.shipped_at,
    deliveredAt: order.delivered_at,
    items: items.map((item) => ({ ...itemFields(item), productId: item.product_id })),
    shipments: shipments.map((shipment) => ({
      id: shipment.id,
      storeId: shipment.store_id,
      carrier: shipment.carrier as OrderDoc['shipments'][number]['carrier'],
      carrierName: shipment.carrier_name,
      trackingNumber: shipment.tracking_number,
      trackingUrl: shipment.tracking_url,
      method: shipment.method,
      shippedAt: shipment.shipped_at,
      deliveredAt: shipment.delivered_at,
      createdBy: shipment.created_by,
      stationId: shipment.station_id,
      items: lines.filter((line) => line.shipment_id === shipment.id).map((line) => ({ itemId: line.order_item_id, quantity: line.quantity })),
    })),
    events: events.map((event) => ({
      id: event.id,
      at: event.at,
      actorId: event.actor_id,
      actorName: event.actor_name,
      stationId: event.station_id,
      stationName: event.station_name,
      kind: event.kind,
      data: JSON.parse(event.data) as Record<string, unknown>,
      storeId: event.store_id,
    })),
    cancellationRequests: cancellations.map((request) => ({
      id: request.id,
      requestedBy: request.requested_by,
      reason: request.reason,
      status: request.status,
      decidedBy: request.decided_by,
      decidedAt: request.decided_at,
      decisionNote: request.decision_note,
      createdAt: request.created_at,
    })),
    returnRequests: returns.map((request) => ({
      id: request.id,
      requestedBy: request.requested_by,
      reason: request.reason,
      description: request.description,
      status: request.status,
      refundCents: request.refund_cents,
      decidedBy: request.decided_by,
      decidedAt: request.decided_at,
      decisionNote: request.decision_note,
      completedAt: request.completed_at,
      createdAt: request.created_at,
      items: returnLines
        .filter((line) => line.return_request_id === request.id)
        .map((line) => ({ itemId: line.order_item_id, quantity: line.quantity })),
    })),
  };
  const parsed = orderDocSchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
}

/**
 * Called by the write path before a change to an order: keeps the order as it stands (the
 * server's state, since nothing unconfirmed is on it yet) unless a base is already kept. Orders
 * that never came from a server (server_version 0: the offline demo store) need none.
 */
export function keepServerBase(store: OrderStore, orderId: number): void {
  // Hand-written: runs before every order mutation (ship_mutation figure).
  const row = store.selectOne<{ version: number; based: number | null }>(
    'SELECT o.server_version AS version, b.order_id AS based FROM orders o LEFT JOIN sync_base b ON b.order_id = o.id WHERE o.id = ?',
    [orderId],
  );
  // Version 0: never pulled (the demo store), or being pulled again from scratch after a reset.
  if (!row || row.version <= 0 || row.based !== null) return;
  const doc = orderDocOf(store, orderId);
  if (doc) saveBase(store, doc, row.version);
}

export function saveBase(store: OrderStore, doc: OrderDoc, version: number): void {
  store.execute(
    'INSERT INTO sync_base (order_id, version, doc) VALUES (?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET version = excluded.version, doc = excluded.doc',
    [doc.id, version, JSON.stringify(doc)],
  );
}

export function dropBase(store: OrderStore, orderId: number): void {
  store.execute('DELETE FROM sync_base WHERE order_id = ?', [orderId]);
}

/** The kept server copy of an order, or null (none kept, or it no longer parses). */
export function readBase(store: OrderStore, orderId: number): { doc: OrderDoc; version: number } | null {
  const row = store.selectOne<{ doc: string; version: number }>('SELECT doc, version FROM sync_base WHERE order_id = ?', [orderId]);
  if (!row) return null;
  const parsed = orderDocSchema.safeParse(JSON.parse(row.doc));
  return parsed.success ? { doc: parsed.data, version: row.version } : null;
}

/** Whether any base is kept at all: a page with none skips the per-order lookups. */
export function anyBase(store: OrderStore): boolean {
  return store.selectOne<{ one: number }>('SELECT 1 AS one FROM sync_base LIMIT 1') !== undefined;
}
