import { create } from 'zustand';
import type { Claim, OrderDetail } from '../../../shared/contract/index.js';
import { parseOrderNumber, resolveScan } from '../../../shared/domain/packing.js';
import type { ScanSource } from '../../../shared/domain/scan.js';
import { trimInvisible } from '../../../shared/domain/text.js';
import { call } from '../../api/client.js';
import { newUuid } from '../../lib/format.js';
import { afterPaint } from './after-paint.js';
import { beep } from './beep.js';
import { checkTrackingDraft, emptyShipDraft, type ShipDraft, type TrackingDraft } from '../shipping/ship-draft.js';
import { addTicks, itemsWithTicks, packProgress, planPackShipment, type Ticks } from './pack-rules.js';

export type ScanOutcome = 'tick' | 'refused' | 'order' | 'tracking' | 'info';

export interface LastScan {
  code: string;
  source: ScanSource;
  outcome: ScanOutcome;
  message: string;
  /** New on every scan, so the panel's flash restarts even for the same outcome twice. */
  seq: number;
  /** Median time between its key presses, shown beside the scanner/typed verdict. */
  medianGapMs: number | null;
}

export interface ClaimConflict {
  orderId: number;
  number: string;
  message: string;
  claim: Claim | null;
}

/** Where the station's keyboard should be: the scan field, or the tracking field once all is verified. */
export type FocusTarget = 'scan' | 'tracking' | 'ship';

interface PackState {
  order: OrderDetail | null;
  opening: boolean;
  /** Ticked here, not yet sent to main. */
  pending: Ticks;
  /** Sent to main in the markPacked call now in flight. */
  inflight: Ticks;
  lastTickedItemId: number | null;
  lastScan: LastScan | null;
  claimConflict: ClaimConflict | null;
  draft: ShipDraft;
  shipmentId: string;
  shipping: boolean;
  shipError: string | null;
  /** Set after a complete shipment, shown above the next order. */
  shipped: { number: string; next: string | null; partial: boolean } | null;
  overrideOpen: boolean;
  /**
   * Where the keyboard goes next. `unlessScanning`: a move the packer did not ask for (the last
   * unit verified), which leaves the keyboard in the scan field while a code is being typed there,
   * so a scan that began meanwhile is not split between two fields; its Enter handles it there.
   */
  focus: { target: FocusTarget; seq: number; unlessScanning?: boolean };

  scan(code: string, source: ScanSource, medianGapMs?: number | null): void;
  openOrder(orderId: number, options?: { quiet?: boolean }): Promise<void>;
  takeOver(): Promise<void>;
  cancelTakeOver(): void;
  /** Let go of the order without shipping it (releases the claim). */
  leave(): Promise<void>;
  nextOrder(skipId?: number): Promise<void>;
  renewClaim(): Promise<void>;
  refresh(): Promise<void>;
  setTracking(patch: Partial<TrackingDraft>): void;
  setQuantity(itemId: number, quantity: number, defaults: Record<number, number>): void;
  setOverride(reason: string | null): void;
  setOverrideOpen(open: boolean): void;
  setNotify(notify: boolean): void;
  ship(): Promise<void>;
  focusOn(target: FocusTarget): void;
}

const emptyDraft = (): ShipDraft => emptyShipDraft();

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

let scanSeq = 0;
let focusSeq = 0;
// Answers to an older openOrder are dropped: the last order scanned wins.
let openGeneration = 0;

export const usePacking = create<PackState>()((set, get) => {
  let lastGap: number | null = null;
  /** Scan lines and signals waiting for a tick's frame to be out (see scan): later ones queue behind. */
  let queuedReports = 0;
  const show = (code: string, source: ScanSource, outcome: ScanOutcome, message: string, medianGapMs: number | null) => {
    set({ lastScan: { code, source, outcome, message, seq: ++scanSeq, medianGapMs } });
    if (outcome === 'refused') beep('error');
    else if (outcome !== 'info') beep('success');
  };
  /** Shows what a scan did, with its sound; after any still waiting, so the last scan's line wins. */
  const report = (code: string, source: ScanSource, outcome: ScanOutcome, message: string, medianGapMs = lastGap) => {
    if (queuedReports === 0) {
      show(code, source, outcome, message, medianGapMs);
      return;
    }
    queuedReports++;
    afterPaint(() => {
      queuedReports--;
      show(code, source, outcome, message, medianGapMs);
    });
  };

  const focusOn = (target: FocusTarget, unlessScanning = false) =>
    set({ focus: unlessScanning ? { target, seq: ++focusSeq, unlessScanning } : { target, seq: ++focusSeq } });

  /** Sends the pending ticks as one markPacked call; ticks made meanwhile wait for the next. */
  const flush = async () => {
    const { order, pending, inflight } = get();
    if (order === null || Object.keys(inflight).length > 0 || Object.keys(pending).length === 0) return;
    const items = Object.entries(pending).map(([id, quantity]) => ({ itemId: Number(id), quantity }));
    set({ inflight: pending, pending: {} });
    const result = await call('orders.markPacked', { orderId: order.id, items, source: 'scan' });
    if (get().order?.id !== order.id) return;
    if (result.ok) {
      set({ order: result.value, inflight: {} });
    } else {
      // Refused: the ticks it carried never happened.
      set({ inflight: {} });
      const last = get().lastScan;
      report(last?.code ?? '', last?.source ?? 'keyboard', 'refused', `Not recorded: ${result.message}`);
    }
    void flush();
  };

  const lookup = async (code: string, source: ScanSource) => {
    const result = await call('orders.lookup', { code });
    if (!result.ok) {
      const message =
        result.code === 'NOT_FOUND'
          ? get().order
            ? `"${code}" is not an item on this order, nor an order number.`
            : `No order matches "${code}". Scan the barcode on the packing slip.`
          : result.message;
      report(code, source, 'refused', message);
      return;
    }
    if (result.value.orderId === get().order?.id) {
      report(code, source, 'info', `Order ${result.value.number} is already open.`);
      return;
    }
    report(code, source, 'order', `Opened order ${result.value.number}.`);
    await get().openOrder(result.value.orderId);
  };

  return {
    order: null,
    opening: false,
    pending: {},
    inflight: {},
    lastTickedItemId: null,
    lastScan: null,
    claimConflict: null,
    draft: emptyDraft(),
    shipmentId: newUuid(),
    shipping: false,
    shipError: null,
    shipped: null,
    overrideOpen: false,
    focus: { target: 'scan', seq: 0 },

    scan(raw, source, medianGapMs = null) {
      lastGap = medianGapMs;
      // Scanners may add control characters at the ends; a code of nothing visible is no scan.
      const code = trimInvisible(raw);
      if (code === '') return;
      const { order, pending, inflight, claimConflict } = get();
      if (order === null || claimConflict !== null || parseOrderNumber(code) !== null) {
        void lookup(code, source);
        return;
      }
      const ticks = addTicks(pending, inflight);
      const outcome = resolveScan(itemsWithTicks(order.items, ticks), code);
      if (outcome.kind === 'tick') {
        const item = order.items.find((i) => i.id === outcome.itemId);
        // Synchronous on purpose: the tick must paint in the frame after the key, not after a round
        // trip. Only the count and the progress render in the key's task; the scan line, flash,
        // beep, save and focus follow once that frame is out (a few ms later).
        set({ pending: addTicks(pending, { [outcome.itemId]: 1 }), lastTickedItemId: outcome.itemId, shipped: null });
        const focusAtTick = get().focus.seq;
        queuedReports++;
        afterPaint(() => {
          queuedReports--;
          show(code, source, 'tick', `Verified 1 × ${item?.title ?? code}.`, medianGapMs);
          const now = get();
          // The last unit sends the keyboard to tracking, unless something moved it since (a label already scanned).
          const ready = now.order?.id === order.id && packProgress(now.order, addTicks(now.pending, now.inflight)).ready;
          if (ready && now.focus.seq === focusAtTick) focusOn('tracking', true);
          void flush();
        });
        return;
      }
      if (outcome.kind === 'extra') {
        set({ lastTickedItemId: outcome.itemId });
        report(code, source, 'refused', outcome.message);
        return;
      }
      if (packProgress(order, ticks).ready) {
        const tracking = checkTrackingDraft({ text: code, other: false, carrierName: '', trackingUrl: '' });
        if (tracking.ok) {
          get().setTracking({ text: code, other: false });
          report(code, source, 'tracking', `${tracking.carrierLabel} tracking number ${tracking.trackingNumber}.`);
          focusOn('ship');
          return;
        }
      }
      report(code, source, 'refused', outcome.message);
    },

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
        draft: emptyDraft(),
        shipmentId: newUuid(),
        shipError: null,
        overrideOpen: false,
      });
      if (!claim.ok) {
        if (claim.code === 'CLAIMED_ELSEWHERE') {
          set({ claimConflict: { orderId, number: detail.value.number, message: claim.message, claim: detail.value.claim ?? claimFromFields(claim.fields) } });
          if (!options?.quiet) beep('error');
        } else {
          const last = get().lastScan;
          set({ lastScan: { code: last?.code ?? detail.value.number, source: last?.source ?? 'keyboard', outcome: 'info', message: claim.message, seq: ++scanSeq, medianGapMs: null } });
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
      set({ order: null, pending: {}, inflight: {}, draft: emptyDraft(), shipped: null, shipError: null });
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
        const last = get().lastScan;
        set({ lastScan: { code: last?.code ?? '', source: last?.source ?? 'keyboard', outcome: 'info', message: 'Nothing else is waiting in To pack.', seq: ++scanSeq, medianGapMs: null } });
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
      if (get().order?.id !== order.id) return;
      if (claim.ok) set({ order: { ...get().order!, claim: claim.value } });
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
        set({ order: detail, draft: emptyDraft(), shipmentId: newUuid(), shipped: { number: detail.number, next: null, partial: true } });
        focusOn('scan');
        return;
      }
      set({ shipped: { number: detail.number, next: null, partial: false }, order: detail });
      await get().nextOrder(detail.id);
    },

    focusOn,
  };
});
