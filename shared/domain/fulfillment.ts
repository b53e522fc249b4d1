import { fail, ok, type Result } from './result.js';

export type FulfillmentStatus = 'unfulfilled' | 'partially_fulfilled' | 'fulfilled';

export interface FulfillableItem {
  id: number;
  quantity: number;
  fulfilledQuantity: number;
  returnedQuantity: number;
  isDigital: boolean;
}

export interface ShipmentLine {
  itemId: number;
  quantity: number;
}

// Digital goods are delivered by payment itself, so they never appear in a shipment.
function effectiveFulfilled(item: FulfillableItem, paid: boolean): number {
  if (item.isDigital) return paid ? item.quantity : 0;
  return Math.min(Math.max(item.fulfilledQuantity, 0), item.quantity);
}

/**
 * Derives fulfilment from item quantities; never stored by hand.
 * Returns are deliberately ignored: a returned unit still shipped.
 * @param paid whether money is held for the order (see `isPaid`), which fulfils digital items.
 */
export function deriveFulfillmentStatus(items: readonly FulfillableItem[], paid: boolean): FulfillmentStatus {
  const done = items.map((item) => effectiveFulfilled(item, paid));
  if (!done.some((qty) => qty > 0)) return 'unfulfilled';
  return items.every((item, i) => done[i] === item.quantity) ? 'fulfilled' : 'partially_fulfilled';
}

/** Units of a physical item still to ship; always 0 for digital items. */
export function remainingToShip(item: FulfillableItem): number {
  if (item.isDigital) return 0;
  return Math.max(item.quantity - Math.max(item.fulfilledQuantity, 0), 0);
}

/**
 * Validates a requested shipment against the items, or plans one for everything left
 * when `requested` is null.
 *
 * Malformed requests (bad quantity, unknown/duplicate/digital item) are INVALID_INPUT;
 * asking for more than is left is INVALID_TRANSITION because it depends on what has
 * already shipped, which may have changed since the form was opened.
 */
export function planShipment(
  items: readonly FulfillableItem[],
  requested: readonly ShipmentLine[] | null,
): Result<ShipmentLine[]> {
  const physical = items.filter((item) => !item.isDigital);
  if (physical.length === 0) {
    return fail('INVALID_TRANSITION', 'This order only has digital items, so there is nothing to ship.');
  }
  if (physical.every((item) => remainingToShip(item) === 0)) {
    return fail('INVALID_TRANSITION', 'Every item on this order has already shipped.');
  }

  if (requested === null) {
    return ok(
      physical
        .filter((item) => remainingToShip(item) > 0)
        .map((item) => ({ itemId: item.id, quantity: remainingToShip(item) })),
    );
  }

  if (requested.length === 0) {
    return fail('INVALID_INPUT', 'Choose at least one item to ship.');
  }

  const byId = new Map(items.map((item) => [item.id, item] as const));
  const seen = new Set<number>();
  const plan: ShipmentLine[] = [];
  for (const [index, line] of requested.entries()) {
    const item = byId.get(line.itemId);
    if (item === undefined) {
      return fail('INVALID_INPUT', "One of the items isn't on this order.", {
        [`lines.${index}.itemId`]: 'Not an item on this order.',
      });
    }
    if (seen.has(line.itemId)) {
      return fail('INVALID_INPUT', 'The same item is listed twice in this shipment.', {
        [`lines.${index}.itemId`]: 'Listed twice.',
      });
    }
    seen.add(line.itemId);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      return fail('INVALID_INPUT', 'Ship a whole number of units, at least 1.', {
        [`lines.${index}.quantity`]: 'Enter a whole number of at least 1.',
      });
    }
    if (item.isDigital) {
      return fail('INVALID_INPUT', "Digital items are delivered on payment and can't be shipped.", {
        [`lines.${index}.itemId`]: "Digital items can't be shipped.",
      });
    }
    const remaining = remainingToShip(item);
    if (line.quantity > remaining) {
      const message =
        remaining === 0
          ? 'One of the items has already shipped in full.'
          : `Only ${remaining} of that item ${remaining === 1 ? 'is' : 'are'} left to ship.`;
      return fail('INVALID_TRANSITION', message, { [`lines.${index}.quantity`]: `At most ${remaining}.` });
    }
    plan.push({ itemId: line.itemId, quantity: line.quantity });
  }
  return ok(plan);
}

/**
 * Returns new items with a shipment applied. Lines are expected to come from a
 * successful `planShipment` on the same items.
 * @throws RangeError when a line names an unknown item or overfills one: that is a caller bug,
 *   and silently clamping would hide units going missing.
 */
export function applyShipment(
  items: readonly FulfillableItem[],
  lines: readonly ShipmentLine[],
): FulfillableItem[] {
  const added = new Map<number, number>();
  for (const line of lines) added.set(line.itemId, (added.get(line.itemId) ?? 0) + line.quantity);
  const known = new Set(items.map((item) => item.id));
  for (const id of added.keys()) {
    if (!known.has(id)) throw new RangeError(`applyShipment: item ${id} is not on the order`);
  }
  return items.map((item) => {
    const qty = added.get(item.id);
    if (qty === undefined) return { ...item };
    const fulfilledQuantity = item.fulfilledQuantity + qty;
    if (item.isDigital || fulfilledQuantity > item.quantity) {
      throw new RangeError(`applyShipment: item ${item.id} cannot take ${qty} more`);
    }
    return { ...item, fulfilledQuantity };
  });
}

/** A held order doesn't ship: the hold is released first, by someone who decides to. */
export function checkNotHeldForShipping(order: { onHold: boolean; holdReason: string | null }): Result<null> {
  return order.onHold
    ? fail('INVALID_TRANSITION', `This order is on hold (${order.holdReason ?? 'no reason given'}). Release the hold before shipping.`)
    : ok(null);
}

/**
 * The one store a parcel ships from. A parcel is one store's (its tracking, who shipped it, the
 * "shipped" email), so a plan spanning stores is refused. `plan` is a successful planShipment.
 */
export function parcelStore(plan: readonly ShipmentLine[], storeOf: (itemId: number) => number): Result<number> {
  const stores = new Set(plan.map((line) => storeOf(line.itemId)));
  const [only] = stores;
  if (stores.size !== 1 || only === undefined) {
    return fail('INVALID_INPUT', 'A parcel ships from one store. This order has items from several stores: choose the items in this parcel.');
  }
  return ok(only);
}

/**
 * An item after `quantity` of it left in a parcel: shipped units count as packed, so a unit
 * shipped unscanned (with an override) never shows as still to pack.
 */
export function afterShipped<T extends { packedQuantity: number; fulfilledQuantity: number }>(item: T, quantity: number): T {
  const fulfilledQuantity = item.fulfilledQuantity + quantity;
  return { ...item, fulfilledQuantity, packedQuantity: Math.max(item.packedQuantity, fulfilledQuantity) };
}
