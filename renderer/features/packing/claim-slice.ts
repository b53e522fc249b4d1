import type { Claim } from '../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { newUuid } from '../../lib/format.js';
import { emptyShipDraft } from '../shipping/ship-draft.js';
import { beep } from './beep.js';
import { packProgress } from './pack-rules.js';
import type { ClaimState, GetPack, SetPack, Station } from './state.js';

/** CLAIMED_ELSEWHERE names the other station in its fields; enough to warn with when the order has no claim view. */
function claimFromFields(fields: Record<string, string> | undefined): Claim | null {
  if (!fields?.stationName || !fields.userName) return null;
  const claimedAt = Date.parse(fields.claimedAt ?? '');
  return {
    stationId: '',
    stationName: fields.stationName,
    userName: fields.userName,
    claimedAt: Number.isNaN(claimedAt) ? Date.now() : claimedAt,
    expiresAt: 0,
    mine: false,
  };
}

// Answers to an older openOrder are dropped: the last order scanned wins.
let openGeneration = 0;

/**
 * The claim lifecycle: opening an order (and claiming it for this station), taking it over from
 * another, letting it go, renewing the claim and moving on to the next order to pack.
 */
export function createClaimSlice(set: SetPack, get: GetPack, station: Station): ClaimState {
  const { report, flush, focusOn } = station;
  /** A line about the order rather than a scan, under the last scan's code and source. */
  const note = (message: string, code?: string) => {
    const last = get().lastScan;
    set({ lastScan: { code: last?.code ?? code ?? '', source: last?.source ?? 'keyboard', outcome: 'info', message, seq: station.nextScanSeq(), medianGapMs: null } });
  };

  return {
    opening: false,
    claimConflict: null,
    shipped: null,

    async openOrder(orderId, options) {
      // A tick's save waits for its frame (see scan); the order it belongs to must not drop it.
      void flush();
      const previous = get().order;
      const mine = ++openGeneration;
      if (previous !== null && previous.id !== orderId && previous.claim?.mine) {
        void call('orders.releaseClaim', { orderId: previous.id });
      }
      set({ opening: true, claimConflict: null });
      const [detail, claim] = await Promise.all([call('orders.get', { orderId }), call('orders.claim', { orderId })]);
      if (mine !== openGeneration) return;
      set({ opening: false });
      if (!detail.ok) {
        // FORBIDDEN and NOT_FOUND open nothing: the sentence says why.
        report(String(orderId), get().lastScan?.source ?? 'keyboard', 'refused', detail.message);
        return;
      }
      set({
        order: claim.ok ? { ...detail.value, claim: claim.value } : detail.value,
        pending: {},
        inflight: {},
        lastTickedItemId: null,
        draft: emptyShipDraft(),
        shipmentId: newUuid(),
        shipError: null,
        overrideOpen: false,
      });
      if (!claim.ok) {
        if (claim.code === 'CLAIMED_ELSEWHERE') {
          set({ claimConflict: { orderId, number: detail.value.number, message: claim.message, claim: detail.value.claim ?? claimFromFields(claim.fields) } });
          if (!options?.quiet) beep('error');
        } else {
          note(claim.message, detail.value.number);
        }
      }
      focusOn(packProgress(detail.value, {}).ready ? 'tracking' : 'scan');
    },

    async takeOver() {
      const conflict = get().claimConflict;
      if (conflict === null) return;
      const claim = await call('orders.claim', { orderId: conflict.orderId, takeOver: true });
      const order = get().order;
      if (!claim.ok) {
        set({ claimConflict: { ...conflict, message: claim.message } });
        return;
      }
      set({ claimConflict: null, order: order && order.id === conflict.orderId ? { ...order, claim: claim.value } : order });
      report(conflict.number, get().lastScan?.source ?? 'keyboard', 'info', `You took order ${conflict.number} over.`);
      focusOn('scan');
    },

    cancelTakeOver() {
      const conflict = get().claimConflict;
      set({ claimConflict: null, order: null, pending: {}, inflight: {} });
      if (conflict) report(conflict.number, get().lastScan?.source ?? 'keyboard', 'info', `Left order ${conflict.number} to the other station.`);
      focusOn('scan');
    },

    async leave() {
      const order = get().order;
      if (order === null) return;
      await flush();
      set({ order: null, pending: {}, inflight: {}, draft: emptyShipDraft(), shipped: null, shipError: null });
      focusOn('scan');
      report(order.number, get().lastScan?.source ?? 'keyboard', 'info', `Put order ${order.number} back in the queue.`);
      if (order.claim?.mine) await call('orders.releaseClaim', { orderId: order.id });
    },

    async nextOrder(skipId) {
      const current = get().order;
      const result = await call('orders.list', { view: 'to_pack', sort: 'oldest', limit: 50 });
      if (!result.ok) {
        set({ shipError: result.message });
        return;
      }
      const skip = skipId ?? current?.id;
      const next = result.value.rows.find((row) => row.id !== skip && !row.onHold && (row.claimedBy === null || row.claimedBy.mine));
      const shipped = get().shipped;
      if (!next) {
        if (current && current.id === skip && current.claim?.mine && shipped === null) void call('orders.releaseClaim', { orderId: current.id });
        set({ order: null, pending: {}, inflight: {}, shipped: shipped ? { ...shipped, next: null } : null });
        note('Nothing else is waiting in To pack.');
        focusOn('scan');
        return;
      }
      if (shipped) set({ shipped: { ...shipped, next: next.number } });
      await get().openOrder(next.id);
    },

    async renewClaim() {
      const order = get().order;
      if (order === null || get().claimConflict !== null || !order.claim?.mine) return;
      const claim = await call('orders.claim', { orderId: order.id });
      const now = get().order;
      if (now?.id !== order.id) return;
      if (claim.ok) set({ order: { ...now, claim: claim.value } });
      else if (claim.code === 'CLAIMED_ELSEWHERE') {
        const fresh = await call('orders.get', { orderId: order.id });
        set({ claimConflict: { orderId: order.id, number: order.number, message: claim.message, claim: fresh.ok ? fresh.value.claim : null } });
        beep('error');
      }
    },

    async refresh() {
      const { order, pending, inflight, shipping } = get();
      // Local ticks or a ship in flight come back with the order themselves; don't race them.
      if (order === null || shipping || Object.keys(pending).length > 0 || Object.keys(inflight).length > 0) return;
      const result = await call('orders.get', { orderId: order.id });
      const now = get();
      if (!result.ok || now.order?.id !== order.id || now.shipping || Object.keys(now.pending).length > 0 || Object.keys(now.inflight).length > 0) return;
      set({ order: result.value });
    },
  };
}
