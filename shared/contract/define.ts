import type { z } from 'zod';

/** What a caller must hold to make a call. Roles map to permissions in permissions.ts. */
export type Permission =
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

export interface CallDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Queries read; mutations change state through the write path (one transaction, event, outbox). */
  kind: 'query' | 'mutation';
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
