import type { AddressSnapshot, OrderDetail } from '../../../shared/contract/index.js';
import { US_STATES, usAddressSchema, type UsAddress } from '../../../shared/domain/address.js';
import { checkAddressChange } from '../../../shared/domain/address-change.js';

/** What the form holds: every field as typed, blanks included. */
export interface AddressDraft {
  name: string;
  street: string;
  street2: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
}

export type AddressField = keyof AddressDraft;
export const ADDRESS_FIELDS: readonly AddressField[] = ['name', 'street', 'street2', 'city', 'state', 'zip', 'phone'];

export const EMPTY_DRAFT: AddressDraft = { name: '', street: '', street2: '', city: '', state: '', zip: '', phone: '' };

export function draftFrom(a: AddressSnapshot | UsAddress | null | undefined): AddressDraft {
  if (!a) return EMPTY_DRAFT;
  return {
    name: a.name,
    street: a.street,
    street2: a.street2 ?? '',
    city: a.city,
    state: a.state.trim().toUpperCase(),
    zip: a.zip,
    phone: a.phone ?? '',
  };
}

/** What the server is sent: blanks as null, so "no second line" has one form. */
export function addressInput(d: AddressDraft) {
  return {
    name: d.name,
    street: d.street,
    street2: d.street2.trim() === '' ? null : d.street2,
    city: d.city,
    state: d.state,
    zip: d.zip,
    country: 'US' as const,
    phone: d.phone.trim() === '' ? null : d.phone,
  };
}

export type FieldErrors = Partial<Record<string, string>>;

/**
 * The same US rules main applies, run before sending so each mistake shows on its field at
 * once. Main checks again; its answer is mapped by fieldErrorsFrom.
 */
export function checkDraft(d: AddressDraft): { ok: true } | { ok: false; fields: FieldErrors } {
  const parsed = usAddressSchema.safeParse(addressInput(d));
  if (parsed.success) return { ok: true };
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key !== '' && fields[key] === undefined) fields[key] = issue.message;
  }
  return { ok: false, fields };
}

/**
 * Main's field errors are keyed by input path ("address.zip", "label"); the form's inputs by
 * their own name. Keys the form has no input for come back in `other`, so no message is lost.
 */
export function fieldErrorsFrom(serverFields: Record<string, string> | undefined, formKeys: readonly string[]): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(serverFields ?? {})) {
    // "address" alone is about the whole address ("Unchanged."): the failure's sentence says it.
    if (path === 'address') continue;
    const key = path.startsWith('address.') ? path.slice('address.'.length) : path;
    if (formKeys.includes(key)) fields[key] = message;
    else other.push(message);
  }
  return { fields, other };
}

/**
 * What a refused save shows: errors on their fields, and a banner that only repeats what the
 * fields can't show (with every mistake marked, it just says to fix them).
 */
export function formErrorsFrom(
  failure: { message: string; fields?: Record<string, string> | undefined },
  formKeys: readonly string[],
): { fields: FieldErrors; banner: string } {
  const mapped = fieldErrorsFrom(failure.fields, formKeys);
  const marked = Object.keys(mapped.fields).length > 0 && mapped.other.length === 0;
  return { fields: mapped.fields, banner: marked ? 'Fix the marked fields and save again.' : [failure.message, ...mapped.other].join(' ') };
}

/** The state picker's choices; a stored value that isn't a known code stays visible so it can be fixed. */
export function stateOptions(current: string): { value: string; label: string }[] {
  const options = [
    { value: '', label: 'Choose a state…' },
    ...Object.entries(US_STATES).map(([code, name]) => ({ value: code, label: `${code} — ${name}` })),
  ];
  if (current !== '' && !Object.hasOwn(US_STATES, current)) options.splice(1, 0, { value: current, label: `${current} (not a US state)` });
  return options;
}

/** Why the ship-to address can't be corrected any more, or null while it can: main's rule and sentence (main re-checks). */
export function addressEditBlock(order: Pick<OrderDetail, 'status' | 'shippingAddress' | 'shipments'>): string | null {
  const check = checkAddressChange({ status: order.status, hasShippingAddress: order.shippingAddress !== null, parcels: order.shipments.length });
  return check.ok ? null : check.message;
}
