import { z } from 'zod';
import { defineCall } from './define.js';
import { sessionSchema, storeSummarySchema } from './schemas.js';

export const sessionCalls = {
  /** Who is signed in at this desk, their stores and this station. */
  'session.get': defineCall({
    kind: 'query',
    input: z.object({}).strict().default({}),
    output: sessionSchema,
    permission: 'orders.read',
  }),
  /** The stores this caller may see (all for an admin). */
  'stores.list': defineCall({
    kind: 'query',
    input: z.object({}).strict().default({}),
    output: z.array(storeSummarySchema),
    permission: 'orders.read',
  }),
} as const;
