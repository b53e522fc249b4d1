import { z } from 'zod';
import type { CallName } from './index.js';
import { usAddressSchema } from '../domain/address.js';
import {
  carrierSchema,
  fulfillmentStatusSchema,
  idSchema,
  orderStatusSchema,
  paymentStatusSchema,
  uuidSchema,
} from './schemas.js';

/**
 * The wire protocol between a desk and the shop backend (server/): push, pull, poke, reset, staff
 * sign-in and the storefront calls. Server-authoritative named mutations after Replicache: a desk
 * records each change as a named mutation in its outbox, pushes them in order, and pulls the
 * server's rows back; what it shows is the server's state plus its own pending mutations.
 *
 * Both sides parse every body with these schemas. Breaking changes get a new PROTOCOL_VERSION.
 */
export const PROTOCOL_VERSION = 1;

const epochMs = z.number().int().nonnegative();
const cents = z.number().int().nonnegative();
/** A server version: a global counter the server moves once per committed write, in commit order. */
const versionSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

// ---------------------------------------------------------------- mutations

/**
 * Each synced mutation's name (as the desk's write path records it in the outbox) and the desk
 * call whose parsed input is its args. The server parses args with that call's input schema, so
 * both sides agree on what a mutation may carry.
 */
export const SYNCED_MUTATIONS = {
  'order.ship@1': 'orders.ship',
  'order.markPacked@1': 'orders.markPacked',
  'order.placeHold@1': 'orders.placeHold',
  'order.releaseHold@1': 'orders.releaseHold',
  'order.addNote@1': 'orders.addNote',
  'order.markDelivered@1': 'orders.markDelivered',
  'order.updateShippingAddress@1': 'orders.updateShippingAddress',
  'order.resendConfirmation@1': 'orders.resendConfirmation',
  'notification.retry@1': 'notifications.retry',
  'customer.saveAddress@1': 'customers.saveAddress',
} as const satisfies Record<string, CallName>;
export type SyncedMutationName = keyof typeof SYNCED_MUTATIONS;
export const isSyncedMutationName = (name: string): name is SyncedMutationName => Object.hasOwn(SYNCED_MUTATIONS, name);

export const mutationSchema = z
  .object({
    /** Made by the desk (a UUID); the server applies an id at most once per client. */
    id: uuidSchema,
    /** Unknown names are answered rejected(UNKNOWN_MUTATION), not refused as a malformed body. */
    name: z.string().min(1).max(100),
    args: z.unknown(),
    /** The desk's clock when the change was made: informational only, the server orders changes. */
    at: epochMs,
    /**
     * Who made the change at the desk (a server user id); the token's user when omitted. A shared
     * packing station pushes its colleagues' pending changes under their names after someone else
     * signs in: the server accepts an author other than the token's user only when that author is
     * active staff who could do no more than the token's user (a role no higher, stores all among
     * the token user's), so nobody borrows rights they lack; it records both (made by the author,
     * pushed by the token's user) and applies the rules as the author.
     */
    authorId: idSchema.optional(),
  })
  .strict();
export type PushedMutation = z.infer<typeof mutationSchema>;

export const MAX_PUSH_MUTATIONS = 1000;

export const pushRequestSchema = z
  .object({
    protocol: z.literal(PROTOCOL_VERSION).default(PROTOCOL_VERSION),
    /** One per desk store file (a UUID kept in its sync_state). */
    clientId: uuidSchema,
    mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_MUTATIONS),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationOutcomeSchema = z.discriminatedUnion('status', [
  /** Applied (now or by an earlier push of the same id); its effects are in rows at `version`. */
  z.object({ id: uuidSchema, status: z.literal('applied'), version: versionSchema }),
  /** Refused by a business rule; nothing was changed. The desk drops it and shows the reason. */
  z.object({ id: uuidSchema, status: z.literal('rejected'), code: z.string(), message: z.string() }),
  /** Applied with a conflict the server recorded (issue "Sync that holds" adds the inbox). */
  z.object({ id: uuidSchema, status: z.literal('conflict'), code: z.string(), message: z.string(), version: versionSchema }),
]);
export type MutationOutcome = z.infer<typeof mutationOutcomeSchema>;

export const pushResponseSchema = z.object({ outcomes: z.array(mutationOutcomeSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------- rows a desk pulls

export const customerDocSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  smsConsent: z.boolean(),
});

export const itemDocSchema = z.object({
  id: idSchema,
  storeId: idSchema,
  productId: idSchema.nullable(),
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
export type ItemDoc = z.infer<typeof itemDocSchema>;

export const shipmentDocSchema = z.object({
  id: uuidSchema,
  storeId: idSchema,
  carrier: carrierSchema,
  carrierName: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string(),
  method: z.string().nullable(),
  shippedAt: epochMs,
  deliveredAt: epochMs.nullable(),
  createdBy: idSchema,
  stationId: z.string(),
  items: z.array(z.object({ itemId: idSchema, quantity: z.number().int().positive() })),
});
export type ShipmentDoc = z.infer<typeof shipmentDocSchema>;

/** A timeline entry; storeId null means it is about the whole order. */
export const eventDocSchema = z.object({
  id: idSchema,
  at: epochMs,
  actorId: idSchema.nullable(),
  actorName: z.string(),
  stationId: z.string().nullable(),
  stationName: z.string().nullable(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
  storeId: idSchema.nullable(),
});
export type EventDoc = z.infer<typeof eventDocSchema>;

export const cancellationRequestDocSchema = z.object({
  id: z.string().min(1).max(100),
  /** The customer who asked. */
  requestedBy: idSchema,
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: idSchema.nullable(),
  decidedAt: epochMs.nullable(),
  decisionNote: z.string().nullable(),
  createdAt: epochMs,
});

export const returnRequestDocSchema = z.object({
  id: z.string().min(1).max(100),
  requestedBy: idSchema,
  reason: z.string(),
  description: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'completed']),
  refundCents: cents.nullable(),
  decidedBy: idSchema.nullable(),
  decidedAt: epochMs.nullable(),
  decisionNote: z.string().nullable(),
  completedAt: epochMs.nullable(),
  createdAt: epochMs,
  items: z.array(z.object({ itemId: idSchema, quantity: z.number().int().positive() })).min(1),
});

/**
 * One order as a desk receives it, already cut to the reader's scope: a seller's copy of a
 * marketplace order holds only their stores' items, parcels and timeline entries (plus
 * whole-order ones), and money shares rather than the other stores' lines.
 */
export const orderDocSchema = z.object({
  id: idSchema,
  number: z.string(),
  storeIds: z.array(idSchema).min(1),
  customer: customerDocSchema,
  status: orderStatusSchema,
  fulfillmentStatus: fulfillmentStatusSchema,
  paymentStatus: paymentStatusSchema,
  onHold: z.boolean(),
  holdReason: z.string().nullable(),
  heldAt: epochMs.nullable(),
  heldBy: idSchema.nullable(),
  billingAddress: usAddressSchema,
  shippingAddress: usAddressSchema.nullable(),
  shippingMethod: z.string().nullable(),
  currency: z.literal('USD'),
  subtotalCents: cents,
  shippingCents: cents,
  taxCents: cents,
  discountCents: cents,
  totalCents: cents,
  capturedCents: cents,
  refundedCents: cents,
  paymentFailed: z.boolean(),
  stripePaymentIntentId: z.string().nullable(),
  customerNote: z.string().nullable(),
  estimatedDeliveryDate: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  cancelledAt: epochMs.nullable(),
  cancelledBy: idSchema.nullable(),
  placedAt: epochMs,
  paidAt: epochMs.nullable(),
  fulfilledAt: epochMs.nullable(),
  shippedAt: epochMs.nullable(),
  deliveredAt: epochMs.nullable(),
  items: z.array(itemDocSchema).min(1),
  shipments: z.array(shipmentDocSchema),
  events: z.array(eventDocSchema),
  cancellationRequests: z.array(cancellationRequestDocSchema),
  /** A seller's copy holds only the requests about their stores' items. */
  returnRequests: z.array(returnRequestDocSchema),
});
export type OrderDoc = z.infer<typeof orderDocSchema>;

export const storeDocSchema = z.object({ id: idSchema, slug: z.string(), name: z.string() });
export type StoreDoc = z.infer<typeof storeDocSchema>;

/** A member of staff the reader may see (themselves, and the people of their stores). */
export const staffDocSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  role: z.enum(['seller', 'admin']),
  storeIds: z.array(idSchema),
});
export type StaffDoc = z.infer<typeof staffDocSchema>;

/**
 * A pulled row: the entity as it is at `version`, or a tombstone (the entity is gone, or has left
 * the reader's scope). `data` stays unknown on the wire: the desk parses each row on its own and
 * quarantines one that doesn't parse, instead of failing the page.
 */
export const pulledRowSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), type: z.enum(['order', 'store', 'staff']), id: idSchema, version: versionSchema, data: z.unknown() }),
  z.object({ op: z.literal('del'), type: z.enum(['order', 'store', 'staff']), id: idSchema, version: versionSchema }),
]);
export type PulledRow = z.infer<typeof pulledRowSchema>;

export const pulledDataSchemas = { order: orderDocSchema, store: storeDocSchema, staff: staffDocSchema } as const;

export const MAX_PULL_PAGE = 5000;

export const pullRequestSchema = z
  .object({
    protocol: z.literal(PROTOCOL_VERSION).default(PROTOCOL_VERSION),
    clientId: uuidSchema,
    /** Opaque, from the last pull's answer; null for a first pull. */
    cursor: z.string().max(500).nullable(),
    limit: z.number().int().positive().max(MAX_PULL_PAGE).default(1000),
  })
  .strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    rows: z.array(z.unknown()),
    /** Where the next pull starts. */
    cursor: z.string(),
    /** More rows are waiting: pull again now. */
    more: z.boolean(),
    /** Rows still to come after this page, when the server knows (first connection's progress bar). */
    remaining: z.number().int().nonnegative().nullable(),
    /** The last mutation of this client the server has applied, in push order; null if none. */
    lastMutationId: uuidSchema.nullable(),
  }),
  /**
   * The cursor is from another server, from a future this server doesn't have (restored from a
   * backup), or from a scope the reader no longer has: re-pull from null, keep the outbox.
   */
  z.object({ status: z.literal('reset'), reason: z.string() }),
]);
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---------------------------------------------------------------- staff sign-in

export const signInRequestSchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(1024),
    /** Shown in the admin's session list: which desk signed in. */
    deviceName: z.string().max(100).optional(),
  })
  .strict();
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInResponseSchema = z.object({
  /** Opaque; the server keeps only its hash. Sent as `Authorization: Bearer <token>`. */
  token: z.string().min(32),
  expiresAt: epochMs,
  user: staffDocSchema,
  /** The server's identity: a desk keeps one store file per server and user. */
  serverId: z.string(),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

// ---------------------------------------------------------------- errors

/**
 * Every non-2xx answer. 400 INVALID_INPUT (with `fields`), 401 UNAUTHENTICATED (no, expired or
 * revoked token: sign in again), 403 FORBIDDEN, 404 NOT_FOUND, 413 TOO_LARGE, 429 RATE_LIMITED
 * (with Retry-After), 5xx INTERNAL / UNAVAILABLE (infrastructure: retry later).
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---------------------------------------------------------------- storefront (API key)

const requestIdSchema = z.string().min(8).max(100);

export const storefrontOrderSchema = z
  .object({
    /** The caller's idempotency key: the same id creates the order once and answers it again. */
    requestId: requestIdSchema,
    number: z.string().min(1).max(40).optional(),
    customer: z.object({
      name: z.string().min(1).max(200),
      email: z.string().email().max(254),
      phone: z.string().max(30).nullable().default(null),
      smsConsent: z.boolean().default(false),
    }),
    billingAddress: usAddressSchema,
    shippingAddress: usAddressSchema.nullable(),
    shippingMethod: z.string().max(100).nullable().default(null),
    items: z
      .array(
        z.object({
          storeId: idSchema,
          sku: z.string().min(1).max(100),
          title: z.string().min(1).max(300),
          barcode: z.string().max(100).nullable().default(null),
          isDigital: z.boolean().default(false),
          quantity: z.number().int().positive().max(10_000),
          unitPriceCents: cents,
        }),
      )
      .min(1)
      .max(500),
    shippingCents: cents.default(0),
    taxCents: cents.default(0),
    discountCents: cents.default(0),
    customerNote: z.string().max(2000).nullable().default(null),
    /** As Stripe Checkout completed it. */
    payment: z.object({ paymentIntentId: z.string().min(3).max(255), capturedCents: cents }),
  })
  .strict();
export type StorefrontOrder = z.infer<typeof storefrontOrderSchema>;

export const storefrontCancellationSchema = z
  .object({ requestId: requestIdSchema, orderNumber: z.string().min(1).max(40), reason: z.string().min(1).max(2000) })
  .strict();

export const storefrontReturnSchema = z
  .object({
    requestId: requestIdSchema,
    orderNumber: z.string().min(1).max(40),
    items: z.array(z.object({ sku: z.string().min(1).max(100), quantity: z.number().int().positive().max(10_000) })).min(1).max(500),
    reason: z.enum(['damaged', 'wrong_item', 'not_as_described', 'no_longer_needed', 'other']),
    description: z.string().max(2000).default(''),
  })
  .strict();

export const storefrontDeliverySchema = z
  .object({
    requestId: requestIdSchema,
    trackingNumber: z.string().min(1).max(100),
    deliveredAt: epochMs,
  })
  .strict();

export const storefrontAnswerSchema = z.object({ orderId: idSchema, number: z.string(), requestId: z.string(), created: z.boolean() });
