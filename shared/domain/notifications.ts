/**
 * Customer notifications: what each kind of message says (its content, snapshotted when the
 * change is committed, so the email tells the customer what happened then, and a preview shows
 * exactly what was or will be sent), the dedupe key that makes "once" hold, and the one
 * settings rule the form and main both run (where the saved SMTP password may go). The sender's
 * own rules (error sorting, retries, recipients) live in electron/main/services/notifications.
 */
import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  'order_confirmation',
  'fulfillment_update',
  'shipped',
  'delivered',
  'cancellation_approved',
  'cancellation_rejected',
  'return_approved',
  'return_rejected',
  'refund_issued',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_STATUSES = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Free text from customers or staff: bounded so a pasted novel can't make a 10 MB email. */
const text = (max: number) => z.string().max(max);
const cents = z.number().int().nonnegative();

const lineSchema = z.object({
  title: text(500),
  sku: text(200),
  quantity: z.number().int().positive(),
});

const addressSchema = z.object({
  name: text(200),
  street: text(300),
  street2: text(300).nullable(),
  city: text(200),
  state: text(50),
  zip: text(20),
});

/** What every message carries: whose order, and which shops it came from. */
const common = {
  orderNumber: text(40),
  customerName: text(200),
  storeNames: z.array(text(200)).max(50),
};

export const notificationContentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('order_confirmation'),
    ...common,
    placedAt: z.number().int(),
    items: z.array(lineSchema.extend({ unitPriceCents: cents })).max(1000),
    subtotalCents: cents,
    shippingCents: cents,
    taxCents: cents,
    discountCents: cents,
    totalCents: cents,
    shippingMethod: text(200).nullable(),
    shippingAddress: addressSchema.nullable(),
  }),
  z.object({
    kind: z.literal('fulfillment_update'),
    ...common,
    /** One plain sentence about what changed (a corrected address, a delay); staff-written or ours. */
    headline: text(300),
    message: text(4000).nullable(),
    shippingAddress: addressSchema.nullable(),
  }),
  z.object({
    kind: z.literal('shipped'),
    ...common,
    carrierName: text(200),
    trackingNumber: text(100),
    /** Always https: built by the tracking rules, or checked when staff give one for "other". */
    trackingUrl: z.url({ protocol: /^https$/ }),
    items: z.array(lineSchema).max(1000),
    /** True when more of the order is still to come in another parcel. */
    partial: z.boolean(),
    estimatedDelivery: text(40).nullable(),
  }),
  z.object({
    kind: z.literal('delivered'),
    ...common,
    /** Every parcel has arrived (false: one of several did). */
    orderDelivered: z.boolean(),
    parcels: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('cancellation_approved'),
    ...common,
    reason: text(2000),
    refundCents: cents.nullable(),
  }),
  z.object({
    kind: z.literal('cancellation_rejected'),
    ...common,
    reason: text(2000),
  }),
  z.object({
    kind: z.literal('return_approved'),
    ...common,
    items: z.array(lineSchema).max(1000),
    instructions: text(4000).nullable(),
    refundCents: cents.nullable(),
  }),
  z.object({
    kind: z.literal('return_rejected'),
    ...common,
    items: z.array(lineSchema).max(1000),
    reason: text(2000),
  }),
  z.object({
    kind: z.literal('refund_issued'),
    ...common,
    amountCents: cents.refine((value) => value > 0, 'a refund is more than zero'),
    /** Refunded so far on this order, this refund included. */
    totalRefundedCents: cents,
    reason: text(2000).nullable(),
  }),
]);

export type NotificationContent = z.infer<typeof notificationContentSchema>;
export type ContentOf<K extends NotificationKind> = Extract<NotificationContent, { kind: K }>;

/**
 * The dedupe key names the change, not the attempt: a mutation replayed after a crash, a
 * double-click or a sync retry produces the same key, and the unique index keeps one row.
 */
export const dedupeKeys = {
  orderConfirmation: (orderId: number, resend: string | null = null) =>
    resend === null ? `order_confirmation:${orderId}` : `order_confirmation:${orderId}:resend:${resend}`,
  fulfillmentUpdate: (orderId: number, changeId: string) => `fulfillment_update:${orderId}:${changeId}`,
  shipped: (orderId: number, shipmentId: string) => `shipped:${orderId}:${shipmentId}`,
  shippedSms: (orderId: number, shipmentId: string) => `shipped_sms:${orderId}:${shipmentId}`,
  /** `parcels`: the ids of the parcels the email reports, sorted and comma-separated. */
  delivered: (orderId: number, parcels: string) => `delivered:${orderId}:${parcels}`,
  cancellation: (orderId: number, requestId: number) => `cancellation:${orderId}:${requestId}`,
  returnDecision: (orderId: number, requestId: number) => `return:${orderId}:${requestId}`,
  refund: (orderId: number, refundId: number) => `refund:${orderId}:${refundId}`,
} as const;

// ---------------------------------------------------------------------------------------------
// Settings: the rule the settings form runs as the person types, and main runs on save.

/** The mail settings that decide who receives the password, and how it travels. */
export interface PasswordDestination {
  host: string;
  port: number;
  security: string;
  user: string | null;
}

/** What is saved now, as far as the rules need to know. */
export interface SavedSettingsFacts {
  mail: PasswordDestination | null;
  hasSmtpPassword: boolean;
  hasTwilioToken: boolean;
}

/** What differs between where the password was saved for and where it would go now. */
function serverChanges(saved: PasswordDestination, next: PasswordDestination): string[] {
  const changes: string[] = [];
  if (saved.host.toLowerCase() !== next.host.toLowerCase()) changes.push('server');
  if (saved.port !== next.port) changes.push('port');
  if (saved.security !== next.security) changes.push('security');
  if (saved.user !== next.user) changes.push('user name');
  return changes;
}

/**
 * The saved password only ever goes to the exact server it was saved for: pointed at another
 * host it would hand the secret to whoever runs that host, and moved to another port or to
 * `security: none` it could cross the network in clear text. Any change of host, port,
 * security or user means it must be typed again.
 * Null when the password may be used; otherwise the sentence for the password field.
 * `newPassword` undefined or null means "use the saved one".
 */
export function savedPasswordProblem(next: PasswordDestination, newPassword: string | null | undefined, saved: SavedSettingsFacts): string | null {
  if (newPassword !== undefined && newPassword !== null) return null;
  if (!saved.hasSmtpPassword || next.user === null) return null;
  const changes = saved.mail === null ? ['server'] : serverChanges(saved.mail, next);
  if (changes.length === 0) return null;
  return (
    `Enter the password again: the server settings changed (${changes.join(', ')}). ` +
    `The saved password is only sent to the server and user it was saved for. Type it again to use it with ${next.host.slice(0, 80)}:${next.port}.`
  );
}
