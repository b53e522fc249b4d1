import { saveOrder } from '../../../../db/queries/derive.js';
import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import { addressSnapshotSchema, roleHas, type AddressSnapshot, type ParsedInput } from '../../../../shared/contract/index.js';
import { checkAddressChange } from '../../../../shared/domain/address-change.js';
import { dedupeKeys } from '../../../../shared/domain/notifications.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import { loadOrderFor } from '../access.js';
import type { CallActor, AppContext } from '../context.js';
import { findSameAddress, parseAddress, writeAddress } from './address-book.js';
import { addressChangedContent } from '../write-path/notification-content.js';
import { runMutation, unchanged } from '../write-path/pipeline.js';

const FIELDS = ['name', 'street', 'street2', 'city', 'state', 'zip', 'country', 'phone'] as const satisfies readonly (keyof AddressSnapshot)[];

/**
 * order.updateShippingAddress@1: corrects where an order goes before anything ships. The order
 * keeps a snapshot, so the change shows on the timeline with the old and new address; with
 * saveToCustomer (admins only) it also becomes the customer's default shipping address.
 */
export function updateShippingAddress(
  ctx: AppContext,
  actor: CallActor,
  input: ParsedInput<'orders.updateShippingAddress'>,
): Result<{ orderId: number }> {
  const { store } = ctx;
  // The address book is the customer's across every store: changing it is an admin's call.
  if (input.saveToCustomer && !roleHas(actor.role, 'customers.manage')) {
    return fail('FORBIDDEN', "Only an admin can change a customer's saved addresses. Correct the order without saving it.");
  }
  const address = parseAddress(input.address);
  if (!address.ok) return address;
  const to: AddressSnapshot = { ...address.value, street2: address.value.street2 ?? null, phone: address.value.phone ?? null };
  return runMutation(ctx, actor, { name: 'order.updateShippingAddress@1', args: { ...input, address: to }, orderId: input.orderId }, (tx) => {
    const loaded = loadOrderFor(store, actor, input.orderId);
    if (!loaded.ok) return loaded;
    const order = loaded.value;
    const parcels = store.first(store.q.selectFrom('shipments').select((eb) => eb.fn.countAll<number>().as('n')).where('order_id', '=', order.id))?.n ?? 0;
    // The same rule the order page uses to offer the correction (shared/domain/address-change.ts).
    const changeable = checkAddressChange({ status: order.status, hasShippingAddress: order.shipping_address !== null, parcels });
    if (!changeable.ok) return changeable;
    // Never null here: checkAddressChange refused an order without one.
    const from = addressSnapshotSchema.parse(JSON.parse(order.shipping_address ?? 'null'));
    const changed = FIELDS.some((field) => (from[field] ?? null) !== (to[field] ?? null));
    if (!changed && !input.saveToCustomer) {
      return fail('INVALID_INPUT', 'That is already where this order goes.', { address: 'Unchanged.' });
    }
    if (changed) {
      saveOrder(store, order, { shipping_address: JSON.stringify(to) }, tx.now);
      // One address for the whole order: every seller on it ships there, so every one of them sees the change.
      tx.event(order.id, 'shipping_address_changed', { from, to, savedToCustomer: input.saveToCustomer, notifyCustomer: input.notifyCustomer });
      const storeIds = orderStoreIds(store, order.id);
      tx.notify({
        dedupeKey: dedupeKeys.fulfillmentUpdate(order.id, ctx.newId()),
        orderId: order.id,
        recipient: order.customer_email,
        content: addressChangedContent(store, order, storeIds, {
          name: to.name,
          street: to.street,
          street2: to.street2 ?? null,
          city: to.city,
          state: to.state,
          zip: to.zip,
        }),
        suppressed: !input.notifyCustomer,
      });
    }
    if (input.saveToCustomer) {
      const same = findSameAddress(store, order.customer_id, 'shipping', address.value);
      // A repeat (a retried request): the order already goes there and it is already the
      // customer's default, phone and all. Nothing to write, not even an outbox row.
      if (!changed && same?.is_default === 1 && (same.phone ?? null) === (to.phone ?? null)) return unchanged({ orderId: order.id });
      const saved = writeAddress(store, {
        customerId: order.customer_id,
        addressId: same?.id,
        type: 'shipping',
        label: same?.label ?? null,
        isDefault: true,
        address: address.value,
        now: tx.now,
      });
      if (!saved.ok) return saved;
    }
    return ok({ orderId: order.id });
  });
}
