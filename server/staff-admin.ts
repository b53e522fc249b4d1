import type { Kysely } from 'kysely';
import { hashPassword } from './auth/passwords.js';
import type { ServerDatabase } from './db/schema.js';
import { nextVersion } from './db/versions.js';

/**
 * Setting up a shop: stores and staff, each row at a version of its own so desks pull them. Used
 * by the demo seeder and tests; an admin screen would call the same.
 */
export async function addStore(db: Kysely<ServerDatabase>, store: { slug: string; name: string }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const version = await nextVersion(trx);
    const row = await trx.insertInto('stores').values({ ...store, version }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  });
}

export interface NewStaff {
  email: string;
  name: string;
  role: 'seller' | 'admin';
  password: string;
  storeIds?: number[];
}

export async function addStaff(db: Kysely<ServerDatabase>, staff: NewStaff, now: number): Promise<number> {
  const passwordHash = await hashPassword(staff.password);
  return db.transaction().execute(async (trx) => {
    const version = await nextVersion(trx);
    const row = await trx
      .insertInto('users')
      .values({ email: staff.email.trim().toLowerCase(), name: staff.name, role: staff.role, password_hash: passwordHash, disabled: 0, version, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (staff.storeIds?.length) {
      await trx
        .insertInto('store_members')
        .values(staff.storeIds.map((storeId) => ({ user_id: row.id, store_id: storeId })))
        .execute();
    }
    return row.id;
  });
}

/** Adds a member of staff to a store; their next pull answers `reset` (their scope changed). */
export async function addMembership(db: Kysely<ServerDatabase>, userId: number, storeId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('store_members').values({ user_id: userId, store_id: storeId }).execute();
    const version = await nextVersion(trx);
    await trx.updateTable('users').set({ version }).where('id', '=', userId).execute();
  });
}
