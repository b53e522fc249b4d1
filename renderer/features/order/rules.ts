import { roleHas, type OrderDetail, type Permission, type StaffRole } from '../../../shared/contract/index.js';
import { checkCanPack } from '../../../shared/domain/can-pack.js';
import { planShipment } from '../../../shared/domain/fulfillment.js';
import { canHold, checkReleaseHold } from '../../../shared/domain/hold.js';
import { statusAfterFulfillment } from '../../../shared/domain/order-status.js';
import { isBlankText } from '../../../shared/domain/text.js';

/** Whether an action is available now, and if not, the sentence the button's tooltip shows. */
export type Availability = { ok: true } | { ok: false; reason: string };

const yes: Availability = { ok: true };
const no = (reason: string): Availability => ({ ok: false, reason });

// Main re-checks all of this; here it only decides which buttons are live and why not.
function permitted(role: StaffRole | null, permission: Permission): Availability {
  if (role !== null && !roleHas(role, permission)) return no("Your role doesn't allow this.");
  return yes;
}

export function canMarkPacked(order: OrderDetail, role: StaffRole | null): Availability {
  const perm = permitted(role, 'orders.fulfill');
  if (!perm.ok) return perm;
  const check = checkCanPack(order);
  return check.ok ? yes : no(check.message);
}

export function canShip(order: OrderDetail, role: StaffRole | null): Availability {
  const perm = permitted(role, 'orders.fulfill');
  if (!perm.ok) return perm;
  if (order.onHold) return no('This order is on hold. Release the hold before shipping.');
  const status = statusAfterFulfillment(order.status, 'partially_fulfilled');
  if (!status.ok) return no(status.message);
  const plan = planShipment(order.items, null);
  return plan.ok ? yes : no(plan.message);
}

export function canPlaceHold(order: OrderDetail, role: StaffRole | null): Availability {
  const perm = permitted(role, 'orders.hold');
  if (!perm.ok) return perm;
  if (order.onHold) return no('This order is already on hold.');
  if (!canHold(order.status)) return no(`A ${order.status} order can't be put on hold; only orders not yet shipped can.`);
  return yes;
}

export function canReleaseHold(order: OrderDetail, role: StaffRole | null): Availability {
  const perm = permitted(role, 'orders.hold');
  if (!perm.ok) return perm;
  const check = checkReleaseHold(order);
  return check.ok ? yes : no(check.message);
}

export function canMarkDelivered(order: OrderDetail, role: StaffRole | null): Availability {
  const perm = permitted(role, 'orders.fulfill');
  if (!perm.ok) return perm;
  if (order.status === 'delivered') return no('This order has already been delivered.');
  if (order.status === 'cancelled' || order.status === 'returned') return no(`A ${order.status} order can't be marked delivered.`);
  if (!order.shipments.some((shipment) => shipment.deliveredAt === null)) return no("Nothing on this order has shipped yet, so it can't be delivered.");
  return yes;
}

export const canAddNote = (_order: OrderDetail, role: StaffRole | null): Availability => permitted(role, 'orders.note');

// Blank means what main's requiredTextSchema means: a text of only whitespace or invisible
// characters (a pasted U+200B, a U+0085) is empty, so the field says so instead of main refusing it
// (the ship dialog's reason: overrideReasonProblem in shipping/ship-draft.ts).

/** What is wrong with a note before it is sent, or null. */
export const noteProblem = (text: string): string | null => (isBlankText(text) ? 'The note is empty.' : null);
