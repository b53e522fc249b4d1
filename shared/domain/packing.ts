import { fail, ok, type Result } from './result.js';

/** An order line as the packing station sees it. packedQuantity counts shipped units too. */
export interface PackingItem {
  id: number;
  sku: string;
  barcode: string | null;
  quantity: number;
  packedQuantity: number;
  fulfilledQuantity: number;
  isDigital: boolean;
}

/** Units scanned (or ticked) and waiting in the box: verified, not yet handed to a carrier. */
export function verifiedUnits(item: Pick<PackingItem, 'packedQuantity' | 'fulfilledQuantity'>): number {
  return Math.max(item.packedQuantity - item.fulfilledQuantity, 0);
}

/** Units still to be scanned before the item is complete; 0 for digital items, which need no scan. */
export function unitsToVerify(item: Pick<PackingItem, 'quantity' | 'packedQuantity' | 'fulfilledQuantity' | 'isDigital'>): number {
  if (item.isDigital) return 0;
  return Math.max(item.quantity - Math.max(item.packedQuantity, item.fulfilledQuantity), 0);
}

export type ScanOutcome =
  | { kind: 'tick'; itemId: number }
  | { kind: 'extra'; itemId: number; message: string }
  | { kind: 'wrong'; message: string };

// A scanner can send anything (a whole URL from the wrong label); the sentence must stay short.
const shown = (code: string) => (code.length > 40 ? `${code.slice(0, 39)}…` : code);

/**
 * What one scanned code means for the order on the bench. The barcode matches exactly, the SKU
 * case-insensitively (people type SKUs). When the same code names several lines, the first one
 * still short of units takes the tick. Nothing is ticked for a digital item (delivered on
 * payment), a line already complete ('extra': one unit too many in the box) or an unknown code
 * ('wrong'). Whether the code is an order number is the caller's question, asked first.
 */
export function resolveScan(items: readonly PackingItem[], code: string): ScanOutcome {
  const scanned = code.trim();
  if (scanned.length === 0) return { kind: 'wrong', message: 'Nothing was scanned.' };
  const upper = scanned.toUpperCase();
  let matches = items.filter((item) => item.barcode !== null && item.barcode.trim() === scanned);
  if (matches.length === 0) matches = items.filter((item) => item.sku.trim().toUpperCase() === upper);
  if (matches.length === 0) return { kind: 'wrong', message: `${shown(scanned)} isn't on this order. Put it aside.` };
  const physical = matches.filter((item) => !item.isDigital);
  if (physical.length === 0) {
    const item = matches[0]!;
    return { kind: 'extra', itemId: item.id, message: `${item.sku} is digital: it needs no scan and doesn't go in the box.` };
  }
  const open = physical.find((item) => unitsToVerify(item) > 0);
  if (open) return { kind: 'tick', itemId: open.id };
  const item = physical[0]!;
  const shipped = item.fulfilledQuantity >= item.quantity;
  return {
    kind: 'extra',
    itemId: item.id,
    message: shipped
      ? `All ${item.quantity} of ${item.sku} have already shipped. Take this one out.`
      : `All ${item.quantity} of ${item.sku} are already scanned. Take this one out.`,
  };
}

export interface ParcelLine {
  itemId: number;
  quantity: number;
}

/**
 * Shipping is blocked until every unit in the parcel was verified (scanned or ticked as packed).
 * Lines naming unknown or digital items are left to the shipment plan to refuse.
 * Fails with NOT_VERIFIED naming each short SKU; the caller may override with a reason.
 */
export function checkVerified(
  items: readonly Pick<PackingItem, 'id' | 'sku' | 'packedQuantity' | 'fulfilledQuantity' | 'isDigital'>[],
  lines: readonly ParcelLine[],
): Result<null> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const short: string[] = [];
  for (const line of lines) {
    const item = byId.get(line.itemId);
    if (!item || item.isDigital) continue;
    const verified = verifiedUnits(item);
    if (verified < line.quantity) short.push(`${item.sku} (${verified} of ${line.quantity} verified)`);
  }
  if (short.length === 0) return ok(null);
  const list = short.length === 1 ? short[0]! : `${short.slice(0, -1).join(', ')} and ${short.at(-1)!}`;
  return fail(
    'NOT_VERIFIED',
    `Not verified yet: ${list}. Scan the ${short.length === 1 ? 'item' : 'items'}, or ship anyway with a reason.`,
    { items: list },
  );
}

/** Order numbers look like SH-1035600; scanners and people also send sh1035600 or "SH 1035600". */
const PREFIXED_ORDER_NUMBER = /^SH[-\s]*(\d{4,12})$/;
// Bare digits only at the length the shop issues: 8-, 12- and 13-digit product barcodes
// (EAN-8, UPC-A, EAN-13) must never be mistaken for an order.
const BARE_ORDER_NUMBER = /^(\d{7})$/;

/**
 * The canonical order number a scanned or typed code names (SH-1035600), or null when the code
 * isn't shaped like one, so the scan field can tell order numbers from item barcodes.
 * Digits are kept as they are: leading zeros are part of the number.
 */
export function parseOrderNumber(code: string): string | null {
  const text = code.trim().toUpperCase();
  const match = PREFIXED_ORDER_NUMBER.exec(text) ?? BARE_ORDER_NUMBER.exec(text);
  return match ? `SH-${match[1]!}` : null;
}

/** How long a station's claim on an order lasts without being renewed (by reopening or scanning). */
export const CLAIM_TTL_MS = 15 * 60_000;

export interface ClaimHolder {
  stationId: string;
  stationName: string;
  userName: string;
  claimedAt: number;
  expiresAt: number;
}

export type ClaimAction = 'new' | 'renew' | 'take_over';

/** Time of day as people at the desk read it ("4:05 PM"). */
export function formatClaimTime(at: number, timeZone?: string): string {
  return new Date(at).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
}

/**
 * Decides a claim by `stationId` at `now`. An expired claim is free; a station renews its own;
 * another station's fresh claim needs `takeOver` (after the person was warned), else
 * CLAIMED_ELSEWHERE with who and since when (ISO time in fields.claimedAt).
 */
export function decideClaim(
  current: ClaimHolder | null,
  stationId: string,
  now: number,
  takeOver: boolean,
  timeZone?: string,
): Result<ClaimAction> {
  if (current === null || current.expiresAt <= now) return ok('new');
  if (current.stationId === stationId) return ok('renew');
  if (takeOver) return ok('take_over');
  return fail(
    'CLAIMED_ELSEWHERE',
    `${current.stationName} (${current.userName}) has been packing this order since ${formatClaimTime(current.claimedAt, timeZone)}.`,
    { stationName: current.stationName, userName: current.userName, claimedAt: new Date(current.claimedAt).toISOString() },
  );
}

type Packable = Pick<PackingItem, 'id' | 'sku' | 'quantity' | 'packedQuantity' | 'fulfilledQuantity' | 'isDigital'>;

/**
 * The lines to mark packed: the ones asked for, checked against the caller's physical items, or
 * every unit still to verify when none are listed. Never beyond what is left to pack, each item once.
 */
export function planPacking(
  physical: readonly Packable[],
  requested: ReadonlyArray<{ itemId: number; quantity: number }> | null,
): Result<Array<{ itemId: number; quantity: number }>> {
  const lines = requested ?? physical.filter((item) => unitsToVerify(item) > 0).map((item) => ({ itemId: item.id, quantity: unitsToVerify(item) }));
  const byId = new Map(physical.map((item) => [item.id, item]));
  const seen = new Set<number>();
  for (const line of lines) {
    const item = byId.get(line.itemId);
    if (!item) return fail('INVALID_INPUT', `Item ${line.itemId} isn't a physical item on this order.`, { items: 'Unknown item.' });
    if (seen.has(line.itemId)) return fail('INVALID_INPUT', `Item ${item.sku} is listed twice.`, { items: 'Duplicate item.' });
    seen.add(line.itemId);
    if (line.quantity > unitsToVerify(item)) return fail('INVALID_TRANSITION', `Only ${unitsToVerify(item)} of ${item.sku} are left to pack.`);
  }
  return ok(lines.map((line) => ({ itemId: line.itemId, quantity: line.quantity })));
}

/** Packed units after `quantity` more went in the box; shipped units count as packed already. */
export const packedAfter = (item: Pick<PackingItem, 'packedQuantity' | 'fulfilledQuantity'>, quantity: number): number =>
  Math.max(item.packedQuantity, item.fulfilledQuantity) + quantity;
