import { usAddressSchema, type UsAddress } from '../../../shared/domain/address.js';
import { fail, ok, type Result } from '../../../shared/domain/result.js';

/**
 * An address checked against the US rules, field errors keyed as the input nests them
 * (`address.zip`) and the first as the message (desk: electron/main/app/customers/address-book.ts).
 */
export function parseAddress(raw: unknown): Result<UsAddress> {
  const parsed = usAddressSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = ['address', ...issue.path.map(String)].join('.');
    fields[key] ??= issue.message;
  }
  return fail('INVALID_INPUT', Object.values(fields)[0] ?? 'Check the address.', fields);
}

const FIELDS = ['name', 'street', 'street2', 'city', 'state', 'zip', 'country', 'phone'] as const;

type AddressLike = { [K in (typeof FIELDS)[number]]?: string | null | undefined };

/** Whether a correction changes where the order goes, phone included (desk: customers/shipping-address.ts). */
export const addressChanged = (from: AddressLike, to: AddressLike): boolean => FIELDS.some((field) => (from[field] ?? null) !== (to[field] ?? null));

/** The address book is the customer's across every store: saving to it is an admin's call (desk: shipping-address.ts). */
export const saveToCustomerRefused = () =>
  fail('FORBIDDEN', "Only an admin can change a customer's saved addresses. Correct the order without saving it.");
