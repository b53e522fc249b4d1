import { saveOrder } from '../../../../db/queries/derive.js';
import type { ParsedInput } from '../../../../shared/contract/index.js';
import { dedupeKeys } from '../../../../shared/domain/notifications.js';
import { byStore } from '../../../../shared/domain/by-store.js';
import { deliveryTargets, orderArrived } from '../../../../shared/domain/delivery.js';
import { checkTransition } from '../../../../shared/domain/order-status.js';
import { ok, type Result } from '../../../../shared/domain/result.js';
import type { CallActor, AppContext } from '../context.js';
import { deliveredContent } from '../write-path/notification-content.js';
import { runOrderMutation } from '../write-path/pipeline.js';

/**
 * order.markDelivered@1: a parcel (or every undelivered parcel the caller can see) arrived,
 * recorded by hand until carriers report it. A delivered parcel is a physical fact, so it is
 * recorded whatever the order's status; the order itself moves shipped → delivered only once
 * it is fully fulfilled and every parcel, from every store, has arrived. The customer gets a
 * "delivered" email unless told otherwise.
 */
export function markDelivered(ctx: AppContext, actor: CallActor, input: ParsedInput<'orders.markDelivered'>): Result<{ orderId: number }> {
  const { store } = ctx;
  return runOrderMutation(ctx, actor, { name: 'order.markDelivered@1', args: input }, input.orderId, (tx, order) => {
    const parcels = store
      .all(
        store.q.selectFrom('shipments').select(['id', 'store_id', 'delivered_at']).where('order_id', '=', order.id).orderBy('shipped_at').orderBy('id'),
      )
      .map((row) => ({ id: row.id, storeId: row.store_id, deliveredAt: row.delivered_at }));
    const chosen = deliveryTargets(actor.scope.filter(parcels, (parcel) => parcel.storeId), input.shipmentId);
    if (!chosen.ok) return chosen;
    const targets = chosen.value;

    for (const parcel of targets) store.run(store.q.updateTable('shipments').set({ delivered_at: tx.now }).where('id', '=', parcel.id));
    const delivered = new Set(targets.map((p) => p.id));
    const after = parcels.map((p) => (delivered.has(p.id) ? { ...p, deliveredAt: tx.now } : p));
    const orderDelivered = orderArrived({ status: order.status, fulfillmentStatus: order.fulfillment_status }, after);
    if (orderDelivered) {
      const status = checkTransition(order.status, 'delivered');
      if (!status.ok) return status;
      saveOrder(store, order, { status: status.value, delivered_at: tx.now }, tx.now);
    }
    // One entry per store whose parcels arrived: a seller sees only their own parcels' deliveries.
    for (const [storeId, parcelsOfStore] of byStore(targets, (p) => p.storeId)) {
      tx.event(order.id, 'delivered', { shipmentIds: parcelsOfStore.map((p) => p.id), orderDelivered, notifyCustomer: input.notifyCustomer }, storeId);
    }
    const targetStores = [...new Set(targets.map((p) => p.storeId))];
    tx.notify({
      // Named by the parcels it reports: two sellers each marking "all my parcels" are two emails.
      dedupeKey: dedupeKeys.delivered(order.id, targets.map((p) => p.id).sort().join(',')),
      orderId: order.id,
      ...(targetStores.length === 1 ? { storeId: targetStores[0]! } : {}),
      recipient: order.customer_email,
      content: deliveredContent(store, order, { storeIds: targets.map((p) => p.storeId), parcels: targets.length, orderDelivered }),
      suppressed: !input.notifyCustomer,
    });
    return ok({ orderId: order.id });
  });
}
