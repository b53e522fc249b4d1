import type { OrderStatus } from './order-status.js';
import { fail, ok, type Failure, type Result } from './result.js';

/** What decides whether an order's ship-to address may still be corrected. */
export interface AddressChangeState {
  status: OrderStatus;
  /** False for an order of only digital items: nothing ships, so there is no address. */
  hasShippingAddress: boolean;
  /** Parcels (shipments) the order has, across every store on it. */
  parcels: number;
}

/**
 * Whether an order's shipping address can still change. The rule: only before anything has left.
 * Once one parcel is on its way, a new address would split the order between two places without
 * anyone deciding that, so the person contacts the carrier instead. Main refuses the change with
 * this failure; the order page disables its button with the same sentence.
 */
export function checkAddressChange(order: AddressChangeState): Result<null> {
  if (!order.hasShippingAddress) return fail('INVALID_TRANSITION', 'This order has only digital items, so it has no shipping address.');
  if (order.parcels > 0) {
    return fail(
      'INVALID_TRANSITION',
      'Part of this order has already shipped to the old address, so it can no longer change. Contact the carrier to redirect the parcel.',
    );
  }
  if (order.status === 'pending' || order.status === 'processing') return ok(null);
  if (order.status === 'cancelled' || order.status === 'returned') return fail('INVALID_TRANSITION', `This order was ${order.status}, so its address can't change.`);
  return fail('INVALID_TRANSITION', 'This order has already shipped, so its address can no longer change.');
}

const ADDRESS_FIELDS = ['name', 'street', 'street2', 'city', 'state', 'zip', 'country', 'phone'] as const;

type AddressLike = { [K in (typeof ADDRESS_FIELDS)[number]]?: string | null | undefined };

/** Whether a correction changes where the order goes. The phone counts: the carrier calls it. */
export const addressChanged = (from: AddressLike, to: AddressLike): boolean =>
  ADDRESS_FIELDS.some((field) => (from[field] ?? null) !== (to[field] ?? null));

/** The address book is the customer's across every store: saving a correction to it is an admin's call. */
export const saveToCustomerRefused = (): Failure =>
  fail('FORBIDDEN', "Only an admin can change a customer's saved addresses. Correct the order without saving it.");
