import { z } from 'zod';
import { usAddressSchema } from '../domain/address.js';
import { defineCall } from './define.js';
import { idSchema, orderDetailSchema, textSchema } from './schemas.js';

export const addressTypeSchema = z.enum(['billing', 'shipping']);

export const savedAddressSchema = z.object({
  id: idSchema,
  type: addressTypeSchema,
  label: z.string().nullable(),
  isDefault: z.boolean(),
  address: usAddressSchema,
});
export type SavedAddress = z.infer<typeof savedAddressSchema>;

export const customerRefSchema = z.object({ customerId: idSchema }).strict();

export const saveAddressInputSchema = z
  .object({
    customerId: idSchema,
    /** Omitted to add a new address. */
    addressId: idSchema.optional(),
    type: addressTypeSchema,
    label: textSchema(40).nullable().default(null),
    isDefault: z.boolean().default(false),
    /** Checked against the US rules in shared/domain/address (field-level errors). */
    address: z.unknown(),
  })
  .strict();

export const updateShippingAddressInputSchema = z
  .object({
    orderId: idSchema,
    address: z.unknown(),
    /** Also save it to the customer's address book as their default shipping address. */
    saveToCustomer: z.boolean().default(false),
    /** false = "don't email the customer" about the new address. */
    notifyCustomer: z.boolean().default(true),
  })
  .strict();

export const customerCalls = {
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
  /** Correct where an order goes, before it ships; the old and new address go on the timeline. */
  'orders.updateShippingAddress': defineCall({
    kind: 'mutation',
    input: updateShippingAddressInputSchema,
    output: orderDetailSchema,
    permission: 'orders.fulfill',
  }),
} as const;
