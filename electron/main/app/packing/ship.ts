import { releaseClaims } from '../../../../db/queries/claims.js';
import { saveOrder } from '../../../../db/queries/derive.js';
import type { ParsedInput } from '../../../../shared/contract/index.js';
import {
  afterShipped,
  applyShipment,
  checkNotHeldForShipping,
  deriveFulfillmentStatus,
  parcelStore,
  planShipment,
  remainingToShip,
} from '../../../../shared/domain/fulfillment.js';
import { datesAfterShipping, statusAfterFulfillment } from '../../../../shared/domain/order-status.js';
import { checkVerified } from '../../../../shared/domain/packing.js';
import { isPaid } from '../../../../shared/domain/payment.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import { checkTracking } from '../../../../shared/domain/tracking.js';
import { dedupeKeys } from '../../../../shared/domain/notifications.js';
import type { CallActor, AppContext } from '../context.js';
import { shippedContent, smsRecipient } from '../write-path/notification-content.js';
import { itemsInScope, loadItems, toFulfillable, toPackable } from './order-items.js';
import { runOrderMutation, unchanged } from '../write-path/pipeline.js';

/**
 * order.ship@1: one parcel from one store, with a tracking number. The order becomes shipped
 * once nothing physical is left; the customer gets a "shipped" email unless told otherwise.
 * Every unit in the parcel must have been verified (scanned or marked packed) unless the person
 * gives an override reason, which goes on the timeline. Shipping a store's last items lets go of
 * the claims on that store's part of the order. Retrying with the same shipmentId answers ok and
 * writes nothing (no parcel, outbox row, timeline entry or email), so a double click or a retried
 * request can't create a second parcel or tell the backend twice.
 */
export function ship(ctx: AppContext, actor: CallActor, input: ParsedInput<'orders.ship'>): Result<{ orderId: number }> {
  const { store } = ctx;
  return runOrderMutation(ctx, actor, { name: 'order.ship@1', args: input }, input.orderId, (tx, order) => {
    // Hand-written SQL in this function: a Kysely compile per statement would show in the ship_mutation figure.
    const existing = store.selectOne<{ order_id: number }>('SELECT order_id FROM shipments WHERE id = ?', [input.shipmentId]);
    if (existing) {
      return existing.order_id === order.id
        ? unchanged({ orderId: order.id })
        : fail('CONFLICT', 'That shipment id is already used by another order.');
    }
    const held = checkNotHeldForShipping({ onHold: order.on_hold === 1, holdReason: order.hold_reason });
    if (!held.ok) return held;
    const statusCheck = statusAfterFulfillment(order.status, 'partially_fulfilled');
    if (!statusCheck.ok) return statusCheck;
    const tracking = checkTracking({
      carrier: input.carrier,
      trackingNumber: input.trackingNumber,
      trackingUrl: input.trackingUrl ?? null,
      carrierName: input.carrierName ?? null,
    });
    if (!tracking.ok) return tracking;

    const allItems = loadItems(store, order.id);
    const mine = itemsInScope(allItems, actor);
    const plan = planShipment(mine.map(toFulfillable), input.items ?? null);
    if (!plan.ok) return plan;
    const byId = new Map(allItems.map((item) => [item.id, item]));
    const parcel = parcelStore(plan.value, (itemId) => byId.get(itemId)!.store_id);
    if (!parcel.ok) return parcel;
    const storeId = parcel.value;
    if (input.verificationOverride === undefined) {
      const verified = checkVerified(mine.map(toPackable), plan.value);
      if (!verified.ok) return verified;
    }

    store.execute(
      `INSERT INTO shipments (id, order_id, store_id, carrier, carrier_name, tracking_number, tracking_url, method, shipped_at, created_by, station_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.shipmentId,
        order.id,
        storeId,
        tracking.value.carrier,
        tracking.value.carrierName,
        tracking.value.trackingNumber,
        tracking.value.trackingUrl,
        input.method ?? order.shipping_method,
        tx.now,
        actor.userId,
        actor.stationId,
      ],
    );
    // The rows were read in this transaction, so writing the quantities afterShipped gives is the
    // same as adding to them, and the rule (shipped units count as packed) lives in one place.
    const setShipped = store.prepare('UPDATE order_items SET fulfilled_quantity = ?, packed_quantity = ? WHERE id = ?');
    const insertLine = store.prepare('INSERT INTO shipment_items (shipment_id, order_item_id, quantity) VALUES (?, ?, ?)');
    for (const line of plan.value) {
      insertLine.run(input.shipmentId, line.itemId, line.quantity);
      const row = byId.get(line.itemId)!;
      const shipped = afterShipped({ packedQuantity: row.packed_quantity, fulfilledQuantity: row.fulfilled_quantity }, line.quantity);
      setShipped.run(shipped.fulfilledQuantity, shipped.packedQuantity, line.itemId);
    }

    // The items as this parcel leaves them: they decide the order's status here, and saveOrder
    // derives the stored fulfilment from the same list instead of reading the rows back.
    const afterShipping = applyShipment(allItems.map(toFulfillable), plan.value);
    const fulfillment = deriveFulfillmentStatus(afterShipping, isPaid(order.payment_status));
    const status = statusAfterFulfillment(order.status, fulfillment);
    if (!status.ok) return status;
    const dates = datesAfterShipping({ shippedAt: order.shipped_at, fulfilledAt: order.fulfilled_at }, status.value, fulfillment, tx.now);
    saveOrder(
      store,
      order,
      { status: status.value, shipped_at: dates.shippedAt, fulfilled_at: dates.fulfilledAt },
      tx.now,
      afterShipping,
    );
    // A parcel is one store's: who shipped it, from which bench and its tracking are for that store's people (and admins).
    tx.event(
      order.id,
      'shipped',
      {
        shipmentId: input.shipmentId,
        carrier: tracking.value.carrier,
        carrierName: tracking.value.carrierName,
        trackingNumber: tracking.value.trackingNumber,
        trackingUrl: tracking.value.trackingUrl,
        items: plan.value.map((line) => ({ itemId: line.itemId, sku: byId.get(line.itemId)!.sku, quantity: line.quantity })),
        notifyCustomer: input.notifyCustomer,
        ...(input.verificationOverride !== undefined ? { verificationOverride: input.verificationOverride } : {}),
      },
      storeId,
    );
    // A store with nothing left to ship has nothing left to pack: its claims go, whichever station held them.
    const storeOf = (item: { id: number }) => byId.get(item.id)!.store_id;
    const doneStores = [...new Set(allItems.map((item) => item.store_id))].filter((id) =>
      afterShipping.every((item) => storeOf(item) !== id || remainingToShip(item) === 0),
    );
    releaseClaims(store, order.id, doneStores, null);
    const content = shippedContent(store, order, {
      storeId,
      carrierName: tracking.value.carrierName,
      trackingNumber: tracking.value.trackingNumber,
      trackingUrl: tracking.value.trackingUrl,
      lines: plan.value.map((line) => ({ item: byId.get(line.itemId)!, quantity: line.quantity })),
      partial: fulfillment !== 'fulfilled',
    });
    tx.notify({
      dedupeKey: dedupeKeys.shipped(order.id, input.shipmentId),
      orderId: order.id,
      storeId,
      recipient: order.customer_email,
      content,
      suppressed: !input.notifyCustomer,
    });
    // A text too, when texts are turned on (opt-in, in settings) and the customer gave a US
    // mobile number and agreed to texts; the same "don't notify" choice covers it.
    const sms = ctx.notifications?.settings.get().sms?.enabled ? smsRecipient(store, order) : null;
    if (sms !== null) {
      tx.notify({
        dedupeKey: dedupeKeys.shippedSms(order.id, input.shipmentId),
        orderId: order.id,
        storeId,
        channel: 'sms',
        recipient: sms,
        content,
        suppressed: !input.notifyCustomer,
      });
    }
    return ok({ orderId: order.id });
  });
}
