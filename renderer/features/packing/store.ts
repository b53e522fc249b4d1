import { create } from 'zustand';
import { createClaimSlice } from './claim-slice.js';
import { createScanSlice } from './scan-slice.js';
import { createShipSlice } from './ship-slice.js';
import type { PackState } from './state.js';

export type { ClaimConflict, FocusTarget, LastScan, PackState, ScanOutcome } from './state.js';

/**
 * The packing station: one store, cut in three along its seams. Scan/tick (scan-slice.ts) is the
 * benchmarked path; the claim lifecycle (claim-slice.ts) opens, claims and lets go of orders; the
 * ship draft (ship-slice.ts) prepares and sends the parcel. They share the scan line, the tick
 * saver and focus moves through `station`.
 */
export const usePacking = create<PackState>()((set, get) => {
  const scan = createScanSlice(set, get);
  return {
    ...scan.slice,
    ...createClaimSlice(set, get, scan.station),
    ...createShipSlice(set, get, scan.station),
  };
});
