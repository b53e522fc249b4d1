import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import type { ServerDb } from '../db/connect.js';
import type { PokeHub, PokeScope } from './poke.js';

const CHANNEL = 'shop_poke';
const RECONNECT_MS = 1000;

const messageSchema = z.object({ from: z.string(), stores: z.union([z.literal('*'), z.array(z.number().int())]) });

function parseMessage(payload: string): z.infer<typeof messageSchema> | null {
  try {
    return messageSchema.parse(JSON.parse(payload));
  } catch {
    return null;
  }
}

/**
 * Several server processes on one PostgreSQL: each commit's poke goes to the other processes
 * through NOTIFY, and each process LISTENs on its own connection and pokes its desks. A lost
 * listening connection is reopened; pokes missed meanwhile cost desks nothing but a later pull
 * (each stream also starts with a poke, and desks pull on a timer anyway).
 */
export async function startPokeRelay(sdb: ServerDb, hub: PokeHub, log: FastifyBaseLogger): Promise<() => Promise<void>> {
  if (!('databaseUrl' in sdb.location)) return async () => {};
  const url = sdb.location.databaseUrl;
  const me = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const listen = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const parsed = parseMessage(message.payload);
      if (parsed && parsed.from !== me) hub.deliver(parsed.stores === '*' ? 'everyone' : { storeIds: parsed.stores });
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'poke relay: listening connection lost');
      void next.end().catch(() => {});
      if (!closed) timer = setTimeout(() => void listen().catch(() => {}), RECONNECT_MS);
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
  };
  await listen();

  hub.relayTo((scope: PokeScope) => {
    const payload = JSON.stringify({ from: me, stores: scope === 'everyone' ? '*' : [...scope.storeIds] });
    sql`select pg_notify(${CHANNEL}, ${payload})`.execute(sdb.db).catch((error: unknown) => log.warn({ err: error }, 'poke relay: notify failed'));
  });

  return async () => {
    closed = true;
    hub.relayTo(null);
    if (timer) clearTimeout(timer);
    await client?.end().catch(() => {});
  };
}
