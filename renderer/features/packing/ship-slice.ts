import { call } from '../../api/client.js';
import { newUuid } from '../../lib/format.js';
import { emptyShipDraft } from '../shipping/ship-draft.js';
import { beep } from './beep.js';
import { addTicks, packProgress, planPackShipment } from './pack-rules.js';
import type { GetPack, SetPack, ShipState, Station } from './state.js';

/** The parcel being prepared at the station (the ship draft) and shipping it. */
export function createShipSlice(set: SetPack, get: GetPack, station: Station): ShipState {
  const { flush, focusOn } = station;
  return {
    draft: emptyShipDraft(),
    shipmentId: newUuid(),
    shipping: false,
    shipError: null,
    overrideOpen: false,

    setTracking(patch) {
      set({ draft: { ...get().draft, tracking: { ...get().draft.tracking, ...patch } }, shipError: null });
    },
    setQuantity(itemId, quantity, defaults) {
      const draft = get().draft;
      set({ draft: { ...draft, quantities: { ...(draft.quantities ?? defaults), [itemId]: quantity } }, shipError: null });
    },
    setOverride(reason) {
      const draft = get().draft;
      // The defaults change with an override (every unit), so hand-set quantities start again.
      set({ draft: { ...draft, overrideReason: reason, quantities: null }, shipError: null, overrideOpen: false });
    },
    setOverrideOpen: (open) => set({ overrideOpen: open }),
    setNotify(notify) {
      set({ draft: { ...get().draft, notifyCustomer: notify } });
    },

    async ship() {
      const { order, pending, inflight, draft, shipmentId, shipping } = get();
      if (order === null || shipping) return;
      const plan = planPackShipment(order, addTicks(pending, inflight), draft, shipmentId);
      if (!plan.ok) {
        set({ shipError: plan.message });
        beep('error');
        if (plan.code === 'INVALID_INPUT' && plan.fields?.trackingNumber) focusOn('tracking');
        return;
      }
      // Ticks must be recorded before the parcel that contains them leaves.
      while (Object.keys(get().pending).length > 0 || Object.keys(get().inflight).length > 0) {
        await flush();
        if (Object.keys(get().inflight).length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      set({ shipping: true, shipError: null });
      const result = await call('orders.ship', plan.value);
      set({ shipping: false });
      if (get().order?.id !== order.id) return;
      if (!result.ok) {
        const hint = result.code === 'NOT_VERIFIED' ? ' Press F9 to override with a reason.' : '';
        set({ shipError: result.message + hint });
        beep('error');
        return;
      }
      beep('success');
      const detail = result.value;
      const complete = packProgress(detail, {}).total === 0;
      if (!complete) {
        // A partial parcel: stay on the order for the rest, with a fresh form.
        set({ order: detail, draft: emptyShipDraft(), shipmentId: newUuid(), shipped: { number: detail.number, next: null, partial: true } });
        focusOn('scan');
        return;
      }
      set({ shipped: { number: detail.number, next: null, partial: false }, order: detail });
      await get().nextOrder(detail.id);
    },
  };
}
