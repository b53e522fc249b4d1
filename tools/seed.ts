/**
 * Seeds a local store with a deterministic demo marketplace.
 *
 *   npm run seed -- --db <file> --orders <N> --seed <S> [--demo]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../db/open.js';
import { seedStoreFile } from '../db/seed/seed-file.js';

const USAGE = 'Usage: npm run seed -- --db <file> --orders <N> --seed <S> [--demo]';
const MAX_ORDERS = 5_000_000;

export interface SeedCliOptions {
  db: string;
  orders: number;
  seed: number;
  demo: boolean;
}

/** Parses and validates the command line; throws an Error whose message is shown as-is. */
export function parseSeedArgs(argv: string[]): SeedCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        orders: { type: 'string' },
        seed: { type: 'string', default: '1' },
        demo: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, { cause: error });
  }
  if (!values.db) throw new Error(`--db <file> is required.\n${USAGE}`);
  if (values.orders === undefined) throw new Error(`--orders <N> is required.\n${USAGE}`);
  const orders = Number(values.orders);
  if (!/^\d+$/.test(values.orders.trim()) || !Number.isSafeInteger(orders) || orders < 1 || orders > MAX_ORDERS) {
    throw new Error(`--orders must be a whole number from 1 to ${MAX_ORDERS.toLocaleString('en-US')}, got "${values.orders}".`);
  }
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.seed.trim()) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
    throw new Error(`--seed must be a whole number from 0 to 4294967295, got "${values.seed}".`);
  }
  return { db: values.db, orders, seed, demo: values.demo };
}

function main(): number {
  let options: SeedCliOptions;
  try {
    options = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const file = path.resolve(options.db);
  if (!existsSync(path.dirname(file))) {
    console.error(`The folder ${path.dirname(file)} does not exist.`);
    return 2;
  }
  const started = performance.now();
  const refusal = existsSync(file) ? whyNotSeed(file) : null;
  if (refusal) {
    console.error(refusal);
    return 1;
  }
  try {
    let lastReport = 0;
    const summary = seedStoreFile(file, {
      orders: options.orders,
      seed: options.seed,
      demo: options.demo,
      onProgress: (done) => {
        if (process.stderr.isTTY && (done - lastReport >= 50_000 || done === options.orders)) {
          lastReport = done;
          process.stderr.write(`\r  ${done.toLocaleString('en-US')} / ${options.orders.toLocaleString('en-US')} orders`);
          if (done === options.orders) process.stderr.write('\n');
        }
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${file}: ${summary.orders.toLocaleString('en-US')} orders, ${summary.users.toLocaleString('en-US')} users, ` +
        `${summary.stores} stores${options.demo ? ' (demo)' : ''}, seed ${options.seed}, in ${seconds} s (admin is user ${summary.adminUserId}).`,
    );
    return 0;
  } catch (error) {
    console.error(`Seeding failed, ${file} was not changed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Why an existing file must not be replaced by a seed, or null when it holds nothing to lose. */
function whyNotSeed(file: string): string | null {
  let store;
  try {
    store = openStore(file);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  try {
    const existing = (store.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
    if (existing > 0) {
      return `${file} already has ${existing.toLocaleString('en-US')} orders; refusing to seed on top of them. Use a new file or delete this one.`;
    }
    const users = (store.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    if (users > 0) return `${file} already has ${users} users; refusing to seed on top of them. Use a new file or delete this one.`;
    return null;
  } finally {
    store.close();
  }
}

process.exitCode = main();
