import type { ParsedInput } from '../../shared/contract/index.js';
import { checkCanPack } from '../../shared/domain/can-pack.js';
import { changed, eventBy, toPackable, type Step } from './context.js';
import { byStore } from '../../shared/domain/by-store.js';
import { packedAfter, planPacking } from '../../shared/domain/packing.js';
import type { MutationResult } from './types.js';

/**
 * order.markPacked@1, as the desk's electron/main/app/packing/pack.ts: units in the box (which
 * verifies them for shipping), only on a paid order not on hold, never beyond what is left.
 * One timeline entry per store packed, so each seller sees only their own items.
 */
export function markPacked(step: Step, input: ParsedInput<'orders.markPacked'>): MutationResult {
  const { doc, scope } = step;
  const mine = scope.filter(doc.items, (item) => item.storeId);
  const packable = checkCanPack({ status: doc.status, onHold: doc.onHold, items: mine.map(toPackable) });
  if (!packable.ok) return packable;
  const physical = mine.filter((item) => !item.isDigital);
  const lines = planPacking(physical.map(toPackable), input.items ?? null);
  if (!lines.ok) return lines;
  const packed = new Map(lines.value.map((line) => [line.itemId, line.quantity]));
  const byId = new Map(physical.map((item) => [item.id, item]));
  const items = doc.items.map((item) =>
    packed.has(item.id) ? { ...item, packedQuantity: packedAfter(item, packed.get(item.id)!) } : item,
  );
  const events = byStore(lines.value, (line) => byId.get(line.itemId)!.storeId).map(([storeId, storeLines]) =>
    eventBy(
      step,
      'items_packed',
      {
        items: storeLines.map((line) => ({ itemId: line.itemId, sku: byId.get(line.itemId)!.sku, quantity: line.quantity })),
        source: input.source,
      },
      storeId,
    ),
  );
  return changed({ ...doc, items, events: [...doc.events, ...events] });
}
