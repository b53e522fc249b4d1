import type { AppContext } from '../context.js';
import type { HandlerGroup } from '../handlers.js';
import { importShipments } from './import-shipments.js';

export type ImportCall = 'shipments.importCsv';

/** Bulk shipping from a spreadsheet: the file's bytes come in, a line-by-line report goes out. */
export function importHandlers(ctx: AppContext): HandlerGroup<ImportCall> {
  return {
    'shipments.importCsv': (input, actor) => importShipments(ctx, actor, input),
  };
}
