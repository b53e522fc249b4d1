import type { Kysely, Transaction } from 'kysely';
import type { StaffDoc } from '../../shared/contract/sync-protocol.js';
import type { ServerDatabase } from '../db/schema.js';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** The stores each user is a member of, ascending. */
export async function membershipsOf(db: Db, userIds: readonly number[]): Promise<Map<number, number[]>> {
  const byUser = new Map<number, number[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('store_members')
    .select(['user_id', 'store_id'])
    .where('user_id', 'in', [...userIds])
    .orderBy('store_id')
    .execute();
  for (const row of rows) byUser.get(row.user_id)?.push(row.store_id);
  return byUser;
}

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: 'seller' | 'admin';
}

export function staffDoc(user: UserRow, storeIds: number[]): StaffDoc {
  return { id: user.id, name: user.name, email: user.email, role: user.role, storeIds };
}
