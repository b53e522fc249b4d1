import type { FastifyBaseLogger } from 'fastify';
import { AttemptLimiter } from './auth/rate-limit.js';
import { SESSION_TTL_MS } from './auth/sessions.js';
import type { ServerDb } from './db/connect.js';
import { IdPool } from './db/ids.js';
import { PokeHub } from './sync/poke.js';

export interface Limit {
  max: number;
  windowMs: number;
}

export interface ServerOptions {
  sdb: ServerDb;
  /** The server's clock (tests move it); desk clocks are informational only. */
  now?: () => number;
  sessionTtlMs?: number;
  /** Failed sign-ins per email, and sign-in attempts per client address. */
  signInLimits?: { perEmail: Limit; perIp: Limit };
  heartbeatMs?: number;
  /** Pokes within this window are sent as one. */
  pokeDelayMs?: number;
  /** Fastify's request log (method, URL, status, time: never bodies or headers). */
  logger?: boolean | { level: string };
}

/** What every route needs: the database, the clock, the limiters and the poke hub. */
export interface ServerContext {
  sdb: ServerDb;
  now: () => number;
  sessionTtlMs: number;
  emailLimiter: AttemptLimiter;
  ipLimiter: AttemptLimiter;
  pokes: PokeHub;
  /** Timeline entry ids for pushed mutations, reserved in blocks. */
  eventIds: IdPool;
  log: FastifyBaseLogger;
}

export const DEFAULT_SIGN_IN_LIMITS = {
  perEmail: { max: 5, windowMs: 15 * 60_000 },
  perIp: { max: 30, windowMs: 60_000 },
} as const;

export function createContext(options: ServerOptions, log: FastifyBaseLogger): ServerContext {
  const limits = options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS;
  return {
    sdb: options.sdb,
    now: options.now ?? Date.now,
    sessionTtlMs: options.sessionTtlMs ?? SESSION_TTL_MS,
    emailLimiter: new AttemptLimiter(limits.perEmail.max, limits.perEmail.windowMs),
    ipLimiter: new AttemptLimiter(limits.perIp.max, limits.perIp.windowMs),
    pokes: new PokeHub({ heartbeatMs: options.heartbeatMs ?? 15_000, delayMs: options.pokeDelayMs ?? 25 }),
    eventIds: new IdPool(options.sdb.db, 'event'),
    log,
  };
}
