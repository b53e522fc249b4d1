/** Where a submitted code came from: a keyboard-wedge barcode scanner, or a person typing. */
export type ScanSource = 'scanner' | 'keyboard';

export interface Burst {
  /** performance.now()/Date.now() of each character key press, in the order they came. */
  charTimes: readonly number[];
  /** When the terminating Enter was pressed. */
  enterAt: number;
  /** True when the field was also edited some other way (Backspace, paste, arrows): a person did it. */
  edited?: boolean;
}

export interface WedgeThresholds {
  /** Fewer characters than this are never a scan: no barcode we accept is that short. */
  minChars: number;
  /** A scanner sends keys a few ms apart; people rarely sustain under ~60 ms between keys. */
  maxMedianGapMs: number;
}

// 35 ms sits between the two populations with room on both sides: wedges emit 2–15 ms apart even
// through a USB hub and a busy renderer; the fastest sustained human bursts are ~60–80 ms.
export const DEFAULT_WEDGE_THRESHOLDS: Readonly<WedgeThresholds> = { minChars: 4, maxMedianGapMs: 35 };

export interface BurstClass {
  source: ScanSource;
  chars: number;
  /** Median gap between consecutive key presses (characters and the Enter); null with no gap. */
  medianGapMs: number | null;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Tells a keyboard-wedge scanner from typing: at least `minChars` characters, ending in Enter,
 * with a median gap between key presses of at most `maxMedianGapMs`. The median (not the maximum)
 * keeps one stalled event — a garbage collection, a busy frame — from turning a scan into typing.
 */
export function classifyBurst(burst: Burst, thresholds: WedgeThresholds = DEFAULT_WEDGE_THRESHOLDS): BurstClass {
  const times = [...burst.charTimes, burst.enterAt];
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push(Math.max(0, times[i]! - times[i - 1]!));
  const medianGapMs = median(gaps);
  const chars = burst.charTimes.length;
  const fast = medianGapMs !== null && medianGapMs <= thresholds.maxMedianGapMs;
  const source: ScanSource = !burst.edited && chars >= thresholds.minChars && fast ? 'scanner' : 'keyboard';
  return { source, chars, medianGapMs };
}
