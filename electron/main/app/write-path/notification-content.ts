/**
 * Builds what each customer message says from the rows a mutation has just written, inside its
 * transaction: the snapshot is the order as of that commit, so a later edit can't change what
 * the customer was (or will be) told about this change.
 */
import type { Order, OrderItem } from '../../../../db/schema.js';
import type { OrderStore } from '../../../../db/store.js';
import { addressSnapshotSchema } from '../../../../shared/contract/index.js';
import type { ContentOf } from '../../../../shared/domain/notifications.js';
import { smsNumber } from '../../services/notifications/recipients.js';

type Common = Pick<ContentOf<'shipped'>, 'orderNumber' | 'customerName' | 'storeNames'>;

function storeNames(store: OrderStore, storeIds: readonly number[]): string[] {
  const unique = [...new Set(storeIds)];
  if (unique.length === 0) return [];
  // Hand-written: every ship's email names its stores (ship_mutation figure).
  const rows = store.select<{ name: string }>(
    `SELECT name FROM stores WHERE id IN (${unique.map(() => '?').join(', ')}) ORDER BY name`,
    unique,
  );
  return rows.map((row) => row.name);
}

function common(store: OrderStore, order: Order, storeIds: readonly number[]): Common {
  return { orderNumber: order.number, customerName: order.customer_name, storeNames: storeNames(store, storeIds) };
}

function shippingAddress(order: Order): ContentOf<'order_confirmation'>['shippingAddress'] {
  if (order.shipping_address === null) return null;
  const address = addressSnapshotSchema.parse(JSON.parse(order.shipping_address));
  return {
    name: address.name,
    street: address.street,
    street2: address.street2 ?? null,
    city: address.city,
    state: address.state,
    zip: address.zip,
  };
}

/** Every line of the order: what the customer bought, with prices, as confirmed. */
export function orderConfirmationContent(store: OrderStore, order: Order, items: readonly OrderItem[]): ContentOf<'order_confirmation'> {
  return {
    kind: 'order_confirmation',
    ...common(store, order, items.map((item) => item.store_id)),
    placedAt: order.placed_at,
    items: items.map((item) => ({ title: item.title, sku: item.sku, quantity: item.quantity, unitPriceCents: item.unit_price_cents })),
    subtotalCents: order.subtotal_cents,
    shippingCents: order.shipping_cents,
    taxCents: order.tax_cents,
    discountCents: order.discount_cents,
    totalCents: order.total_cents,
    shippingMethod: order.shipping_method,
    shippingAddress: shippingAddress(order),
  };
}

export interface ParcelLine {
  item: OrderItem;
  quantity: number;
}

/** One parcel on its way: carrier, tracking and what is in the box. */
export function shippedContent(
  store: OrderStore,
  order: Order,
  parcel: { storeId: number; carrierName: string; trackingNumber: string; trackingUrl: string; lines: readonly ParcelLine[]; partial: boolean },
): ContentOf<'shipped'> {
  return {
    kind: 'shipped',
    ...common(store, order, [parcel.storeId]),
    carrierName: parcel.carrierName,
    trackingNumber: parcel.trackingNumber,
    trackingUrl: parcel.trackingUrl,
    items: parcel.lines.map(({ item, quantity }) => ({ title: item.title, sku: item.sku, quantity })),
    partial: parcel.partial,
    estimatedDelivery: order.estimated_delivery_date,
  };
}

export function deliveredContent(
  store: OrderStore,
  order: Order,
  delivery: { storeIds: readonly number[]; parcels: number; orderDelivered: boolean },
): ContentOf<'delivered'> {
  return { kind: 'delivered', ...common(store, order, delivery.storeIds), parcels: delivery.parcels, orderDelivered: delivery.orderDelivered };
}

/** Tells the customer where the order now goes, after staff corrected the address. */
export function addressChangedContent(store: OrderStore, order: Order, storeIds: readonly number[], address: NonNullable<ContentOf<'fulfillment_update'>['shippingAddress']>): ContentOf<'fulfillment_update'> {
  return {
    kind: 'fulfillment_update',
    ...common(store, order, storeIds),
    headline: 'We updated the shipping address of your order.',
    message: null,
    shippingAddress: address,
  };
}

/**
 * Where a "shipped" text goes: the customer's own phone, only when they agreed to texts (the
 * consent lives on their account, not on an order) and the number is one we can text.
 */
export function smsRecipient(store: OrderStore, order: Order): string | null {
  const customer = store.first(store.q.selectFrom('users').select(['phone', 'sms_consent']).where('id', '=', order.customer_id));
  if (!customer || customer.sms_consent !== 1) return null;
  return smsNumber(order.customer_phone ?? customer.phone);
}
