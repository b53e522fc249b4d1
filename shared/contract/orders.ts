import { z } from 'zod';
import { defineCall, type EventDefinition } from './define.js';
import {
  holdReasonSchema,
  idSchema,
  orderDetailSchema,
  orderListInputSchema,
  orderListOutputSchema,
  orderRefSchema,
  requiredTextSchema,
} from './schemas.js';

export const placeHoldInputSchema = z
  .object({ orderId: idSchema, reason: holdReasonSchema })
  .strict();

export const addNoteInputSchema = z
  .object({ orderId: idSchema, body: requiredTextSchema(4000, 'The note is empty.') })
  .strict();

export const ordersChangedSchema = z.object({ orderIds: z.array(idSchema) });

export const orderCalls = {
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

export const orderEvents = {
  /** Orders whose rows changed; the renderer refetches what it shows of them. */
  'orders.changed': { payload: ordersChangedSchema },
} as const satisfies Record<string, EventDefinition>;
