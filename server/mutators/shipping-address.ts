import type { ParsedInput } from '../../shared/contract/index.js';
import { checkAddressChange } from '../../shared/domain/address-change.js';
import type { UsAddress } from '../../shared/domain/address.js';
import { fail } from '../../shared/domain/result.js';
import { changed, eventBy, unchanged, type Step } from './context.js';
import { addressChanged } from '../../shared/domain/address-change.js';
import type { MutationResult } from './types.js';

/**
 * order.updateShippingAddress@1 (desk: electron/main/app/customers/shipping-address.ts): corrects
 * where an order goes before anything ships; the old and new address go on the timeline, for
 * every seller on the order (they all ship there). The address itself was checked (and the
 * admin-only saveToCustomer refused for a seller) before the order was loaded, as at the desk.
 * Saving it to the customer's address book is the desk's: with nothing to change on the order,
 * that repeat is ok and unchanged here.
 */
export function updateShippingAddress(step: Step, input: ParsedInput<'orders.updateShippingAddress'>, to: UsAddress): MutationResult {
  const { doc } = step;
  const changeable = checkAddressChange({ status: doc.status, hasShippingAddress: doc.shippingAddress !== null, parcels: doc.shipments.length });
  if (!changeable.ok) return changeable;
  const from = doc.shippingAddress!;
  const moved = addressChanged(from, to);
  if (!moved && !input.saveToCustomer) return fail('INVALID_INPUT', 'That is already where this order goes.', { address: 'Unchanged.' });
  if (!moved) return unchanged(doc);
  const event = eventBy(step, 'shipping_address_changed', { from, to, savedToCustomer: input.saveToCustomer, notifyCustomer: input.notifyCustomer });
  return changed({ ...doc, shippingAddress: to, events: [...doc.events, event] });
}
