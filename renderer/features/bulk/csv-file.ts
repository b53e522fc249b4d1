import type { ImportReport } from '../../../shared/contract/index.js';

/**
 * The biggest file the import takes: its base64 must fit the contract's 12 MiB contentBase64.
 * Checked before reading, so a huge file is refused at once instead of freezing the screen.
 */
export const MAX_CSV_BYTES = 9 * 1024 * 1024;

/** Main's limit on data lines per import (it refuses a bigger file whole, with this number). */
export const MAX_IMPORT_LINES = 20_000;

/** The columns, in order, as the dialog documents them. */
export const CSV_COLUMNS: { name: string; required: boolean; what: string }[] = [
  { name: 'order_number', required: true, what: 'The order number, as on the packing slip (SH-1043912).' },
  { name: 'carrier', required: true, what: 'UPS, USPS, FedEx, DHL or Other (any case).' },
  { name: 'tracking_number', required: true, what: 'Checked like a typed one: a wrong check digit is refused.' },
  { name: 'carrier_name', required: false, what: 'For Other only: the carrier’s name.' },
  { name: 'tracking_url', required: false, what: 'For Other only: the https link to follow the parcel.' },
];

/** A file people can start from: one row per carrier, including an "other" one. */
export const EXAMPLE_CSV = [
  CSV_COLUMNS.map((c) => c.name).join(','),
  'SH-1043912,ups,1Z999AA10123456784,,',
  'SH-1043913,usps,9400111202555842332669,,',
  'SH-1043914,fedex,449044304137821,,',
  'SH-1043915,dhl,3318810025,,',
  'SH-1043916,other,BK-000123,Bike Courier Co,https://track.example.com/BK-000123',
].join('\r\n') + '\r\n';

/**
 * Raw bytes as base64, in slices: String.fromCharCode over a whole 9 MB file would overflow the
 * call stack, and no text decoding happens here because main checks the encoding.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

/** Why a picked file can't be sent, as a sentence; null when it can. */
export function checkPickedFile(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_CSV_BYTES) {
    const mb = (file.size / (1024 * 1024)).toFixed(1);
    return `“${file.name}” is ${mb} MB; the import takes files up to ${MAX_CSV_BYTES / (1024 * 1024)} MB. Split it into smaller files.`;
  }
  return null;
}

export type ReportFilter = 'all' | 'refused';

export function filterReportRows(report: ImportReport, filter: ReportFilter): ImportReport['rows'] {
  return filter === 'all' ? report.rows : report.rows.filter((row) => row.status === 'refused');
}
