import { findAddress, type AddressType } from '../../../../db/queries/addresses.js';
import type { Address } from '../../../../db/schema.js';
import type { OrderStore } from '../../../../db/store.js';
import type { SavedAddress } from '../../../../shared/contract/index.js';
import type { UsAddress } from '../../../../shared/domain/address.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';

export const addressOf = (row: Address): UsAddress => ({
  name: row.name,
  street: row.street,
  street2: row.street2,
  city: row.city,
  state: row.state as UsAddress['state'],
  zip: row.zip,
  country: row.country,
  phone: row.phone,
});

export const toSavedAddress = (row: Address): SavedAddress => ({
  id: row.id,
  type: row.type,
  label: row.label,
  isDefault: row.is_default === 1,
  address: addressOf(row),
});

export interface AddressWrite {
  customerId: number;
  /** Omitted for a new address. */
  addressId?: number | undefined;
  type: AddressType;
  label: string | null;
  isDefault: boolean;
  address: UsAddress;
  now: number;
}

const sameAddress = (a: UsAddress, b: UsAddress) =>
  a.name === b.name && a.street === b.street && (a.street2 ?? null) === (b.street2 ?? null) && a.city === b.city && a.state === b.state && a.zip === b.zip;

/** The customer's address of that type equal to `address` (phone aside), to update instead of duplicating. */
export function findSameAddress(store: OrderStore, customerId: number, type: AddressType, address: UsAddress): Address | undefined {
  return store
    .all(store.q.selectFrom('addresses').selectAll().where('user_id', '=', customerId).where('type', '=', type).orderBy('id'))
    .find((row) => sameAddress(addressOf(row), address));
}

/**
 * Adds or edits an address and keeps one default per customer and type: the first address of a
 * type becomes its default; making one the default unsets the previous one; moving the default
 * to the other type hands the old type's default to its oldest remaining address. Unsetting the
 * default is refused while others of that type exist: the person picks the new default instead.
 * Runs inside the caller's transaction. Returns the address id.
 */
export function writeAddress(store: OrderStore, write: AddressWrite): Result<number> {
  const existing = write.addressId === undefined ? undefined : findAddress(store, write.addressId);
  if (write.addressId !== undefined && (!existing || existing.user_id !== write.customerId)) {
    return fail('NOT_FOUND', "That address isn't in this customer's address book.", { addressId: 'Unknown address.' });
  }
  const others = store.all(
    store.q
      .selectFrom('addresses')
      .select(['id', 'is_default'])
      .where('user_id', '=', write.customerId)
      .where('type', '=', write.type)
      .where('id', '!=', existing?.id ?? -1),
  );
  const currentDefault = others.find((row) => row.is_default === 1);
  if (existing && existing.is_default === 1 && existing.type === write.type && !write.isDefault && others.length > 0) {
    return fail('INVALID_INPUT', `Choose another ${write.type} address as the default instead: one of them must be.`, {
      isDefault: 'Make another address the default instead.',
    });
  }
  const makeDefault = write.isDefault || currentDefault === undefined;
  // Unset first: the unique index allows one default per customer and type at every moment.
  if (makeDefault && currentDefault) {
    store.run(store.q.updateTable('addresses').set({ is_default: 0, updated_at: write.now }).where('id', '=', currentDefault.id));
  }
  const { address } = write;
  const columns = {
    type: write.type,
    label: write.label,
    name: address.name,
    street: address.street,
    street2: address.street2 ?? null,
    city: address.city,
    state: address.state,
    zip: address.zip,
    country: 'US' as const,
    phone: address.phone ?? null,
    is_default: makeDefault ? 1 : 0,
    updated_at: write.now,
  };
  let id: number;
  if (existing) {
    store.run(store.q.updateTable('addresses').set(columns).where('id', '=', existing.id));
    id = existing.id;
    if (existing.type !== write.type && existing.is_default === 1) promoteOldest(store, write.customerId, existing.type, write.now);
  } else {
    id = Number(store.run(store.q.insertInto('addresses').values({ ...columns, user_id: write.customerId, created_at: write.now })).lastInsertRowid);
  }
  return ok(id);
}

function promoteOldest(store: OrderStore, customerId: number, type: AddressType, now: number): void {
  const oldest = store.first(
    store.q.selectFrom('addresses').select('id').where('user_id', '=', customerId).where('type', '=', type).orderBy('id').limit(1),
  );
  if (oldest) store.run(store.q.updateTable('addresses').set({ is_default: 1, updated_at: now }).where('id', '=', oldest.id));
}
