/**
 * Customer notifications: what each kind of message says (its content, snapshotted when the
 * change is committed, so the email tells the customer what happened then, and a preview shows
 * exactly what was or will be sent), the dedupe key that makes "once" hold, and the delivery
 * rules the sender follows (which failures are retried, when, and for how long).
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
// Delivery rules

/** What a failed delivery attempt means for the message. */
export type FailureClass =
  /** The server answered 4xx (greylisting, mailbox busy, rate limit): try this message again later. */
  | 'transient'
  /** The server answered 5xx, or the message can never be delivered as addressed: fail it now. */
  | 'permanent'
  /**
   * The server was never reached (offline, DNS, refused, timeout, TLS): nothing is wrong with the
   * message, so it keeps its attempts and the whole queue waits for the network instead.
   */
  | 'unreachable';

export interface DeliveryError {
  /** SMTP reply code, when the server answered. */
  responseCode?: number | undefined;
  /** Node / nodemailer error code (ECONNREFUSED, ETIMEDOUT, EENVELOPE, EAUTH...). */
  code?: string | undefined;
}

const UNREACHABLE_CODES = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EPIPE',
  'ETLS',
  'EPROXY',
  'EAUTH',
]);

/**
 * Sorts a failure into retry-later, fail-now or wait-for-the-network. A server's reply code
 * decides when there is one (RFC 5321: 4yz transient, 5yz permanent). EAUTH counts as
 * unreachable: wrong credentials stop every message alike, and burning each message's attempts
 * while someone fixes the settings would fail mail that is fine.
 */
export function classifyDeliveryError(error: DeliveryError): FailureClass {
  const reply = error.responseCode;
  if (reply !== undefined && reply >= 400 && reply < 500) return 'transient';
  if (reply !== undefined && reply >= 500 && reply < 600) return error.code === 'EAUTH' ? 'unreachable' : 'permanent';
  if (error.code === 'EENVELOPE' || error.code === 'EMESSAGE') return 'permanent';
  if (error.code !== undefined && UNREACHABLE_CODES.has(error.code)) return 'unreachable';
  // An error we can't place: retrying is safer than failing mail that would have gone.
  return 'transient';
}

/**
 * The same sorting for an SMS provider's HTTP reply (Twilio): 429 and 5xx are worth retrying,
 * 401/403 mean the credentials are wrong (every text alike, like EAUTH), any other 4xx means
 * this message can't be sent as it is (an invalid or unsubscribed number).
 */
export function classifySmsError(error: { status?: number | undefined; code?: string | undefined }): FailureClass {
  const status = error.status;
  if (status === undefined) return error.code !== undefined && UNREACHABLE_CODES.has(error.code) ? 'unreachable' : 'transient';
  if (status === 401 || status === 403) return 'unreachable';
  if (status === 429 || status >= 500) return 'transient';
  if (status >= 400) return 'permanent';
  return 'transient';
}

export interface RetryPolicy {
  /** Attempts a message gets (the first included) before a transient failure becomes final. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

/**
 * When to try again after `attempts` failed attempts: exponential backoff with full jitter
 * (so a queue that failed together doesn't retry together), or null once attempts are spent.
 * `random` is in [0, 1).
 */
export function nextAttemptDelay(attempts: number, policy: RetryPolicy, random: number): number | null {
  if (attempts >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const floor = Math.min(ceiling, policy.baseDelayMs / 2);
  return Math.round(floor + (ceiling - floor) * Math.min(Math.max(random, 0), 0.999_999));
}

/** How long to wait before probing again while the server can't be reached (capped: the desk should notice the network return soon). */
export function unreachableDelay(consecutive: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, Math.min(consecutive - 1, 10)));
}

// A deliberately strict shape: something a mail server would accept as a mailbox, ASCII only
// in the domain (IDN recipients would need punycode first), with no spaces, angle brackets,
// quotes or control characters that could bend an SMTP command or a header.
const EMAIL_PATTERN = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Null when `address` can be used as a recipient; otherwise why not, as a sentence. */
export function recipientProblem(address: string): string | null {
  if (address.trim() === '') return 'The customer has no email address.';
  if (address.length > 254) return 'The email address is longer than 254 characters.';
  if (!EMAIL_PATTERN.test(address)) return `"${address.slice(0, 80)}" is not a valid email address.`;
  const local = address.slice(0, address.lastIndexOf('@'));
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return `"${address.slice(0, 80)}" is not a valid email address.`;
  }
  return null;
}

// E.164: a plus, a country code and up to 15 digits in all. US only for now, like addresses.
const US_PHONE_DIGITS = /^\+?1?(\d{10})$/;

/** The customer's phone as E.164 (+1XXXXXXXXXX), or null when it isn't a US number we can text. */
export function smsNumber(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.replace(/[\s().-]/g, '');
  const match = US_PHONE_DIGITS.exec(digits);
  return match ? `+1${match[1]}` : null;
}

/**
 * Text for a header (subject, display name): control characters, CR and LF included, become
 * spaces, so no value can end a header line and start another. Length is capped for the same
 * reason mail clients cap it: nobody reads a 10,000-character subject.
 */
export function headerSafe(value: string, max = 200): string {
  const flat = value.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Past this many failed notifications the desk raises an alert, until someone retries or clears them. */
export const DEFAULT_FAILURE_ALERT_THRESHOLD = 3;

export function shouldAlert(failedCount: number, threshold: number): boolean {
  return threshold > 0 && failedCount >= threshold;
}
