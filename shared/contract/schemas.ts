import { z } from 'zod';
import { HOLD_REASON_MAX } from '../domain/hold.js';
import { charCount, trimInvisible } from '../domain/text.js';
import { CARRIERS } from '../domain/tracking.js';
import { ORDER_STATUSES } from '../domain/order-status.js';
import { PAYMENT_STATUSES } from '../domain/payment.js';
import { QUEUES } from '../domain/queue.js';

/** Database ids are positive safe integers; anything else is refused before a query runs. */
export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const uuidSchema = z.uuid();

/**
 * Free text, trimmed of whitespace and invisible characters at both ends (trim() keeps U+0085 and
 * U+200B, so "\u200B" would pass as a note). A text of only such characters becomes ''.
 */
export const textSchema = (max: number) => z.string().overwrite(trimInvisible).max(max);
/** Text that must show something: blank or invisible-only text is refused with `emptyMessage`. */
export const requiredTextSchema = (max: number, emptyMessage?: string) =>
  z.string().overwrite(trimInvisible).min(1, emptyMessage).max(max);
/**
 * A hold reason, limited in characters as people count them (checkPlaceHold's rule), not in
 * UTF-16 units: 300 emoji fit in the renderer's box, so main must accept them too. The unit cap
 * only bounds the request.
 */
export const holdReasonSchema = requiredTextSchema(HOLD_REASON_MAX * 2, 'Give a reason for the hold.').refine(
  (text) => charCount(text) <= HOLD_REASON_MAX,
  `At most ${HOLD_REASON_MAX} characters.`,
);

const epochMs = z.number().int().nonnegative();
const cents = z.number().int().nonnegative();

export const fulfillmentStatusSchema = z.enum(['unfulfilled', 'partially_fulfilled', 'fulfilled']);
export const orderStatusSchema = z.enum(ORDER_STATUSES);
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export const queueSchema = z.enum(QUEUES);
export const carrierSchema = z.enum(CARRIERS);

export const storeSummarySchema = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
});
export type StoreSummary = z.infer<typeof storeSummarySchema>;

export const sessionSchema = z.object({
  user: z.object({ id: idSchema, name: z.string(), email: z.string(), role: z.enum(['seller', 'admin']) }),
  stores: z.array(storeSummarySchema),
  station: z.object({ id: z.string(), name: z.string() }),
  demo: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

/** The queue tabs people see; each maps to one or more stored queues. */
export const QUEUE_VIEWS = ['to_pack', 'shipped', 'on_hold', 'awaiting_payment', 'closed', 'all'] as const;
export const queueViewSchema = z.enum(QUEUE_VIEWS);
export type QueueView = z.infer<typeof queueViewSchema>;

export const orderListInputSchema = z
  .object({
    view: queueViewSchema.default('to_pack'),
    storeId: idSchema.optional(),
    /** Only orders placed at least this many days ago ("older than"). */
    minAgeDays: z.number().int().min(0).max(3650).optional(),
    search: requiredTextSchema(200).optional(),
    sort: z.enum(['oldest', 'newest']).default('oldest'),
    /** Opaque keyset cursor from the previous page's nextCursor. */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type OrderListInput = z.input<typeof orderListInputSchema>;

/** An order's state as every screen shows it: the three status dimensions, its queue and hold. */
const orderStateShape = {
  status: orderStatusSchema,
  fulfillmentStatus: fulfillmentStatusSchema,
  paymentStatus: paymentStatusSchema,
  queue: queueSchema,
  onHold: z.boolean(),
  holdReason: z.string().nullable(),
};

export const queueRowSchema = z.object({
  id: idSchema,
  number: z.string(),
  customerName: z.string(),
  customerEmail: z.string(),
  ...orderStateShape,
  placedAt: epochMs,
  /** The whole order's total, or for a seller who shares the order, their items' share of it (moneyScope). */
  totalCents: cents,
  moneyScope: z.enum(['order', 'own_items']),
  itemCount: z.number().int().nonnegative(),
  storeNames: z.array(z.string()),
  shipToState: z.string().nullable(),
  /**
   * The station packing it right now, if any (fresh claims only, and for a seller only claims on
   * their own stores). expiresAt: when the claim lapses unless renewed, so a list can look again then.
   */
  claimedBy: z.object({ stationName: z.string(), userName: z.string(), mine: z.boolean(), expiresAt: epochMs }).nullable(),
  /** Changes made at this desk that the shop backend hasn't confirmed yet (the "unsynced" badge). */
  unsynced: z.boolean(),
});
export type QueueRow = z.infer<typeof queueRowSchema>;

export const orderListOutputSchema = z.object({
  rows: z.array(queueRowSchema),
  nextCursor: z.string().nullable(),
});
export type OrderListOutput = z.infer<typeof orderListOutputSchema>;

export const addressSnapshotSchema = z.object({
  name: z.string(),
  street: z.string(),
  street2: z.string().nullable().optional(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.literal('US'),
  phone: z.string().nullable().optional(),
});
export type AddressSnapshot = z.infer<typeof addressSnapshotSchema>;

export const orderItemViewSchema = z.object({
  id: idSchema,
  storeId: idSchema,
  storeName: z.string(),
  title: z.string(),
  sku: z.string(),
  barcode: z.string().nullable(),
  isDigital: z.boolean(),
  quantity: z.number().int().positive(),
  unitPriceCents: cents,
  packedQuantity: z.number().int().nonnegative(),
  fulfilledQuantity: z.number().int().nonnegative(),
  returnedQuantity: z.number().int().nonnegative(),
});
export type OrderItemView = z.infer<typeof orderItemViewSchema>;

export const shipmentViewSchema = z.object({
  id: z.string(),
  storeId: idSchema,
  carrier: z.string(),
  carrierName: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string(),
  method: z.string().nullable(),
  shippedAt: epochMs,
  deliveredAt: epochMs.nullable(),
  items: z.array(z.object({ orderItemId: idSchema, quantity: z.number().int().positive() })),
});
export type ShipmentView = z.infer<typeof shipmentViewSchema>;

export const orderEventViewSchema = z.object({
  id: idSchema,
  at: epochMs,
  actorName: z.string(),
  stationName: z.string().nullable(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type OrderEventView = z.infer<typeof orderEventViewSchema>;

/** Who is packing an order, while the claim is fresh. */
export const claimSchema = z.object({
  stationId: z.string(),
  stationName: z.string(),
  userName: z.string(),
  claimedAt: epochMs,
  expiresAt: epochMs,
  /** True when the claim is this caller's own station. */
  mine: z.boolean(),
});
export type Claim = z.infer<typeof claimSchema>;

export const orderDetailSchema = z.object({
  id: idSchema,
  number: z.string(),
  ...orderStateShape,
  customer: z.object({ id: idSchema, name: z.string(), email: z.string(), phone: z.string().nullable() }),
  billingAddress: addressSnapshotSchema,
  shippingAddress: addressSnapshotSchema.nullable(),
  shippingMethod: z.string().nullable(),
  /**
   * scope 'order': the whole order's money (an admin, or a seller who runs every store on it).
   * 'own_items': a seller who shares the order sees their items' share of subtotal, discount, tax
   * and total (shared/domain/money-share.ts); shipping and the payment are the order's, so null.
   */
  money: z.object({
    currency: z.literal('USD'),
    scope: z.enum(['order', 'own_items']),
    subtotalCents: cents,
    shippingCents: cents.nullable(),
    taxCents: cents,
    discountCents: cents,
    totalCents: cents,
    capturedCents: cents.nullable(),
    refundedCents: cents.nullable(),
  }),
  customerNote: z.string().nullable(),
  estimatedDeliveryDate: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  placedAt: epochMs,
  paidAt: epochMs.nullable(),
  shippedAt: epochMs.nullable(),
  deliveredAt: epochMs.nullable(),
  cancelledAt: epochMs.nullable(),
  items: z.array(orderItemViewSchema),
  /** Items from other sellers' stores in the same order, hidden from a seller. */
  hiddenItemCount: z.number().int().nonnegative(),
  shipments: z.array(shipmentViewSchema),
  events: z.array(orderEventViewSchema),
  claim: claimSchema.nullable(),
  /** Changes made at this desk that the shop backend hasn't confirmed yet (the "unsynced" badge). */
  unsynced: z.boolean(),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

export const orderRefSchema = z.object({ orderId: idSchema }).strict();

/** Many orders at once (bulk actions, packing-slip batches). */
export const orderIdsSchema = z.array(idSchema).min(1).max(1000);

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
