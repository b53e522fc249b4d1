import { z } from 'zod';
import { defineCall } from './define.js';
import {
  carrierSchema,
  claimSchema,
  idSchema,
  orderDetailSchema,
  orderRefSchema,
  requiredTextSchema,
  textSchema,
  uuidSchema,
} from './schemas.js';

export const lookupInputSchema = z.object({ code: requiredTextSchema(100) }).strict();
export const lookupOutputSchema = z.object({ orderId: idSchema, number: z.string() });

export const claimInputSchema = z
  .object({
    orderId: idSchema,
    /** Take the order over from another station (after the person was warned). */
    takeOver: z.boolean().default(false),
  })
  .strict();

const itemQuantitySchema = z.object({ itemId: idSchema, quantity: z.number().int().positive().max(100_000) }).strict();

export const markPackedInputSchema = z
  .object({
    orderId: idSchema,
    /** Items and quantities packed; omitted means every remaining physical item. */
    items: z.array(itemQuantitySchema).min(1).max(500).optional(),
    /** 'scan': verified by scanning each unit at the packing station; 'manual': ticked by hand. */
    source: z.enum(['scan', 'manual']).default('manual'),
  })
  .strict();

export const shipInputSchema = z
  .object({
    orderId: idSchema,
    /** Made by the client so a retried request can never create a second shipment. */
    shipmentId: uuidSchema,
    carrier: carrierSchema,
    trackingNumber: requiredTextSchema(64),
    carrierName: textSchema(80).optional(),
    trackingUrl: textSchema(2000).optional(),
    method: textSchema(80).optional(),
    /** Items and quantities in this parcel; omitted means every remaining physical item. */
    items: z.array(itemQuantitySchema).min(1).max(500).optional(),
    /** false = "don't email the customer" for this action. */
    notifyCustomer: z.boolean().default(true),
    /** Ship items that were not verified (packed) anyway; the reason goes on the timeline. */
    verificationOverride: requiredTextSchema(500).optional(),
  })
  .strict();
export type ShipInput = z.input<typeof shipInputSchema>;

export const packingCalls = {
  /**
   * What a scanned or typed code names: an order number (from a packing slip's barcode).
   * NOT_FOUND for no such order; FORBIDDEN, saying so, for another store's order.
   */
  'orders.lookup': defineCall({
    kind: 'query',
    input: lookupInputSchema,
    output: lookupOutputSchema,
    permission: 'orders.read',
  }),
  /**
   * Claim an order for this station while packing it. CLAIMED_ELSEWHERE unless takeOver. Renews an own claim.
   * Claims are per store: a seller claims their own stores' part of the order, an admin every store's.
   */
  'orders.claim': defineCall({
    kind: 'mutation',
    input: claimInputSchema,
    output: claimSchema,
    permission: 'orders.fulfill',
  }),
  /** Let go of this station's claim on the caller's stores (done packing, or walked away). */
  'orders.releaseClaim': defineCall({
    kind: 'mutation',
    input: orderRefSchema,
    output: orderDetailSchema,
    permission: 'orders.fulfill',
  }),
  /** Record items as packed (all remaining physical items when none are listed). */
  'orders.markPacked': defineCall({
    kind: 'mutation',
    input: markPackedInputSchema,
    output: orderDetailSchema,
    permission: 'orders.fulfill',
  }),
  /** Ship items in one parcel with a tracking number; emails the customer unless told not to. */
  'orders.ship': defineCall({
    kind: 'mutation',
    input: shipInputSchema,
    output: orderDetailSchema,
    permission: 'orders.fulfill',
  }),
} as const;
