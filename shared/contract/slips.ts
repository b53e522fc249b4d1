import { z } from 'zod';
import { defineCall, type EventDefinition } from './define.js';
import { jobProgressSchema, orderIdsSchema, type JobProgress } from './schemas.js';

export const slipJobSchema = jobProgressSchema;
export type SlipJob = JobProgress;

export const slipStartInputSchema = z.object({ orderIds: orderIdsSchema }).strict();
export const slipJobRefSchema = z.object({ jobId: z.uuid() }).strict();
/** Where the finished PDF can be viewed: a URL for the renderer to open, or null when main opened it itself. */
export const slipOpenOutputSchema = z.object({ url: z.string().nullable() });

export const slipsProgressSchema = slipJobSchema;

export const slipCalls = {
  /** Start rendering packing slips for many orders into one PDF; progress arrives as slips.progress. */
  'slips.start': defineCall({
    kind: 'local',
    input: slipStartInputSchema,
    output: slipJobSchema,
    permission: 'orders.read',
  }),
  'slips.status': defineCall({
    kind: 'query',
    input: slipJobRefSchema,
    output: slipJobSchema,
    permission: 'orders.read',
  }),
  'slips.cancel': defineCall({
    kind: 'local',
    input: slipJobRefSchema,
    output: slipJobSchema,
    permission: 'orders.read',
  }),
  /** Show a finished batch for printing. */
  'slips.open': defineCall({
    kind: 'query',
    input: slipJobRefSchema,
    output: slipOpenOutputSchema,
    permission: 'orders.read',
  }),
} as const;

export const slipEvents = {
  /** A packing-slip batch moved on (or finished, failed, was cancelled). */
  'slips.progress': { payload: slipsProgressSchema },
} as const satisfies Record<string, EventDefinition>;
