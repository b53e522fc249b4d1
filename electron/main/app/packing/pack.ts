import type { ParsedInput } from '../../../../shared/contract/index.js';
import { checkCanPack } from '../../../../shared/domain/can-pack.js';
import { byStore } from '../../../../shared/domain/by-store.js';
import { packedAfter, planPacking } from '../../../../shared/domain/packing.js';
import { ok, type Result } from '../../../../shared/domain/result.js';
import type { CallActor, AppContext } from '../context.js';
import { itemsInScope, loadItems, toPackable } from './order-items.js';
import { runOrderMutation } from '../write-path/pipeline.js';

/**
 * order.markPacked@1: records units as packed (in the box, not yet handed to a carrier), which is
 * what verifies them for shipping. The timeline says whether they were scanned or ticked by hand.
 * Packing is only for paid orders not on hold, and never beyond what is still to ship.
 */
export function markPacked(ctx: AppContext, actor: CallActor, input: ParsedInput<'orders.markPacked'>): Result<{ orderId: number }> {
  const { store } = ctx;
  return runOrderMutation(ctx, actor, { name: 'order.markPacked@1', args: input }, input.orderId, (tx, order) => {
    const inScope = itemsInScope(loadItems(store, order.id), actor);
    // The same rule the order page uses to offer Mark packed (shared/domain/can-pack.ts).
    const packable = checkCanPack({ status: order.status, onHold: order.on_hold === 1, items: inScope.map(toPackable) });
    if (!packable.ok) return packable;
    const physical = inScope.filter((item) => item.is_digital === 0);
    const byId = new Map(physical.map((item) => [item.id, item]));
    const planned = planPacking(physical.map(toPackable), input.items ?? null);
    if (!planned.ok) return planned;
    const lines = planned.value;
    // The rows were read in this transaction, so the value packedAfter gives is what adding would give.
    for (const line of lines) {
      const packed = packedAfter(toPackable(byId.get(line.itemId)!), line.quantity);
      store.run(store.q.updateTable('order_items').set({ packed_quantity: packed }).where('id', '=', line.itemId));
    }
    // Packing across stores (an admin's whole order) is one entry per store: each seller sees only their own items.
    for (const [storeId, storeLines] of byStore(lines, (line) => byId.get(line.itemId)!.store_id)) {
      tx.event(
        order.id,
        'items_packed',
        {
          items: storeLines.map((line) => ({ itemId: line.itemId, sku: byId.get(line.itemId)!.sku, quantity: line.quantity })),
          source: input.source,
        },
        storeId,
      );
    }
    return ok({ orderId: order.id });
  });
}
