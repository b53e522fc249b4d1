import type { OrderDetail, OrderItemView, ShipInput } from '../../../shared/contract/index.js';
import { remainingToShip } from '../../../shared/domain/fulfillment.js';
import { fail, ok, type Result } from '../../../shared/domain/result.js';
import { checkTrackingDraft, parcelLines, unverifiedUnits, type ShipDraft } from '../shipping/ship-draft.js';

/** Units ticked at this station and not yet confirmed by main, by item id. */
export type Ticks = Readonly<Record<number, number>>;

export const addTicks = (a: Ticks, b: Ticks): Record<number, number> => {
  const sum: Record<number, number> = { ...a };
  for (const [id, n] of Object.entries(b)) sum[Number(id)] = (sum[Number(id)] ?? 0) + n;
  return sum;
};

const isPhysical = (item: OrderItemView) => !item.isDigital;

/** Units of an item verified so far: packed by main (shipped units were packed) plus local ticks. */
export function verifiedOf(item: OrderItemView, ticks: Ticks): number {
  if (item.isDigital) return item.quantity;
  return Math.min(item.quantity, Math.max(item.packedQuantity, item.fulfilledQuantity) + (ticks[item.id] ?? 0));
}

/** The items as resolveScan must see them: local ticks already count as packed. */
export const itemsWithTicks = (items: readonly OrderItemView[], ticks: Ticks): OrderItemView[] =>
  items.map((item) => (ticks[item.id] ? { ...item, packedQuantity: item.packedQuantity + ticks[item.id]! } : item));

/** Verified units that have not shipped yet: what a verified parcel may hold. */
export const verifiedUnshipped = (item: OrderItemView, ticks: Ticks): number =>
  item.isDigital ? 0 : Math.min(remainingToShip(item), Math.max(0, verifiedOf(item, ticks) - item.fulfilledQuantity));

export interface PackProgress {
  verified: number;
  total: number;
  /** Every physical unit left to ship is verified, and there is something to ship. */
  ready: boolean;
}

/** Progress over the physical units still to ship (what the packer is putting in the box). */
export function packProgress(order: OrderDetail, ticks: Ticks): PackProgress {
  let verified = 0;
  let total = 0;
  for (const item of order.items.filter(isPhysical)) {
    const remaining = remainingToShip(item);
    total += remaining;
    verified += Math.min(remaining, verifiedUnshipped(item, ticks));
  }
  return { verified, total, ready: total > 0 && verified === total };
}

/**
 * Default parcel quantities: the verified units, or with an override every unit left to ship.
 * A parcel ships from one store, so only the first store with units is filled in.
 */
export function defaultQuantities(order: OrderDetail, ticks: Ticks, overridden: boolean): Record<number, number> {
  const quantities: Record<number, number> = {};
  let store: number | null = null;
  for (const item of order.items.filter(isPhysical)) {
    const n = overridden ? remainingToShip(item) : verifiedUnshipped(item, ticks);
    if (n > 0 && store === null) store = item.storeId;
    quantities[item.id] = n > 0 && item.storeId === store ? n : 0;
  }
  return quantities;
}

/** Units in the parcel beyond what was verified here or by main (zero when everything in it was scanned). */
export const unverifiedInParcel = (order: OrderDetail, ticks: Ticks, quantities: Record<number, number>): number =>
  unverifiedUnits(order.items, quantities, (item) => verifiedUnshipped(item, ticks));

/** Builds the orders.ship input from the station's state, or says what is missing first. */
export function planPackShipment(order: OrderDetail, ticks: Ticks, draft: ShipDraft, shipmentId: string): Result<ShipInput> {
  const tracking = checkTrackingDraft(draft.tracking);
  const quantities = draft.quantities ?? defaultQuantities(order, ticks, draft.overrideReason !== null);
  const items = parcelLines(order.items, quantities);
  if (items.length === 0) {
    return fail('INVALID_INPUT', 'Nothing is verified for this parcel yet. Scan the items, or override (F9) with a reason.');
  }
  const unverified = unverifiedInParcel(order, ticks, quantities);
  if (unverified > 0 && draft.overrideReason === null) {
    return fail(
      'NOT_VERIFIED',
      `${unverified} ${unverified === 1 ? 'unit in this parcel is' : 'units in this parcel are'} not verified. Scan ${unverified === 1 ? 'it' : 'them'}, or override (F9) with a reason.`,
    );
  }
  if (!tracking.ok) return fail('INVALID_INPUT', tracking.reason, { trackingNumber: tracking.reason });
  const input: ShipInput = {
    orderId: order.id,
    shipmentId,
    carrier: tracking.carrier,
    trackingNumber: tracking.trackingNumber,
    items,
    notifyCustomer: draft.notifyCustomer,
  };
  if (tracking.carrier === 'other') {
    input.carrierName = tracking.carrierLabel;
    input.trackingUrl = tracking.trackingUrl;
  }
  // Sent whenever given: the person chose to override, and main's idea of "verified" is the one that counts.
  if (draft.overrideReason !== null) input.verificationOverride = draft.overrideReason;
  return ok(input);
}
