import type { z } from 'zod';

/** What a caller must hold to make a call. Roles map to permissions in permissions.ts. */
export type Permission =
  /** Anyone at the desk, signed in or not (signing in, signing out). */
  | 'public'
  | 'orders.read'
  | 'orders.fulfill'
  | 'orders.hold'
  | 'orders.note'
  | 'customers.manage'
  /** See customer notifications (within store scope) and previews of them. */
  | 'notifications.read'
  /** Put failed notifications back in the queue; resend an order confirmation. */
  | 'notifications.retry'
  /** The desk's own settings (SMTP, SMS, alert threshold): admins only. */
  | 'settings.manage';

/**
 * What a call may do, enforced by main's dispatcher. Queries read. Mutations are synced changes:
 * they go through the write path (one transaction, timeline events, an outbox row for the shop
 * backend). Local calls act on this desk alone (a packing-slip batch, the desk's own settings,
 * a test email) and never reach the write path, so nothing of theirs is synced.
 */
export type CallKind = 'query' | 'mutation' | 'local';

export interface CallDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: CallKind;
  input: I;
  output: O;
  permission: Permission;
  /** Raised for calls that carry files (CSV import); everything else keeps the default cap. */
  maxInputBytes?: number;
}

export const defineCall = <I extends z.ZodType, O extends z.ZodType>(definition: CallDefinition<I, O>) => definition;

export interface EventDefinition<P extends z.ZodType = z.ZodType> {
  payload: P;
}
