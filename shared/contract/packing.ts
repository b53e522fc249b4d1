import { z } from 'zod';
import { usAddressSchema } from '../domain/address.js';
import { idSchema, requiredTextSchema, textSchema } from './schemas.js';

const orderIdsSchema = z.array(idSchema).min(1).max(1000);

export const lookupInputSchema = z.object({ code: requiredTextSchema(100) }).strict();
export const lookupOutputSchema = z.object({ orderId: idSchema, number: z.string() });

export const claimInputSchema = z
  .object({
    orderId: idSchema,
    /** Take the order over from another station (after the person was warned). */
    takeOver: z.boolean().default(false),
  })
  .strict();

export const markDeliveredInputSchema = z
  .object({
    orderId: idSchema,
    /** One parcel; omitted means every parcel of the order not yet delivered. */
    shipmentId: z.uuid().optional(),
    notifyCustomer: z.boolean().default(true),
  })
  .strict();

export const bulkHoldInputSchema = z
  .object({ orderIds: orderIdsSchema, reason: requiredTextSchema(500, 'Give a reason for the hold.') })
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

/**
 * Where a long job running in main stands (a packing-slip batch, a CSV import): its progress
 * events and status answers have this shape, so one screen logic follows both.
 */
export const jobProgressSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
  error: z.string().nullable(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const slipJobSchema = jobProgressSchema;
export type SlipJob = JobProgress;

export const importRefSchema = z.object({ importId: z.uuid() }).strict();
/** shipments.importProgress: jobId is the importId; done counts lines applied or refused so far. */
export const importProgressSchema = jobProgressSchema;

export const slipStartInputSchema = z.object({ orderIds: orderIdsSchema }).strict();
export const slipJobRefSchema = z.object({ jobId: z.uuid() }).strict();
/** Where the finished PDF can be viewed: a URL for the renderer to open, or null when main opened it itself. */
export const slipOpenOutputSchema = z.object({ url: z.string().nullable() });

export const addressTypeSchema = z.enum(['billing', 'shipping']);

export const savedAddressSchema = z.object({
  id: idSchema,
  type: addressTypeSchema,
  label: z.string().nullable(),
  isDefault: z.boolean(),
  address: usAddressSchema,
});
export type SavedAddress = z.infer<typeof savedAddressSchema>;

export const customerRefSchema = z.object({ customerId: idSchema }).strict();

export const saveAddressInputSchema = z
  .object({
    customerId: idSchema,
    /** Omitted to add a new address. */
    addressId: idSchema.optional(),
    type: addressTypeSchema,
    label: textSchema(40).nullable().default(null),
    isDefault: z.boolean().default(false),
    /** Checked against the US rules in shared/domain/address (field-level errors). */
    address: z.unknown(),
  })
  .strict();

export const updateShippingAddressInputSchema = z
  .object({
    orderId: idSchema,
    address: z.unknown(),
    /** Also save it to the customer's address book as their default shipping address. */
    saveToCustomer: z.boolean().default(false),
    /** false = "don't email the customer" about the new address. */
    notifyCustomer: z.boolean().default(true),
  })
  .strict();

export const slipsProgressSchema = slipJobSchema;
