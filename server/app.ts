import Fastify, { type FastifyInstance, type FastifyError } from 'fastify';
import { authRoutes } from './auth/routes.js';
import { createContext, type ServerContext, type ServerOptions } from './context.js';
import { HttpError, errorBody, sendError } from './http/errors.js';
import { openApiDocument } from './openapi.js';
import { storefrontRoutes } from './storefront/routes.js';
import { startPokeRelay } from './sync/poke-relay.js';
import { syncRoutes } from './sync/routes.js';

/** Every body but a push's is small. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

export interface ShopServer {
  app: FastifyInstance;
  ctx: ServerContext;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'code' in error && typeof (error as FastifyError).code === 'string';
}

/**
 * The shop backend as a Fastify app (not listening yet): sign-in, sync, storefront, OpenAPI. On
 * PostgreSQL, pokes are relayed between server processes once the app is ready.
 */
export function createShopServer(options: ServerOptions): ShopServer {
  // forceCloseConnections: desks hold poke streams open for as long as they run; closing must not wait on them.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: DEFAULT_BODY_LIMIT, trustProxy: false, forceCloseConnections: true });
  const ctx = createContext(options, app.log);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    if (isFastifyError(error) && error.statusCode === 413) {
      return reply.code(413).send(errorBody('TOO_LARGE', 'The request body is too large.'));
    }
    if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Unparseable JSON, a wrong content type, an empty body: the body is malformed.
      return reply.code(400).send(errorBody('INVALID_INPUT', 'The request body must be JSON matching the schema.', { '(body)': error.message }));
    }
    // No body or headers in the log: they may hold passwords, tokens or customers' details.
    request.log.error({ err: error, url: request.routeOptions.url }, 'request failed');
    return reply.code(500).send(errorBody('INTERNAL', 'The server failed. Try again later.'));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('NOT_FOUND', 'There is no such endpoint.')));

  authRoutes(app, ctx);
  syncRoutes(app, ctx);
  storefrontRoutes(app, ctx);
  const openapi = openApiDocument();
  app.get('/openapi.json', async () => openapi);
  app.get('/health', async () => ({ ok: true, serverId: ctx.sdb.serverId }));
  let stopRelay: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    stopRelay = await startPokeRelay(ctx.sdb, ctx.pokes, app.log);
  });
  // Event streams never end on their own: end them before the server waits for its connections.
  app.addHook('preClose', async () => {
    await stopRelay?.();
    ctx.pokes.close();
  });
  return { app, ctx };
}
