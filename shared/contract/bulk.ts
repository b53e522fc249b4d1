import { z } from 'zod';
import { defineCall, type EventDefinition } from './define.js';
import { holdReasonSchema, idSchema, jobProgressSchema, orderIdsSchema, requiredTextSchema } from './schemas.js';

export const bulkHoldInputSchema = z
  .object({ orderIds: orderIdsSchema, reason: holdReasonSchema })
  .strict();
export const bulkOrdersInputSchema = z.object({ orderIds: orderIdsSchema }).strict();

/** Per-order outcome of a bulk action: every order is applied whole or refused whole. */
export const bulkReportSchema = z.object({
  applied: z.array(z.object({ orderId: idSchema, number: z.string() })),
  refused: z.array(z.object({ orderId: idSchema, number: z.string().nullable(), code: z.string(), message: z.string() })),
});
export type BulkReport = z.infer<typeof bulkReportSchema>;

/** A CSV of order number, carrier, tracking number (and optional carrier name, tracking URL). */
export const importShipmentsInputSchema = z
  .object({
    fileName: requiredTextSchema(255),
    /** The file's raw bytes, base64: its encoding is checked in main, not assumed. */
    contentBase64: z.string().min(1).max(12 * 1024 * 1024),
    notifyCustomer: z.boolean().default(true),
    /**
     * Made by the client, so it can follow this import's progress events and cancel it before
     * the answer (the report) arrives. Without one the import can't be cancelled.
     */
    importId: z.uuid().optional(),
  })
  .strict();

export const IMPORT_ROW_STATUSES = ['applied', 'refused', 'not_reached'] as const;

export const importReportSchema = z.object({
  fileName: z.string(),
  rows: z.array(
    z.object({
      /** 1-based line in the file, header included. */
      line: z.number().int().positive(),
      orderNumber: z.string().nullable(),
      /** not_reached: the import was cancelled before this line; nothing was done with it. */
      status: z.enum(IMPORT_ROW_STATUSES),
      message: z.string(),
    }),
  ),
  applied: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  notReached: z.number().int().nonnegative(),
  /** Stopped by the person before the end: the lines after the last one applied or refused were not reached. */
  cancelled: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importRefSchema = z.object({ importId: z.uuid() }).strict();
/** shipments.importProgress: jobId is the importId; done counts lines applied or refused so far. */
export const importProgressSchema = jobProgressSchema;

export const bulkCalls = {
  /** Hold many orders; each is applied whole or refused with its reason. */
  'orders.bulkHold': defineCall({
    kind: 'mutation',
    input: bulkHoldInputSchema,
    output: bulkReportSchema,
    permission: 'orders.hold',
  }),
  'orders.bulkRelease': defineCall({
    kind: 'mutation',
    input: bulkOrdersInputSchema,
    output: bulkReportSchema,
    permission: 'orders.hold',
  }),
  /** Mark orders shipped from a CSV (order number, carrier, tracking number); a report row per line. */
  'shipments.importCsv': defineCall({
    kind: 'mutation',
    input: importShipmentsInputSchema,
    output: importReportSchema,
    permission: 'orders.fulfill',
    maxInputBytes: 16 * 1024 * 1024,
  }),
  /** Stop a running import after the slice of lines it is in; its answer then reports the lines not reached. */
  'shipments.importCancel': defineCall({
    kind: 'local',
    input: importRefSchema,
    output: importProgressSchema,
    permission: 'orders.fulfill',
  }),
} as const;

export const bulkEvents = {
  /** A CSV import moved on (lines applied or refused so far), or ended. */
  'shipments.importProgress': { payload: importProgressSchema },
} as const satisfies Record<string, EventDefinition>;
