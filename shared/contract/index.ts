import { z } from 'zod';
import { defineCall, type EventDefinition } from './define.js';
import {
  addNoteInputSchema,
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

export * from './define.js';
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
} as const satisfies Record<string, EventDefinition>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

/** Inputs bigger than this are refused before parsing: no legitimate call comes close. */
export const MAX_INPUT_BYTES = 256 * 1024;
