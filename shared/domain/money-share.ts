/**
 * A marketplace order can hold several stores' items, but it has one subtotal, discount, tax,
 * shipping charge and payment. A seller is shown their stores' share of it; this is how that
 * share is decided, so every screen (the order page, the queue) shows the same figures.
 *
 * The rule:
 * - The subtotal is split in proportion to each store's items (quantity × unit price), the
 *   discount in proportion to those subtotal shares, and tax in proportion to each store's
 *   subtotal after its discount share: tax charged per item, summed per store.
 * - Cents are apportioned by largest remainder: each store gets the floor of its exact share,
 *   and the cents left over go one each to the stores with the largest remainders, the lower
 *   store id first on a tie. So the stores' shares always sum exactly to the order's figure,
 *   and no store is ever more than a cent from its exact share.
 * - Shipping and the payment (captured, refunded) are the order's, not a store's: a viewer sees
 *   them only when every store on the order is theirs (a single-store order, or a seller who runs
 *   every store on it), and then sees the whole order's figures unchanged.
 */

export interface OrderFigures {
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  discountCents: number;
  totalCents: number;
}

/** One store's lines on the order: the sum of quantity × unit price over its items. */
export interface StoreItems {
  storeId: number;
  itemsCents: number;
}

export interface StoreShare {
  storeId: number;
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  /** subtotal − discount + tax: what the store's items cost the customer, shipping aside. */
  totalCents: number;
}

/** The money a viewer is shown: the whole order's, or the sum of their stores' shares. */
export interface ViewerMoney {
  /** 'order': every store on the order is the viewer's; 'own_items': only some are. */
  scope: 'order' | 'own_items';
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  /** null when shipping isn't the viewer's (scope 'own_items'). */
  shippingCents: number | null;
  totalCents: number;
}

function assertWholeCents(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${String(n)}`);
}

/**
 * Splits `amount` cents in proportion to `weights` by largest remainder (ties to the earlier
 * weight); the parts always sum to `amount`. All-zero weights split it evenly the same way.
 * BigInt, because amount × weight can pass 2^53 for large orders.
 */
export function apportion(amount: number, weights: readonly number[]): number[] {
  assertWholeCents(amount, 'apportion amount');
  weights.forEach((w) => assertWholeCents(w, 'apportion weight'));
  if (weights.length === 0) {
    if (amount !== 0) throw new RangeError('apportion: an amount needs at least one part to go to');
    return [];
  }
  const effective = weights.every((w) => w === 0) ? weights.map(() => 1) : weights;
  const total = effective.reduce((sum, w) => sum + BigInt(w), 0n);
  const big = BigInt(amount);
  const parts = effective.map((w) => (big * BigInt(w)) / total);
  const remainders = effective.map((w, index) => ({ index, remainder: (big * BigInt(w)) % total }));
  let left = Number(big - parts.reduce((sum, p) => sum + p, 0n));
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0) break;
    parts[index]! += 1n;
    left -= 1;
  }
  return parts.map(Number);
}

/** Each store's share of the order's subtotal, discount and tax, by the rule above, in store id order. */
export function storeShares(order: OrderFigures, stores: readonly StoreItems[]): StoreShare[] {
  const sorted = [...stores].sort((a, b) => a.storeId - b.storeId);
  if (new Set(sorted.map((s) => s.storeId)).size !== sorted.length) throw new RangeError('storeShares: a store is listed twice');
  const weights = sorted.map((s) => s.itemsCents);
  const subtotals = apportion(order.subtotalCents, weights);
  // Split by the subtotal shares, not the items: then no store's discount can pass its subtotal.
  const discounts = apportion(order.discountCents, subtotals);
  // Never below zero, even for a stored discount larger than the subtotal (bad data, not a crash).
  const nets = subtotals.map((subtotal, i) => Math.max(subtotal - discounts[i]!, 0));
  const taxes = apportion(order.taxCents, nets);
  return sorted.map((s, i) => ({
    storeId: s.storeId,
    subtotalCents: subtotals[i]!,
    discountCents: discounts[i]!,
    taxCents: taxes[i]!,
    totalCents: subtotals[i]! - discounts[i]! + taxes[i]!,
  }));
}

/**
 * What a viewer sees of an order's money. `viewerStores` null is an admin (the whole order);
 * otherwise the stores the viewer works for. The whole order when every store on it is theirs;
 * else the sum of their stores' shares, without shipping.
 */
export function moneyFor(order: OrderFigures, stores: readonly StoreItems[], viewerStores: readonly number[] | null): ViewerMoney {
  const whole: ViewerMoney = {
    scope: 'order',
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    taxCents: order.taxCents,
    shippingCents: order.shippingCents,
    totalCents: order.totalCents,
  };
  if (viewerStores === null || stores.every((s) => viewerStores.includes(s.storeId))) return whole;
  const mine = storeShares(order, stores).filter((share) => viewerStores.includes(share.storeId));
  const sum = (pick: (share: StoreShare) => number) => mine.reduce((total, share) => total + pick(share), 0);
  return {
    scope: 'own_items',
    subtotalCents: sum((s) => s.subtotalCents),
    discountCents: sum((s) => s.discountCents),
    taxCents: sum((s) => s.taxCents),
    shippingCents: null,
    totalCents: sum((s) => s.totalCents),
  };
}

/** Sums an order's lines per store, in store id order: the weights the shares are split by. */
export function storeItemsOf(lines: Iterable<{ storeId: number; quantity: number; unitPriceCents: number }>): StoreItems[] {
  const byStore = new Map<number, number>();
  for (const line of lines) byStore.set(line.storeId, (byStore.get(line.storeId) ?? 0) + line.quantity * line.unitPriceCents);
  return [...byStore].sort(([a], [b]) => a - b).map(([storeId, itemsCents]) => ({ storeId, itemsCents }));
}

/** An orders row's figures, as the share functions take them. */
export const orderFigures = (order: {
  subtotal_cents: number;
  shipping_cents: number;
  tax_cents: number;
  discount_cents: number;
  total_cents: number;
}): OrderFigures => ({
  subtotalCents: order.subtotal_cents,
  shippingCents: order.shipping_cents,
  taxCents: order.tax_cents,
  discountCents: order.discount_cents,
  totalCents: order.total_cents,
});
