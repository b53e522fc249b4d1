import { z } from 'zod';
import { defineCall, type EventDefinition } from './define.js';
import {
  addNoteInputSchema,
  claimSchema,
  idSchema,
  markPackedInputSchema,
  orderDetailSchema,
  orderListInputSchema,
  orderListOutputSchema,
  orderRefSchema,
  ordersChangedSchema,
  placeHoldInputSchema,
  sessionSchema,
  shipInputSchema,
  storeSummarySchema,
} from './schemas.js';
import {
  bulkHoldInputSchema,
  bulkOrdersInputSchema,
  bulkReportSchema,
  claimInputSchema,
  customerRefSchema,
  importProgressSchema,
  importRefSchema,
  importReportSchema,
  importShipmentsInputSchema,
  lookupInputSchema,
  lookupOutputSchema,
  markDeliveredInputSchema,
  saveAddressInputSchema,
  savedAddressSchema,
  slipJobRefSchema,
  slipJobSchema,
  slipOpenOutputSchema,
  slipStartInputSchema,
  slipsProgressSchema,
  updateShippingAddressInputSchema,
} from './packing.js';
import {
  notificationListInputSchema,
  notificationListOutputSchema,
  notificationPreviewSchema,
  notificationRefSchema,
  notificationRetryInputSchema,
  notificationRetryReportSchema,
  notificationSettingsViewSchema,
  notificationSummarySchema,
  resendConfirmationInputSchema,
  resendConfirmationOutputSchema,
  saveNotificationSettingsInputSchema,
  testSendInputSchema,
  testSendOutputSchema,
} from './notifications.js';

export * from './define.js';
export * from './notifications.js';
export * from './packing.js';
export * from './permissions.js';
export * from './schemas.js';

/**
 * Every call the renderer can make. Main parses each input with its schema before anything else
 * runs; the renderer shares the types. Names are `area.verb`.
 */
export const calls = {
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
  /** A page of the fulfillment queue, or of search results, in keyset order. */
  'orders.list': defineCall({
    kind: 'query',
    input: orderListInputSchema,
    output: orderListOutputSchema,
    permission: 'orders.read',
  }),
  /** One order with items, addresses, payment, shipments and timeline. */
  'orders.get': defineCall({
    kind: 'query',
    input: orderRefSchema,
    output: orderDetailSchema,
    permission: 'orders.read',
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
  /** Stop an order from being packed or shipped until released. */
  'orders.placeHold': defineCall({
    kind: 'mutation',
    input: placeHoldInputSchema,
    output: orderDetailSchema,
    permission: 'orders.hold',
  }),
  'orders.releaseHold': defineCall({
    kind: 'mutation',
    input: orderRefSchema,
    output: orderDetailSchema,
    permission: 'orders.hold',
  }),
  /** An internal note on the timeline; never shown to the customer. */
  'orders.addNote': defineCall({
    kind: 'mutation',
    input: addNoteInputSchema,
    output: orderDetailSchema,
    permission: 'orders.note',
  }),
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
  /** Record delivery by hand (carrier integration comes later). */
  'orders.markDelivered': defineCall({
    kind: 'mutation',
    input: markDeliveredInputSchema,
    output: orderDetailSchema,
    permission: 'orders.fulfill',
  }),
  /** Correct where an order goes, before it ships; the old and new address go on the timeline. */
  'orders.updateShippingAddress': defineCall({
    kind: 'mutation',
    input: updateShippingAddressInputSchema,
    output: orderDetailSchema,
    permission: 'orders.fulfill',
  }),
  /** Hold many orders; each is applied whole or refused with its reason. */
  'orders.bulkHold': defineCall({
    kind: 'mutation',
    input: bulkHoldInputSchema,
    output: bulkReportSchema,
    permission: 'orders.hold',
  }),
  'orders.bulkRelease': defineCall({
    kind: 'mutation',
    input: bulkOrdersInputSchema,
    output: bulkReportSchema,
    permission: 'orders.hold',
  }),
  /** Mark orders shipped from a CSV (order number, carrier, tracking number); a report row per line. */
  'shipments.importCsv': defineCall({
    kind: 'mutation',
    input: importShipmentsInputSchema,
    output: importReportSchema,
    permission: 'orders.fulfill',
    maxInputBytes: 16 * 1024 * 1024,
  }),
  /** Stop a running import after the slice of lines it is in; its answer then reports the lines not reached. */
  'shipments.importCancel': defineCall({
    kind: 'mutation',
    input: importRefSchema,
    output: importProgressSchema,
    permission: 'orders.fulfill',
  }),
  /** Start rendering packing slips for many orders into one PDF; progress arrives as slips.progress. */
  'slips.start': defineCall({
    kind: 'mutation',
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
    kind: 'mutation',
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
  /** A customer's address book. */
  'customers.addresses': defineCall({
    kind: 'query',
    input: customerRefSchema,
    output: z.array(savedAddressSchema),
    permission: 'customers.manage',
  }),
  /** Add or edit an address; making it the default unsets the previous default of that type. */
  'customers.saveAddress': defineCall({
    kind: 'mutation',
    input: saveAddressInputSchema,
    output: z.array(savedAddressSchema),
    permission: 'customers.manage',
  }),
  /**
   * Customer notifications, newest first, in keyset pages, with counts per status. A seller sees
   * those of orders in their stores.
   */
  'notifications.list': defineCall({
    kind: 'query',
    input: notificationListInputSchema,
    output: notificationListOutputSchema,
    permission: 'notifications.read',
  }),
  /** The exact message of one notification (FORBIDDEN for a seller whether it is another store's or missing). */
  'notifications.preview': defineCall({
    kind: 'query',
    input: notificationRefSchema,
    output: notificationPreviewSchema,
    permission: 'notifications.read',
  }),
  /** Put failed notifications back in the queue, each retried or refused with its reason. */
  'notifications.retry': defineCall({
    kind: 'mutation',
    input: notificationRetryInputSchema,
    output: notificationRetryReportSchema,
    permission: 'notifications.retry',
  }),
  /** Counts, whether failures have passed the alert threshold, and the sender's state. */
  'notifications.summary': defineCall({
    kind: 'query',
    input: z.object({}).strict().default({}),
    output: notificationSummarySchema,
    permission: 'notifications.read',
  }),
  /** Email the order confirmation again; one email per requestId however often it is sent. */
  'orders.resendConfirmation': defineCall({
    kind: 'mutation',
    input: resendConfirmationInputSchema,
    output: resendConfirmationOutputSchema,
    permission: 'notifications.retry',
  }),
  /** SMTP and SMS settings; secrets are never returned, only whether they are saved. */
  'settings.notifications.get': defineCall({
    kind: 'query',
    input: z.object({}).strict().default({}),
    output: notificationSettingsViewSchema,
    permission: 'settings.manage',
  }),
  /** Save the settings whole or not at all; field errors for the form. Secrets: omitted keeps, null deletes. */
  'settings.notifications.save': defineCall({
    kind: 'mutation',
    input: saveNotificationSettingsInputSchema,
    output: notificationSettingsViewSchema,
    permission: 'settings.manage',
  }),
  /** Send one test email with the saved settings or a draft of them; says what the server answered. */
  'settings.notifications.testSend': defineCall({
    kind: 'mutation',
    input: testSendInputSchema,
    output: testSendOutputSchema,
    permission: 'settings.manage',
  }),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;

export const isCallName = (name: string): name is CallName => Object.hasOwn(calls, name);

/** Events main pushes to the renderer. */
export const events = {
  /** Orders whose rows changed; the renderer refetches what it shows of them. */
  'orders.changed': { payload: ordersChangedSchema },
  /** A packing-slip batch moved on (or finished, failed, was cancelled). */
  'slips.progress': { payload: slipsProgressSchema },
  /** A CSV import moved on (lines applied or refused so far), or ended. */
  'shipments.importProgress': { payload: importProgressSchema },
  /** Notifications whose status changed (queued, sent, failed, retried); screens refetch. */
  'notifications.changed': { payload: z.object({ ids: z.array(idSchema) }) },
  /** Failures reached the alert threshold (or changed while past it). */
  'notifications.alert': {
    payload: z.object({ failed: z.number().int().nonnegative(), threshold: z.number().int().positive() }),
  },
} as const satisfies Record<string, EventDefinition>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

/** Inputs bigger than this are refused before parsing: no legitimate call comes close. */
export const MAX_INPUT_BYTES = 256 * 1024;

/** The largest input any call accepts: transports size their read buffers by it. */
export const LARGEST_INPUT_BYTES = Math.max(
  MAX_INPUT_BYTES,
  ...Object.values(calls).map((definition: { maxInputBytes?: number }) => definition.maxInputBytes ?? 0),
);
