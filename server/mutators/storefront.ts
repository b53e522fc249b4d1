import type { EventDoc, ItemDoc, OrderDoc, StorefrontOrder } from '../../shared/contract/sync-protocol.js';
import { deriveFulfillmentStatus } from '../../shared/domain/fulfillment.js';
import { MAX_CENTS, formatMoney, isCents } from '../../shared/domain/money.js';
import { checkTransition, statusAfterFulfillment } from '../../shared/domain/order-status.js';
import { derivePaymentStatus, isPaid } from '../../shared/domain/payment.js';
import { fail, ok, type Result } from '../../shared/domain/result.js';
import { normalizeTrackingNumber } from '../../shared/domain/tracking.js';
import { changed, toFulfillable, unchanged } from './context.js';
import { deliverParcels } from './deliver.js';
import { byStore } from '../../shared/domain/by-store.js';
import { orderArrived } from '../../shared/domain/delivery.js';
import { checkCancellationRequest, checkReturnAllowed, planReturn, requiredCustomerText } from '../../shared/domain/requests.js';
import type { EventIds, MutationResult } from './types.js';

/** Ids for a new order, from the server's sequences; `number` is used when the storefront sent none. */
export interface NewOrderIds extends EventIds {
  orderId: number;
  customerId: number;
  number: string;
  itemId(): number;
}

/** An entry by someone who isn't staff: the customer, Stripe, a carrier. */
const entryBy = (
  ids: EventIds,
  at: number,
  who: { actorId: number | null; actorName: string },
  kind: string,
  data: Record<string, unknown>,
  storeId: number | null = null,
): EventDoc => ({ id: ids.eventId(), at, actorId: who.actorId, actorName: who.actorName, stationId: null, stationName: null, kind, data, storeId });

/**
 * A new order as Stripe Checkout completed it. Its payment status is derived from the capture
 * (payment.ts), its status moves pending → processing once paid (order-status.ts), and digital
 * items are fulfilled by payment (fulfillment.ts); an order of only digital items, paid, is
 * therefore fulfilled, shipped and, having no parcel to wait for, delivered at once, along the
 * allowed edges. Refused: a SKU twice (return requests name items by SKU), physical items with
 * no shipping address, a discount above the items' price, a capture above the total, amounts past
 * MAX_CENTS.
 */
export function newOrderDoc(input: StorefrontOrder, ids: NewOrderIds, now: number): Result<OrderDoc> {
  const skus = new Map<string, number>();
  for (const [index, line] of input.items.entries()) {
    const key = line.sku.trim().toUpperCase();
    if (skus.has(key)) return fail('INVALID_INPUT', `${line.sku} is listed twice: give each SKU once, with its quantity.`, { [`items.${index}.sku`]: 'Listed twice.' });
    skus.set(key, index);
  }
  const physical = input.items.some((line) => !line.isDigital);
  if (physical && input.shippingAddress === null) {
    return fail('INVALID_INPUT', 'This order has items to ship: give a shipping address.', { shippingAddress: 'Required for physical items.' });
  }
  // Amounts past MAX_CENTS are a unit mix-up (dollars sent as cents twice), not an order: refused, never thrown.
  const lineTotals = input.items.map((line) => line.quantity * line.unitPriceCents);
  const subtotalCents = lineTotals.reduce((sum, cents) => sum + cents, 0);
  const charged = subtotalCents + input.shippingCents + input.taxCents;
  if (![subtotalCents, charged, ...lineTotals].every((cents) => isCents(cents) && cents <= MAX_CENTS)) {
    return fail('INVALID_INPUT', `An order can't cost more than ${formatMoney(MAX_CENTS)}.`, { items: 'Check the quantities and prices.' });
  }
  // The discount is on the items (money-share.ts splits it by the stores' subtotals), never on shipping or tax.
  if (input.discountCents > subtotalCents) {
    return fail('INVALID_INPUT', "The discount can't be more than the items cost.", { discountCents: `At most ${subtotalCents}.` });
  }
  const totalCents = charged - input.discountCents;
  if (input.payment.capturedCents > totalCents) {
    return fail('INVALID_INPUT', "The captured amount can't be more than the order's total.", { 'payment.capturedCents': `At most ${totalCents}.` });
  }

  const items: ItemDoc[] = input.items.map((line) => ({
    id: ids.itemId(),
    storeId: line.storeId,
    productId: null,
    title: line.title,
    sku: line.sku,
    barcode: line.barcode,
    isDigital: line.isDigital,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    packedQuantity: 0,
    fulfilledQuantity: 0,
    returnedQuantity: 0,
  }));
  const customer = { actorId: ids.customerId, actorName: input.customer.name };
  const events: EventDoc[] = [entryBy(ids, now, customer, 'placed', { totalCents, items: items.length })];
  const captured = input.payment.capturedCents;
  const paymentStatus = derivePaymentStatus({ totalCents, capturedCents: captured, refundedCents: 0, failed: false });
  const fulfillmentStatus = deriveFulfillmentStatus(items.map(toFulfillable), isPaid(paymentStatus));
  let status: OrderDoc['status'] = 'pending';
  let dates = { paidAt: null as number | null, fulfilledAt: null as number | null, shippedAt: null as number | null, deliveredAt: null as number | null };
  if (isPaid(paymentStatus)) {
    events.push(entryBy(ids, now, { actorId: null, actorName: 'Stripe' }, 'paid', { amountCents: captured }));
    const processing = checkTransition('pending', 'processing');
    if (!processing.ok) return processing;
    const afterPayment = statusAfterFulfillment(processing.value, fulfillmentStatus);
    if (!afterPayment.ok) return afterPayment;
    status = afterPayment.value;
    dates = { ...dates, paidAt: now, ...(fulfillmentStatus === 'fulfilled' ? { fulfilledAt: now } : {}), ...(status === 'shipped' ? { shippedAt: now } : {}) };
    if (orderArrived({ status, fulfillmentStatus }, [])) {
      const delivered = checkTransition(status, 'delivered');
      if (!delivered.ok) return delivered;
      status = delivered.value;
      dates = { ...dates, deliveredAt: now };
      events.push(entryBy(ids, now, { actorId: null, actorName: 'Shomp' }, 'delivered', { digital: true }));
    }
  }
  return ok({
    id: ids.orderId,
    number: input.number ?? ids.number,
    storeIds: [...new Set(items.map((item) => item.storeId))].sort((a, b) => a - b),
    customer: { id: ids.customerId, name: input.customer.name, email: input.customer.email, phone: input.customer.phone, smsConsent: input.customer.smsConsent },
    status,
    fulfillmentStatus,
    paymentStatus,
    onHold: false,
    holdReason: null,
    heldAt: null,
    heldBy: null,
    billingAddress: input.billingAddress,
    shippingAddress: physical ? input.shippingAddress : null,
    shippingMethod: input.shippingMethod,
    currency: 'USD',
    subtotalCents,
    shippingCents: input.shippingCents,
    taxCents: input.taxCents,
    discountCents: input.discountCents,
    totalCents,
    capturedCents: captured,
    refundedCents: 0,
    paymentFailed: false,
    stripePaymentIntentId: input.payment.paymentIntentId,
    customerNote: input.customerNote,
    estimatedDeliveryDate: null,
    cancellationReason: null,
    cancelledAt: null,
    cancelledBy: null,
    placedAt: now,
    ...dates,
    items,
    shipments: [],
    events,
    cancellationRequests: [],
    returnRequests: [],
  });
}

export interface CancellationRequestInput {
  /** The caller's id for it (the storefront's requestId): a repeat answers ok, unchanged. */
  id: string;
  /** The customer who asked. */
  requestedBy: number;
  reason: string;
  now: number;
}

/**
 * The customer asks to cancel (requests.ts: only before anything ships); one open request at a
 * time. A whole-order timeline entry, since a cancellation is about every store's part.
 */
export function addCancellationRequest(doc: OrderDoc, request: CancellationRequestInput, ids: EventIds): MutationResult {
  if (doc.cancellationRequests.some((r) => r.id === request.id)) return unchanged(doc);
  const allowed = checkCancellationRequest(doc.status, doc.cancellationRequests.filter((r) => r.status === 'pending').length);
  if (!allowed.ok) return allowed;
  const reason = requiredCustomerText(request.reason, 'reason', 'Say why the order should be cancelled.');
  if (!reason.ok) return reason;
  const entry = entryBy(ids, request.now, { actorId: request.requestedBy, actorName: doc.customer.name }, 'cancellation_requested', {
    requestId: request.id,
    reason: reason.value,
  });
  return changed({
    ...doc,
    cancellationRequests: [
      ...doc.cancellationRequests,
      { id: request.id, requestedBy: request.requestedBy, reason: reason.value, status: 'pending', decidedBy: null, decidedAt: null, decisionNote: null, createdAt: request.now },
    ],
    events: [...doc.events, entry],
  });
}

export interface ReturnRequestInput {
  id: string;
  requestedBy: number;
  /** Named by SKU, as the storefront knows them. */
  items: ReadonlyArray<{ sku: string; quantity: number }>;
  reason: string;
  description: string;
  now: number;
}

/**
 * The customer asks to return items (requests.ts: only once the order has shipped), never more
 * of an item than shipped and not yet returned or asked for. One timeline entry per store whose
 * items are in it, so a seller reads only about their own items.
 */
export function addReturnRequest(doc: OrderDoc, request: ReturnRequestInput, ids: EventIds): MutationResult {
  if (doc.returnRequests.some((r) => r.id === request.id)) return unchanged(doc);
  const allowed = checkReturnAllowed(doc.status);
  if (!allowed.ok) return allowed;
  const open = new Map<number, number>();
  for (const r of doc.returnRequests) {
    if (r.status !== 'pending' && r.status !== 'approved') continue;
    for (const line of r.items) open.set(line.itemId, (open.get(line.itemId) ?? 0) + line.quantity);
  }
  const lines = planReturn(doc.items, open, request.items);
  if (!lines.ok) return lines;
  const byId = new Map(doc.items.map((item) => [item.id, item]));
  const customer = { actorId: request.requestedBy, actorName: doc.customer.name };
  const entries = byStore(lines.value, (line) => byId.get(line.itemId)!.storeId).map(([storeId, storeLines]) =>
    entryBy(
      ids,
      request.now,
      customer,
      'return_requested',
      {
        requestId: request.id,
        reason: request.reason,
        description: request.description,
        items: storeLines.map((line) => ({ itemId: line.itemId, sku: byId.get(line.itemId)!.sku, quantity: line.quantity })),
      },
      storeId,
    ),
  );
  return changed({
    ...doc,
    returnRequests: [
      ...doc.returnRequests,
      {
        id: request.id,
        requestedBy: request.requestedBy,
        reason: request.reason,
        description: request.description,
        status: 'pending',
        refundCents: null,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        completedAt: null,
        createdAt: request.now,
        items: lines.value,
      },
    ],
    events: [...doc.events, ...entries],
  });
}

/**
 * A carrier reports a parcel delivered: that parcel is marked, and the order is delivered once
 * every parcel is, by the desk's mark-delivered rule. A repeat report is ok, unchanged. The
 * delivery time is the carrier's, never before the parcel left.
 */
export function reportDelivery(doc: OrderDoc, trackingNumber: string, at: number, ids: EventIds): MutationResult {
  const wanted = normalizeTrackingNumber(trackingNumber);
  const parcel = doc.shipments.find((p) => normalizeTrackingNumber(p.trackingNumber) === wanted);
  if (!parcel) return fail('NOT_FOUND', 'No parcel of this order has that tracking number.', { trackingNumber: 'Unknown tracking number.' });
  if (parcel.deliveredAt !== null) return unchanged(doc);
  const when = Math.max(at, parcel.shippedAt);
  const next = deliverParcels(doc, [parcel], when, (storeId, shipmentIds, orderDelivered) =>
    entryBy(ids, when, { actorId: null, actorName: parcel.carrierName }, 'delivered', { shipmentIds, orderDelivered, source: 'carrier' }, storeId),
  );
  return next.ok ? changed(next.value) : next;
}
