import { unitsToVerify, type PackingItem } from '../../../shared/domain/packing.js';
import { fail, ok, type Result } from '../../../shared/domain/result.js';

type Packable = Pick<PackingItem, 'id' | 'sku' | 'quantity' | 'packedQuantity' | 'fulfilledQuantity' | 'isDigital'>;

/**
 * The lines to mark packed: the ones asked for, checked against the caller's physical items, or
 * every unit still to verify when none are listed (desk: electron/main/app/packing/pack.ts).
 */
export function planPacking(physical: readonly Packable[], requested: ReadonlyArray<{ itemId: number; quantity: number }> | null): Result<Array<{ itemId: number; quantity: number }>> {
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

/** Packed units after `quantity` more went in the box; shipped units count as packed already (desk: pack.ts's UPDATE). */
export const packedAfter = (item: Pick<PackingItem, 'packedQuantity' | 'fulfilledQuantity'>, quantity: number): number =>
  Math.max(item.packedQuantity, item.fulfilledQuantity) + quantity;
