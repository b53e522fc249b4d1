import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OrderStore } from '../../../../db/store.js';

/** A finished PDF on this machine. */
export interface FinishedPdf {
  jobId: string;
  filePath: string;
}

/**
 * Shows a finished PDF to the person at the desk. The desktop app opens it in the system's PDF
 * viewer (platform/printouts.ts) and answers url: null; the web host answers a URL the browser
 * opens, served by its token-checked file route.
 */
export interface Printouts {
  show(pdf: FinishedPdf): { url: string | null };
}

/** Where the web host serves finished slip batches: <prefix><jobId>.pdf. */
export const SLIP_FILES_PATH = '/api/files/slips/';

/** The Node default (tests, web host): a path on the web host; the host adds its session token. */
export const webPrintouts: Printouts = {
  show: ({ jobId }) => ({ url: `${SLIP_FILES_PATH}${jobId}.pdf` }),
};

/**
 * Slip PDFs are prints, not records: outside the desktop app (which keeps them under userData)
 * they go to the temp folder, one folder per database so two desks never share jobs.
 */
export function defaultSlipsDir(store: OrderStore): string {
  const key = store.sqlite.memory ? `memory-${process.pid}` : createHash('sha256').update(path.resolve(store.sqlite.name)).digest('hex').slice(0, 16);
  return path.join(tmpdir(), 'order-desk-slips', key);
}
