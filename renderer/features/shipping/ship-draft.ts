import type { OrderDetail, OrderItemView, ShipInput } from '../../../shared/contract/index.js';
import { remainingToShip } from '../../../shared/domain/fulfillment.js';
import { fail, ok, type Result } from '../../../shared/domain/result.js';
import { isBlankText, trimInvisible } from '../../../shared/domain/text.js';
import { CARRIER_LABELS, checkTracking, detectTracking, type Carrier } from '../../../shared/domain/tracking.js';

/**
 * The parcel being prepared, on either ship screen: the order page's dialog (carrier picked from a
 * list, every unit left by default) and the packing station (carrier detected from the scanned
 * number, verified units by default). What each screen sends is planned here, apart from React.
 */

export interface TrackingDraft {
  text: string;
  /** "Other carrier": the person names the carrier and gives its https link. */
  other: boolean;
  carrierName: string;
  trackingUrl: string;
}

export interface ShipDraft {
  tracking: TrackingDraft;
  /** The carrier picked from the list (the order page); null where the number says (the station). */
  carrier: Carrier | null;
  /** Null until the person changes a quantity: until then the screen's defaults apply. */
  quantities: Record<number, number> | null;
  /** Why unverified units ship anyway; null while none was given. */
  overrideReason: string | null;
  notifyCustomer: boolean;
}

export const emptyShipDraft = (carrier: Carrier | null = null): ShipDraft => ({
  tracking: { text: '', other: carrier === 'other', carrierName: '', trackingUrl: '' },
  carrier,
  quantities: null,
  overrideReason: null,
  notifyCustomer: true,
});

/** Picks a carrier from the list; "Other" opens the name and link fields. */
export const withCarrier = (draft: ShipDraft, carrier: Carrier): ShipDraft => ({ ...draft, carrier, tracking: { ...draft.tracking, other: carrier === 'other' } });

export type TrackingCheck =
  | { ok: true; carrier: Carrier; carrierLabel: string; serviceName: string | null; trackingNumber: string; trackingUrl: string }
  | { ok: false; reason: string; empty: boolean };

/** Live check of the station's tracking field: the carrier and link the number names, or why not. */
export function checkTrackingDraft(draft: TrackingDraft): TrackingCheck {
  // A scanned or pasted zero-width character alone is no tracking number yet, as main sees it.
  const text = trimInvisible(draft.text);
  if (draft.other) {
    const checked = checkTracking({ carrier: 'other', trackingNumber: text, carrierName: draft.carrierName, trackingUrl: draft.trackingUrl });
    if (!checked.ok) return { ok: false, reason: checked.message, empty: text === '' };
    const v = checked.value;
    return { ok: true, carrier: 'other', carrierLabel: v.carrierName, serviceName: null, trackingNumber: v.trackingNumber, trackingUrl: v.trackingUrl };
  }
  if (text === '') return { ok: false, reason: 'Scan or type the tracking number.', empty: true };
  const detected = detectTracking(text);
  if (!detected.ok) return { ok: false, reason: detected.reason, empty: false };
  return {
    ok: true,
    carrier: detected.carrier,
    carrierLabel: CARRIER_LABELS[detected.carrier],
    serviceName: detected.serviceName,
    trackingNumber: detected.trackingNumber,
    trackingUrl: detected.trackingUrl,
  };
}

/** Main's limit on orders.ship's verificationOverride (its schema counts UTF-16 units, as here). */
export const OVERRIDE_REASON_MAX = 500;

/** The reason for shipping unverified units as main will store it, or why it can't be sent. */
export function checkOverrideReason(reason: string): Result<string> {
  const trimmed = trimInvisible(reason);
  if (trimmed === '') return fail('INVALID_INPUT', 'Say why, for the timeline: for example "barcode label missing".');
  if (trimmed.length > OVERRIDE_REASON_MAX) return fail('INVALID_INPUT', `Keep the reason under ${OVERRIDE_REASON_MAX} characters.`);
  return ok(trimmed);
}

/** Physical items with units left to ship: the lines of a parcel. */
export const shippableItems = (order: Pick<OrderDetail, 'items'>): OrderItemView[] => order.items.filter((item) => remainingToShip(item) > 0);

/** True when the order's lines come from more than one store (a parcel ships from one). */
export const spansStores = (items: readonly OrderItemView[]): boolean => new Set(items.map((item) => item.storeId)).size > 1;

/** Every unit left to ship of the first store's items, none of the others': the order page's default. */
export function firstStoreQuantities(order: Pick<OrderDetail, 'items'>): Record<number, number> {
  const items = shippableItems(order);
  const firstStore = items[0]?.storeId;
  return Object.fromEntries(items.map((item) => [item.id, item.storeId === firstStore ? remainingToShip(item) : 0]));
}

/** The parcel's lines: each physical item's quantity, never past what is left to ship. */
export function parcelLines(items: readonly OrderItemView[], quantities: Readonly<Record<number, number>>): { itemId: number; quantity: number }[] {
  return items
    .filter((item) => !item.isDigital)
    .map((item) => ({ itemId: item.id, quantity: Math.min(quantities[item.id] ?? 0, remainingToShip(item)) }))
    .filter((line) => line.quantity > 0);
}

/** Units in the parcel beyond what was verified (zero when everything in it was scanned). */
export function unverifiedUnits(
  items: readonly OrderItemView[],
  quantities: Readonly<Record<number, number>>,
  verified: (item: OrderItemView) => number,
): number {
  return items.reduce((sum, item) => sum + Math.max(0, (quantities[item.id] ?? 0) - verified(item)), 0);
}

/** A reason is needed only when the parcel holds units nobody verified. */
export const overrideReasonProblem = (reason: string, unverified: number): string | null =>
  unverified > 0 && isBlankText(reason) ? 'Say why these units ship without being verified.' : null;

export type FieldErrors = Record<string, string>;

/**
 * The order page's parcel as orders.ship input, or every field's problem at once. With one store
 * and every unit left, the items are left out: main then ships whatever is left.
 */
export function planDialogShipment(
  order: OrderDetail,
  draft: ShipDraft,
  shipmentId: string,
  verified: (item: OrderItemView) => number,
): { ok: true; value: ShipInput } | { ok: false; errors: FieldErrors } {
  const carrier = draft.carrier ?? (draft.tracking.other ? 'other' : 'ups');
  const { text, carrierName, trackingUrl } = draft.tracking;
  const items = shippableItems(order);
  const quantities = draft.quantities ?? firstStoreQuantities(order);
  const tracking = checkTracking({ carrier, trackingNumber: text, carrierName, trackingUrl });
  const errors: FieldErrors = tracking.ok ? {} : { ...tracking.fields };
  const lines = parcelLines(items, quantities);
  if (lines.length === 0) errors.items = 'Choose at least one item to ship.';
  const unverified = unverifiedUnits(items, quantities, verified);
  const reason = draft.overrideReason ?? '';
  const overrideProblem = overrideReasonProblem(reason, unverified);
  if (overrideProblem !== null) errors.verificationOverride = overrideProblem;
  if (!tracking.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const everything = !spansStores(items) && items.every((item) => quantities[item.id] === remainingToShip(item));
  const input: ShipInput = { orderId: order.id, shipmentId, carrier, trackingNumber: tracking.value.trackingNumber, notifyCustomer: draft.notifyCustomer };
  if (carrier === 'other') {
    input.carrierName = tracking.value.carrierName;
    input.trackingUrl = tracking.value.trackingUrl;
  }
  if (!everything) input.items = lines;
  if (unverified > 0) input.verificationOverride = trimInvisible(reason);
  return { ok: true, value: input };
}

/**
 * Main's field errors, keyed for the form: line errors come back by position in the items sent
 * ("items.1.quantity"), and show on that item ("item.<id>").
 */
export function fieldErrorsOfAnswer(fields: Record<string, string> | undefined, sent: ShipInput): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(fields ?? {})) {
    const line = /^(?:items|lines)\.(\d+)\./.exec(key);
    const itemId = line ? sent.items?.[Number(line[1])]?.itemId : undefined;
    errors[itemId !== undefined ? `item.${itemId}` : key] = message;
  }
  return errors;
}
