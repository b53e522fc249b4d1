import type { FastifyInstance } from 'fastify';
import { pullRequestSchema, pushRequestSchema, type PushResponse } from '../../shared/contract/sync-protocol.js';
import { authenticate } from '../auth/sessions.js';
import type { ServerContext } from '../context.js';
import { parseBody } from '../http/errors.js';
import { pull } from './pull.js';
import { pullResponseJson } from './pull-json.js';
import { push } from './push.js';

/** A push carries up to MAX_PUSH_MUTATIONS changes; everything else is small. */
export const PUSH_BODY_LIMIT = 5 * 1024 * 1024;

export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { db } = ctx.sdb;

  app.post('/sync/pull', async (request, reply) => {
    const actor = await authenticate(db, request.headers.authorization, ctx.now());
    const answer = await pull(ctx.sdb, actor, parseBody(pullRequestSchema, request.body));
    return reply.type('application/json; charset=utf-8').send(pullResponseJson(answer));
  });

  app.post('/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const actor = await authenticate(db, request.headers.authorization, ctx.now());
    return push(ctx, actor, parseBody(pushRequestSchema, request.body));
  });

  /** Server-sent events: `poke` when something in the reader's scope changed; pull then. */
  app.get('/sync/events', async (request, reply) => {
    const actor = await authenticate(db, request.headers.authorization, ctx.now());
    reply.hijack();
    ctx.pokes.open(reply.raw, actor);
  });
}
