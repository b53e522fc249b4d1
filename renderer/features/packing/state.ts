import type { StoreApi } from 'zustand';
import type { Claim, OrderDetail } from '../../../shared/contract/index.js';
import type { ScanSource } from '../../../shared/domain/scan.js';
import type { ShipDraft, TrackingDraft } from '../shipping/ship-draft.js';
import type { Ticks } from './pack-rules.js';

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

/** The order on the bench, its scans and ticks, and where the keyboard goes (scan-slice.ts). */
export interface ScanState {
  order: OrderDetail | null;
  /** Ticked here, not yet sent to main. */
  pending: Ticks;
  /** Sent to main in the markPacked call now in flight. */
  inflight: Ticks;
  lastTickedItemId: number | null;
  lastScan: LastScan | null;
  /**
   * Where the keyboard goes next. `unlessScanning`: a move the packer did not ask for (the last
   * unit verified), which leaves the keyboard in the scan field while a code is being typed there,
   * so a scan that began meanwhile is not split between two fields; its Enter handles it there.
   */
  focus: { target: FocusTarget; seq: number; unlessScanning?: boolean };
  scan(code: string, source: ScanSource, medianGapMs?: number | null): void;
  focusOn(target: FocusTarget): void;
}

/** Opening, claiming, leaving and moving on to the next order (claim-slice.ts). */
export interface ClaimState {
  opening: boolean;
  claimConflict: ClaimConflict | null;
  /** Set after a complete shipment, shown above the next order. */
  shipped: { number: string; next: string | null; partial: boolean } | null;
  openOrder(orderId: number, options?: { quiet?: boolean }): Promise<void>;
  takeOver(): Promise<void>;
  cancelTakeOver(): void;
  /** Let go of the order without shipping it (releases the claim). */
  leave(): Promise<void>;
  nextOrder(skipId?: number): Promise<void>;
  renewClaim(): Promise<void>;
  refresh(): Promise<void>;
}

/** The parcel being prepared and its shipping (ship-slice.ts). */
export interface ShipState {
  draft: ShipDraft;
  shipmentId: string;
  shipping: boolean;
  shipError: string | null;
  overrideOpen: boolean;
  setTracking(patch: Partial<TrackingDraft>): void;
  setQuantity(itemId: number, quantity: number, defaults: Record<number, number>): void;
  setOverride(reason: string | null): void;
  setOverrideOpen(open: boolean): void;
  setNotify(notify: boolean): void;
  ship(): Promise<void>;
}

export type PackState = ScanState & ClaimState & ShipState;

export type SetPack = StoreApi<PackState>['setState'];
export type GetPack = StoreApi<PackState>['getState'];

/** What the slices share besides the state: the scan line with its sound, the tick saver and focus moves. */
export interface Station {
  /** Shows what a scan (or an action) did, with its sound; after any line still waiting for a tick's frame. */
  report(code: string, source: ScanSource, outcome: ScanOutcome, message: string, medianGapMs?: number | null): void;
  /** Sends the pending ticks as one markPacked call; ticks made meanwhile wait for the next. */
  flush(): Promise<void>;
  focusOn(target: FocusTarget, unlessScanning?: boolean): void;
  /** The next scan line's sequence number. */
  nextScanSeq(): number;
}
