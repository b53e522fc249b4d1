import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/contract/index.js';
import { detectTracking } from '../../../shared/domain/tracking.js';
import { bytesToBase64, checkPickedFile, CSV_COLUMNS, EXAMPLE_CSV, filterReportRows, MAX_CSV_BYTES } from './csv-file.js';

/** The bytes base64 stands for, decoded by the platform's own atob. */
const decode = (b64: string): number[] => [...atob(b64)].map((c) => c.charCodeAt(0));

describe('CSV import file handling', () => {
  it('encodes any bytes so that they decode back exactly, including files bigger than one slice', () => {
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(bytesToBase64(new TextEncoder().encode('Ma'))).toBe('TWE=');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(decode(bytesToBase64(bytes))).toEqual([...bytes]);
      }),
      { numRuns: 30 },
    );
    // fast-check keeps arrays short; cover several 32 KiB slices explicitly.
    const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31 + 7) % 256);
    expect(decode(bytesToBase64(big))).toEqual([...big]);
  });

  it('keeps non-UTF-8 bytes as they are, so main can refuse the encoding', () => {
    const latin1 = new Uint8Array([0x53, 0x48, 0xe9, 0xff, 0x00]);
    expect(decode(bytesToBase64(latin1))).toEqual([...latin1]);
  });

  it('the largest accepted file still fits the contract once encoded', () => {
    expect(Math.ceil(MAX_CSV_BYTES / 3) * 4).toBeLessThanOrEqual(12 * 1024 * 1024);
    expect(checkPickedFile({ name: 'a.csv', size: MAX_CSV_BYTES })).toBeNull();
    expect(checkPickedFile({ name: 'a.csv', size: MAX_CSV_BYTES + 1 })).toMatch(/up to 9 MB/);
    expect(checkPickedFile({ name: 'a.csv', size: 0 })).toMatch(/empty/);
  });

  it('the example file has the documented header and valid tracking numbers', () => {
    const [header, ...rows] = EXAMPLE_CSV.trim().split('\r\n');
    expect(header).toBe(CSV_COLUMNS.map((c) => c.name).join(','));
    for (const row of rows) {
      const [, carrier, tracking] = row.split(',');
      if (carrier === 'other') continue;
      const found = detectTracking(tracking!);
      expect(found.ok && found.carrier).toBe(carrier);
    }
  });

  it('filters a report to its refused rows', () => {
    const report: ImportReport = {
      fileName: 'a.csv',
      applied: 1,
      refused: 1,
      notReached: 0,
      cancelled: false,
      rows: [
        { line: 2, orderNumber: 'SH-1', status: 'applied', message: 'Shipped.' },
        { line: 3, orderNumber: null, status: 'refused', message: 'No order number.' },
      ],
    };
    expect(filterReportRows(report, 'all')).toHaveLength(2);
    expect(filterReportRows(report, 'refused').map((r) => r.line)).toEqual([3]);
  });
});
