import { z } from 'zod';
import { defineCall } from './define.js';
import { idSchema, orderDetailSchema } from './schemas.js';

export const markDeliveredInputSchema = z
  .object({
    orderId: idSchema,
    /** One parcel; omitted means every parcel of the order not yet delivered. */
    shipmentId: z.uuid().optional(),
    notifyCustomer: z.boolean().default(true),
  })
  .strict();

export const deliveryCalls = {
  /** Record delivery by hand (carrier integration comes later). */
  'orders.markDelivered': defineCall({
    kind: 'mutation',
    input: markDeliveredInputSchema,
    output: orderDetailSchema,
    permission: 'orders.fulfill',
  }),
} as const;
