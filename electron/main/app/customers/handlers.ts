import { findCustomer, listAddresses } from '../../../../db/queries/addresses.js';
import type { ParsedInput, SavedAddress } from '../../../../shared/contract/index.js';
import { parseAddress } from '../../../../shared/domain/address.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import type { CallActor, AppContext } from '../context.js';
import type { HandlerGroup } from '../handler-types.js';
import { answerWithDetail } from '../answer-with-detail.js';
import { runMutation } from '../write-path/pipeline.js';
import { toSavedAddress, writeAddress } from './address-book.js';
import { updateShippingAddress } from './shipping-address.js';

export type CustomerCall = 'customers.addresses' | 'customers.saveAddress' | 'orders.updateShippingAddress';

const noSuchCustomer = (customerId: number) => fail('NOT_FOUND', `There is no customer with id ${customerId}.`);

/**
 * customer.saveAddress@1: adds or edits an address in a customer's book (see writeAddress for
 * the one-default rule). It touches no order, so it writes no timeline entry, but it is a
 * mutation all the same: one transaction and an outbox row for the shop backend.
 */
function saveAddress(ctx: AppContext, actor: CallActor, input: ParsedInput<'customers.saveAddress'>): Result<SavedAddress[]> {
  const { store } = ctx;
  const address = parseAddress(input.address);
  if (!address.ok) return address;
  const label = input.label === null || input.label === '' ? null : input.label;
  return runMutation(ctx, actor, { name: 'customer.saveAddress@1', args: { ...input, label, address: address.value } }, (tx) => {
    if (!findCustomer(store, input.customerId)) return noSuchCustomer(input.customerId);
    const saved = writeAddress(store, {
      customerId: input.customerId,
      addressId: input.addressId,
      type: input.type,
      label,
      isDefault: input.isDefault,
      address: address.value,
      now: tx.now,
    });
    if (!saved.ok) return saved;
    return ok(listAddresses(store, input.customerId).map(toSavedAddress));
  });
}

/**
 * Where orders go: customer address books (admins only, the contract's 'customers.manage'
 * permission) and the correction of one order's shipping address before it ships.
 */
export function customerHandlers(ctx: AppContext): HandlerGroup<CustomerCall> {
  const { store } = ctx;
  const detailAfter = answerWithDetail(ctx);
  return {
    'customers.addresses': (input) =>
      findCustomer(store, input.customerId)
        ? ok(listAddresses(store, input.customerId).map(toSavedAddress))
        : noSuchCustomer(input.customerId),
    'customers.saveAddress': (input, actor) => saveAddress(ctx, actor, input),
    'orders.updateShippingAddress': detailAfter<'orders.updateShippingAddress'>(updateShippingAddress),
  };
}
