import { create } from 'zustand';
import type { BulkReport } from '../../../shared/contract/index.js';
import type { Result } from '../../../shared/domain/result.js';
import { call } from '../../api/client.js';

export type BulkAction = 'hold' | 'release';

/** The orders a bulk action was asked for, by id, so a refusal without a number still reads. */
export type OrderNumbers = ReadonlyMap<number, string>;

interface BulkState {
  holdOpen: boolean;
  importOpen: boolean;
  busy: BulkAction | null;
  /** The last bulk action's outcome, shown in the report dialog until closed. */
  report: { action: BulkAction; report: BulkReport; numbers: OrderNumbers } | null;

  openHold(): void;
  closeHold(): void;
  openImport(): void;
  closeImport(): void;
  closeReport(): void;
  /** Holds every order it can; the report says which were refused and why. */
  placeHold(orderIds: number[], reason: string, numbers: OrderNumbers): Promise<Result<BulkReport>>;
  releaseHold(orderIds: number[], numbers: OrderNumbers): Promise<Result<BulkReport>>;
}

/** Bulk actions on the ticked queue rows: the dialogs open and the last report. */
export const useBulk = create<BulkState>()((set, get) => ({
  holdOpen: false,
  importOpen: false,
  busy: null,
  report: null,

  openHold: () => set({ holdOpen: true }),
  closeHold: () => set({ holdOpen: false }),
  openImport: () => set({ importOpen: true }),
  closeImport: () => set({ importOpen: false }),
  closeReport: () => set({ report: null }),

  async placeHold(orderIds, reason, numbers) {
    if (get().busy !== null) return busyFailure;
    set({ busy: 'hold' });
    const result = await call('orders.bulkHold', { orderIds, reason });
    set(result.ok ? { busy: null, holdOpen: false, report: { action: 'hold', report: result.value, numbers } } : { busy: null });
    return result;
  },

  async releaseHold(orderIds, numbers) {
    if (get().busy !== null) return busyFailure;
    set({ busy: 'release' });
    const result = await call('orders.bulkRelease', { orderIds });
    set(result.ok ? { busy: null, report: { action: 'release', report: result.value, numbers } } : { busy: null });
    return result;
  },
}));

const busyFailure = { ok: false, code: 'CONFLICT', message: 'Another bulk action is still running.' } as const;
