import { saveOrder } from '../../../../db/queries/derive.js';
import type { ParsedInput } from '../../../../shared/contract/index.js';
import { dedupeKeys } from '../../../../shared/domain/notifications.js';
import { checkTransition } from '../../../../shared/domain/order-status.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import type { CallActor, AppContext } from '../context.js';
import { byStore } from '../write-path/by-store.js';
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
    const parcels = store.all(
      store.q.selectFrom('shipments').select(['id', 'store_id', 'delivered_at']).where('order_id', '=', order.id).orderBy('shipped_at').orderBy('id'),
    );
    const visible = actor.scope.filter(parcels, (parcel) => parcel.store_id);
    let targets: typeof visible;
    if (input.shipmentId !== undefined) {
      const parcel = visible.find((p) => p.id === input.shipmentId);
      if (!parcel) return fail('NOT_FOUND', "That parcel isn't on this order.", { shipmentId: 'Not a parcel of this order.' });
      if (parcel.delivered_at !== null) return fail('INVALID_TRANSITION', 'That parcel was already marked delivered.');
      targets = [parcel];
    } else {
      if (visible.length === 0) return fail('INVALID_TRANSITION', "Nothing on this order has shipped yet, so nothing can be delivered.");
      targets = visible.filter((p) => p.delivered_at === null);
      if (targets.length === 0) return fail('INVALID_TRANSITION', 'Every parcel of this order was already marked delivered.');
    }

    for (const parcel of targets) store.run(store.q.updateTable('shipments').set({ delivered_at: tx.now }).where('id', '=', parcel.id));
    const delivered = new Set(targets.map((p) => p.id));
    const allArrived = parcels.every((p) => p.delivered_at !== null || delivered.has(p.id));
    let orderDelivered = false;
    if (allArrived && order.status === 'shipped' && order.fulfillment_status === 'fulfilled') {
      const status = checkTransition(order.status, 'delivered');
      if (!status.ok) return status;
      saveOrder(store, order, { status: status.value, delivered_at: tx.now }, tx.now);
      orderDelivered = true;
    }
    // One entry per store whose parcels arrived: a seller sees only their own parcels' deliveries.
    for (const [storeId, parcelsOfStore] of byStore(targets, (p) => p.store_id)) {
      tx.event(order.id, 'delivered', { shipmentIds: parcelsOfStore.map((p) => p.id), orderDelivered, notifyCustomer: input.notifyCustomer }, storeId);
    }
    const targetStores = [...new Set(targets.map((p) => p.store_id))];
    tx.notify({
      // Named by the parcels it reports: two sellers each marking "all my parcels" are two emails.
      dedupeKey: dedupeKeys.delivered(order.id, targets.map((p) => p.id).sort().join(',')),
      orderId: order.id,
      ...(targetStores.length === 1 ? { storeId: targetStores[0]! } : {}),
      recipient: order.customer_email,
      content: deliveredContent(store, order, { storeIds: targets.map((p) => p.store_id), parcels: targets.length, orderDelivered }),
      suppressed: !input.notifyCustomer,
    });
    return ok({ orderId: order.id });
  });
}
