import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../shared/contract/schemas.js';
import { signInRequestSchema, staffDocSchema, type SignInResponse } from '../../shared/contract/sync-protocol.js';
import type { ServerContext } from '../context.js';
import { nextVersion } from '../db/versions.js';
import { HttpError, parseBody } from '../http/errors.js';
import type { Actor } from './actor.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { authenticate, createSession, revokeSession } from './sessions.js';
import { membershipsOf, staffDoc } from './staff.js';

export const meResponseSchema = z.object({ user: staffDocSchema, expiresAt: z.number().int(), serverId: z.string() });
export const signOutResponseSchema = z.object({ signedOut: z.literal(true) });
export const disableResponseSchema = z.object({ disabled: z.literal(true), revokedSessions: z.number().int().nonnegative() });
const userIdParamsSchema = z.object({ id: z.coerce.number().pipe(idSchema) }).strict();

const tooMany = (retryAfterMs: number) =>
  new HttpError(429, 'RATE_LIMITED', 'Too many sign-in attempts. Wait a little and try again.', undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
  });

const wrongPassword = () => new HttpError(401, 'UNAUTHENTICATED', 'The email or password is not right.');

export function authRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { db } = ctx.sdb;
  const requireActor = (request: FastifyRequest): Promise<Actor> => authenticate(db, request.headers.authorization, ctx.now());

  app.post('/auth/sign-in', async (request): Promise<SignInResponse> => {
    const input = parseBody(signInRequestSchema, request.body);
    const now = ctx.now();
    const ipKey = `ip:${request.ip}`;
    const emailKey = `email:${input.email}`;
    const wait = Math.max(ctx.ipLimiter.retryAfter(ipKey, now), ctx.emailLimiter.retryAfter(emailKey, now));
    if (wait > 0) throw tooMany(wait);
    ctx.ipLimiter.record(ipKey, now);

    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'password_hash', 'disabled'])
      .where('email', '=', input.email)
      .executeTakeFirst();
    const matches = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash()));
    if (!user || !matches) {
      ctx.emailLimiter.record(emailKey, now);
      throw wrongPassword();
    }
    if (user.disabled) throw new HttpError(403, 'FORBIDDEN', 'This account is disabled. Ask an admin.');
    ctx.emailLimiter.clear(emailKey);

    const { token, expiresAt } = await createSession(db, user.id, input.deviceName ?? null, now, ctx.sessionTtlMs);
    const storeIds = (await membershipsOf(db, [user.id])).get(user.id) ?? [];
    return { token, expiresAt, user: staffDoc(user, storeIds), serverId: ctx.sdb.serverId };
  });

  app.post('/auth/sign-out', async (request) => {
    const actor = await requireActor(request);
    await revokeSession(db, actor.sessionId, ctx.now());
    return { signedOut: true as const };
  });

  app.get('/auth/me', async (request) => {
    const actor = await requireActor(request);
    const storeIds = (await membershipsOf(db, [actor.userId])).get(actor.userId) ?? [];
    return {
      user: staffDoc({ id: actor.userId, email: actor.email, name: actor.name, role: actor.role }, storeIds),
      expiresAt: actor.expiresAt,
      serverId: ctx.sdb.serverId,
    };
  });

  /** Disables a member of staff: every session of theirs ends now and they can't sign in. */
  app.post('/admin/users/:id/disable', async (request) => {
    const actor = await requireActor(request);
    if (actor.role !== 'admin') throw new HttpError(403, 'FORBIDDEN', 'Only an admin can disable staff.');
    const params = userIdParamsSchema.safeParse(request.params);
    if (!params.success) throw new HttpError(400, 'INVALID_INPUT', 'The user id must be a positive integer.', { id: 'Expected a user id' });
    const userId = params.data.id;
    if (userId === actor.userId) throw new HttpError(409, 'CONFLICT', 'You cannot disable your own account.');
    const now = ctx.now();
    const revoked = await db.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
      if (!found) return null;
      const sessions = await trx
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      const version = await nextVersion(trx);
      await trx.updateTable('users').set({ disabled: 1, version }).where('id', '=', userId).execute();
      return Number(sessions.numUpdatedRows);
    });
    if (revoked === null) throw new HttpError(404, 'NOT_FOUND', 'There is no such user.');
    ctx.pokes.disconnectUser(userId);
    ctx.pokes.poke('everyone');
    return { disabled: true as const, revokedSessions: revoked };
  });
}
