import { z } from 'zod';
import { defineCall } from './define.js';
import { idSchema, sessionSchema } from './schemas.js';

const epochMs = z.number().int().nonnegative();

/**
 * Where this desk stands with its shop backend. `connection` is what the header shows:
 * - 'local': the offline demo store, no backend (labelled as a demo);
 * - 'signed_out': a backend is known but nobody is signed in (or the token expired / was revoked:
 *   `needsSignIn`), the outbox is kept;
 * - 'online' / 'offline' / 'syncing': signed in, and whether the backend answers.
 */
export const syncStatusSchema = z.object({
  connection: z.enum(['local', 'signed_out', 'online', 'offline', 'syncing']),
  serverUrl: z.string().nullable(),
  /** Changes made at this desk the backend hasn't confirmed yet, and when the oldest was made. */
  pending: z.number().int().nonnegative(),
  oldestPendingAt: epochMs.nullable(),
  lastSyncedAt: epochMs.nullable(),
  /** The first download of the store, while it runs (or was interrupted and will resume). */
  firstPull: z
    .object({ received: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable(), etaMs: z.number().nullable() })
    .nullable(),
  /** Changes the backend refused, kept for people to see (sync.rejections). */
  rejections: z.number().int().nonnegative(),
  /** Pulled rows that didn't parse and were set aside. */
  quarantined: z.number().int().nonnegative(),
  /** The token expired or was revoked: show the sign-in screen, keep the outbox. */
  needsSignIn: z.boolean(),
  /** The last failure in words, for the sync panel (never a token or password). */
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncRejectionSchema = z.object({
  mutationId: z.string(),
  /** What the person did, in words ("Ship order #1042"). */
  summary: z.string(),
  orderId: idSchema.nullable(),
  orderNumber: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  madeAt: epochMs,
  madeBy: z.string(),
  rejectedAt: epochMs,
});
export type SyncRejection = z.infer<typeof syncRejectionSchema>;

export const signInInputSchema = z
  .object({
    serverUrl: z
      .string()
      .trim()
      .max(500)
      .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), 'Enter the backend address, starting with https:// (or http:// on this computer).'),
    email: z.string().trim().toLowerCase().email('Enter your work email address.').max(254),
    password: z.string().min(1, 'Enter your password.').max(1024),
  })
  .strict();

export const syncCalls = {
  /**
   * Public: the sign-in screen shown after a sign-out (or before the first sign-in) reads it too,
   * for the changes still waiting in the outbox and the backend last used.
   */
  'sync.status': defineCall({
    kind: 'query',
    input: z.object({}).strict().default({}),
    output: syncStatusSchema,
    permission: 'public',
  }),
  /** Push and pull now instead of waiting for the next round. */
  'sync.now': defineCall({
    kind: 'local',
    input: z.object({}).strict().default({}),
    output: syncStatusSchema,
    permission: 'orders.read',
  }),
  /** Changes the backend refused, newest first; with orderId, only that order's. */
  'sync.rejections': defineCall({
    kind: 'query',
    input: z.object({ orderId: idSchema.optional() }).strict().default({}),
    output: z.array(syncRejectionSchema),
    permission: 'orders.read',
  }),
  /** Signs in against a shop backend; the signed-in person becomes the actor of every change. */
  'session.signIn': defineCall({
    kind: 'local',
    input: signInInputSchema,
    output: sessionSchema,
    permission: 'public',
  }),
  /** Signs out; changes not yet pushed stay in the outbox under their author's name. */
  'session.signOut': defineCall({
    kind: 'local',
    input: z.object({}).strict().default({}),
    output: z.object({ signedOut: z.literal(true) }),
    permission: 'public',
  }),
  /**
   * Leaves the backend's store for the offline demo store (labelled a demo). The backend's store
   * file and its outbox are kept: signing in again picks them up.
   */
  'session.useDemo': defineCall({
    kind: 'local',
    input: z.object({}).strict().default({}),
    output: sessionSchema,
    permission: 'public',
  }),
} as const;

export const syncEvents = {
  'sync.changed': { payload: syncStatusSchema },
} as const;
