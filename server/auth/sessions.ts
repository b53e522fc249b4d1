import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import type { Actor } from './actor.js';
import { membershipsOf } from './staff.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export async function createSession(
  db: Kysely<ServerDatabase>,
  userId: number,
  device: string | null,
  now: number,
  ttlMs: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = newToken();
  const expiresAt = now + ttlMs;
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, device, created_at: now, expires_at: expiresAt, revoked_at: null })
    .execute();
  return { token, expiresAt };
}

const unauthenticated = (message: string) =>
  new HttpError(401, 'UNAUTHENTICATED', message, undefined, { 'www-authenticate': 'Bearer' });

/** The token from `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * The person behind a bearer token; 401 for a missing, unknown, expired or revoked token or a
 * disabled user (the desk then asks them to sign in again, keeping its outbox).
 */
export async function authenticate(db: Kysely<ServerDatabase>, header: string | undefined, now: number): Promise<Actor> {
  const token = bearerToken(header);
  if (!token) throw unauthenticated('Sign in: this call needs "Authorization: Bearer <token>".');
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.device',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.id as userId',
      'users.name',
      'users.email',
      'users.role',
      'users.disabled',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled) throw unauthenticated('This session has ended. Sign in again.');
  if (row.expires_at <= now) throw unauthenticated('This session has expired. Sign in again.');
  const storeIds = row.role === 'admin' ? null : ((await membershipsOf(db, [row.userId])).get(row.userId) ?? []);
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    storeIds,
    sessionId: row.sessionId,
    device: row.device,
    expiresAt: row.expires_at,
  };
}

export async function revokeSession(db: Kysely<ServerDatabase>, sessionId: number, now: number): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}
