import { describe, expect, it } from 'vitest';
import { formatEmailDate } from './format.js';

describe('formatEmailDate', () => {
  it('gives the calendar date in New York, not in UTC or the host zone', () => {
    // 02:00 UTC on May 4 is still the evening of May 3 in New York (EDT, UTC-4).
    expect(formatEmailDate(Date.UTC(2026, 4, 4, 2, 0))).toBe('May 3, 2026');
    expect(formatEmailDate(Date.UTC(2026, 4, 4, 4, 0))).toBe('May 4, 2026');
    // In winter the offset is five hours (EST).
    expect(formatEmailDate(Date.UTC(2026, 0, 1, 4, 59))).toBe('December 31, 2025');
    expect(formatEmailDate(Date.UTC(2026, 0, 1, 5, 0))).toBe('January 1, 2026');
  });

  it('returns null for a number that is no date', () => {
    expect(formatEmailDate(9e15)).toBeNull();
    expect(formatEmailDate(Number.NaN)).toBeNull();
  });
});
