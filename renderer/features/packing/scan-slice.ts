import { parseOrderNumber, resolveScan } from '../../../shared/domain/packing.js';
import type { ScanSource } from '../../../shared/domain/scan.js';
import { trimInvisible } from '../../../shared/domain/text.js';
import { call } from '../../api/client.js';
import { checkTrackingDraft } from '../shipping/ship-draft.js';
import { afterPaint } from './after-paint.js';
import { beep } from './beep.js';
import { addTicks, itemsWithTicks, packProgress } from './pack-rules.js';
import type { FocusTarget, GetPack, ScanOutcome, ScanState, SetPack, Station } from './state.js';

let scanSeq = 0;
let focusSeq = 0;

/**
 * Scans and ticks: what a scanned code does to the order on the bench, the scan line with its
 * sound, saving the ticks, and where the keyboard goes. The scan path is benchmarked
 * (scan_to_paint): a tick renders only the count and the progress in the key's task; everything
 * else waits for that frame to be out (after-paint.ts).
 */
export function createScanSlice(set: SetPack, get: GetPack): { slice: ScanState; station: Station } {
  let lastGap: number | null = null;
  /** Scan lines and signals waiting for a tick's frame to be out (see scan): later ones queue behind. */
  let queuedReports = 0;
  const show = (code: string, source: ScanSource, outcome: ScanOutcome, message: string, medianGapMs: number | null) => {
    set({ lastScan: { code, source, outcome, message, seq: ++scanSeq, medianGapMs } });
    if (outcome === 'refused') beep('error');
    else if (outcome !== 'info') beep('success');
  };
  const report: Station['report'] = (code, source, outcome, message, medianGapMs = lastGap) => {
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

  const slice: ScanState = {
    order: null,
    pending: {},
    inflight: {},
    lastTickedItemId: null,
    lastScan: null,
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

    focusOn,
  };

  return { slice, station: { report, flush, focusOn, nextScanSeq: () => ++scanSeq } };
}
