import type { z } from 'zod';
import { bulkCalls, bulkEvents } from './bulk.js';
import { customerCalls } from './customers.js';
import type { EventDefinition } from './define.js';
import { deliveryCalls } from './delivery.js';
import { notificationCalls, notificationEvents } from './notification-calls.js';
import { orderCalls, orderEvents } from './orders.js';
import { packingCalls } from './packing.js';
import { sessionCalls } from './session.js';
import { slipCalls, slipEvents } from './slips.js';
import { syncCalls, syncEvents } from './sync-calls.js';

export * from './bulk.js';
export * from './customers.js';
export * from './define.js';
export * from './delivery.js';
export * from './notification-calls.js';
export * from './notifications.js';
export * from './orders.js';
export * from './packing.js';
export * from './permissions.js';
export * from './schemas.js';
export * from './session.js';
export * from './slips.js';
export * from './sync-calls.js';

/**
 * Every call the renderer can make, assembled from one file per area (the same areas as
 * electron/main/app/). Main parses each input with its schema before anything else runs; the
 * renderer shares the types. Names are `area.verb`.
 */
export const calls = {
  ...sessionCalls,
  ...orderCalls,
  ...packingCalls,
  ...deliveryCalls,
  ...customerCalls,
  ...bulkCalls,
  ...slipCalls,
  ...notificationCalls,
  ...syncCalls,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;

export const isCallName = (name: string): name is CallName => Object.hasOwn(calls, name);

/** Events main pushes to the renderer. */
export const events = {
  ...orderEvents,
  ...slipEvents,
  ...bulkEvents,
  ...notificationEvents,
  ...syncEvents,
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
