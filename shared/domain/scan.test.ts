import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyBurst, DEFAULT_WEDGE_THRESHOLDS } from './scan.js';

/** Key-press times from a start time and the gaps between presses; the last gap leads to Enter. */
function burstFrom(start: number, gaps: readonly number[]) {
  const times = [start];
  for (const gap of gaps) times.push(times[times.length - 1]! + gap);
  return { charTimes: times.slice(0, -1), enterAt: times[times.length - 1]! };
}

describe('classifyBurst', () => {
  it('calls a 13-digit burst 8 ms apart a scan', () => {
    const result = classifyBurst(burstFrom(1000, Array(13).fill(8)));
    expect(result).toEqual({ source: 'scanner', chars: 13, medianGapMs: 8 });
  });

  it('calls human typing at 120 ms a key typing', () => {
    expect(classifyBurst(burstFrom(0, Array(10).fill(120))).source).toBe('keyboard');
  });

  it('needs at least four characters', () => {
    expect(classifyBurst(burstFrom(0, [5, 5, 5])).source).toBe('keyboard');
    expect(classifyBurst(burstFrom(0, [5, 5, 5, 5])).source).toBe('scanner');
  });

  it('forgives one stalled key in a scan (median, not maximum)', () => {
    expect(classifyBurst(burstFrom(0, [6, 6, 250, 6, 6, 6, 6, 6])).source).toBe('scanner');
  });

  it('treats an edited field as typed, however fast', () => {
    expect(classifyBurst({ ...burstFrom(0, Array(8).fill(5)), edited: true }).source).toBe('keyboard');
  });

  it('treats Enter alone as typed', () => {
    expect(classifyBurst({ charTimes: [], enterAt: 5 })).toEqual({ source: 'keyboard', chars: 0, medianGapMs: null });
  });

  it('sits its threshold between scanners and people', () => {
    const limit = DEFAULT_WEDGE_THRESHOLDS.maxMedianGapMs;
    expect(classifyBurst(burstFrom(0, Array(6).fill(limit))).source).toBe('scanner');
    expect(classifyBurst(burstFrom(0, Array(6).fill(limit + 1))).source).toBe('keyboard');
  });
});

const scannerGap = fc.integer({ min: 0, max: DEFAULT_WEDGE_THRESHOLDS.maxMedianGapMs });
const humanGap = fc.integer({ min: DEFAULT_WEDGE_THRESHOLDS.maxMedianGapMs + 1, max: 2000 });
const start = fc.integer({ min: 0, max: 10_000_000 });

describe('classifyBurst properties', () => {
  it('any burst of 4+ characters with every gap at scanner speed is a scan', () => {
    fc.assert(
      fc.property(start, fc.array(scannerGap, { minLength: 4, maxLength: 60 }), (t0, gaps) => {
        expect(classifyBurst(burstFrom(t0, gaps)).source).toBe('scanner');
      }),
    );
  });

  it('any burst with every gap at human speed is typing', () => {
    fc.assert(
      fc.property(start, fc.array(humanGap, { minLength: 1, maxLength: 60 }), (t0, gaps) => {
        expect(classifyBurst(burstFrom(t0, gaps)).source).toBe('keyboard');
      }),
    );
  });

  it('fewer than four characters is never a scan', () => {
    fc.assert(
      fc.property(start, fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 3 }), (t0, gaps) => {
        expect(classifyBurst(burstFrom(t0, gaps)).source).toBe('keyboard');
      }),
    );
  });

  it('does not depend on when the burst happened', () => {
    fc.assert(
      fc.property(start, start, fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 40 }), (a, b, gaps) => {
        expect(classifyBurst(burstFrom(a, gaps))).toEqual(classifyBurst(burstFrom(b, gaps)));
      }),
    );
  });

  it('slowing a typed burst down never makes it a scan', () => {
    fc.assert(
      fc.property(start, fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (t0, gaps, factor) => {
        const fast = classifyBurst(burstFrom(t0, gaps));
        const slow = classifyBurst(burstFrom(t0, gaps.map((g) => g * factor)));
        if (fast.source === 'keyboard') expect(slow.source).toBe('keyboard');
      }),
    );
  });

  it('a majority of scanner-speed gaps wins over a minority of stalls', () => {
    fc.assert(
      fc.property(
        start,
        fc.array(scannerGap, { minLength: 5, maxLength: 40 }),
        fc.array(humanGap, { minLength: 0, maxLength: 40 }),
        (t0, fast, slow) => {
          fc.pre(slow.length < fast.length);
          // Interleave the stalls anywhere: the order of gaps must not matter.
          const gaps = [...fast, ...slow].sort((x, y) => ((x * 7919) % 13) - ((y * 7919) % 13));
          expect(classifyBurst(burstFrom(t0, gaps)).source).toBe('scanner');
        },
      ),
    );
  });
});
