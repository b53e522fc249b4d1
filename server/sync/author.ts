import type { Kysely } from 'kysely';
import { fail, ok, type Result } from '../../shared/domain/result.js';
import type { Actor } from '../auth/actor.js';
import { membershipsOf } from '../auth/staff.js';
import type { ServerDatabase } from '../db/schema.js';

export interface Author {
  userId: number;
  name: string;
  role: 'seller' | 'admin';
  storeIds: number[] | null;
}

/**
 * Who a pushed mutation is applied as (mutationSchema's authorId). The token's user by default.
 * Another author is accepted only when they are active staff who could do no more than the
 * token's user — a role no higher, and stores all among the token user's — so a shared station
 * pushes a colleague's pending change under their name and nobody borrows rights they lack.
 */
export async function resolveAuthor(db: Kysely<ServerDatabase>, pusher: Actor, authorId: number | undefined): Promise<Result<Author>> {
  if (authorId === undefined || authorId === pusher.userId) {
    return ok({ userId: pusher.userId, name: pusher.name, role: pusher.role, storeIds: pusher.storeIds });
  }
  const refused = fail('FORBIDDEN', 'This change was made by someone whose changes you cannot send.');
  const user = await db.selectFrom('users').select(['id', 'name', 'role', 'disabled']).where('id', '=', authorId).executeTakeFirst();
  if (!user || user.disabled) return refused;
  if (user.role === 'admin') return pusher.role === 'admin' ? ok({ userId: user.id, name: user.name, role: 'admin', storeIds: null }) : refused;
  const theirs = (await membershipsOf(db, [user.id])).get(user.id) ?? [];
  const within = pusher.storeIds === null || theirs.every((id) => pusher.storeIds?.includes(id));
  return within ? ok({ userId: user.id, name: user.name, role: 'seller', storeIds: theirs }) : refused;
}
