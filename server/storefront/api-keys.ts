import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashToken } from '../auth/tokens.js';
import type { ServerDatabase } from '../db/schema.js';
import { HttpError } from '../http/errors.js';

/** A new storefront API key; only its hash is stored, so it is shown once. */
export async function createApiKey(db: Kysely<ServerDatabase>, name: string, now: number): Promise<string> {
  const key = `sk_shop_${randomBytes(24).toString('base64url')}`;
  await db.insertInto('api_keys').values({ name, key_hash: hashToken(key), created_at: now, revoked_at: null }).execute();
  return key;
}

export async function requireApiKey(db: Kysely<ServerDatabase>, header: string | string[] | undefined): Promise<void> {
  const key = typeof header === 'string' ? header.trim() : '';
  if (key.length < 16 || key.length > 200) throw new HttpError(401, 'UNAUTHENTICATED', 'This call needs a valid "X-Api-Key" header.');
  const row = await db.selectFrom('api_keys').select('id').where('key_hash', '=', hashToken(key)).where('revoked_at', 'is', null).executeTakeFirst();
  if (!row) throw new HttpError(401, 'UNAUTHENTICATED', 'This API key is unknown or revoked.');
}
